#include "support/smtp_listener.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <atomic>
#include <cctype>
#include <functional>
#include <chrono>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace safeboard::testing {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using boost::system::error_code;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::seconds kReadLimit{5};
constexpr std::size_t kMaxLine = 4096;
constexpr std::size_t kMaxData = 1024 * 1024;

struct Pem {
    std::string certificate, key;
};

template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, decltype([](T* p) { Free(p); })>;

std::string pem_of(const std::function<int(BIO*)>& write) {
    Owned<BIO, BIO_free_all> bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1) throw std::runtime_error("cannot write PEM");
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

void add_extension(X509* certificate, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Owned<X509_EXTENSION, X509_EXTENSION_free> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1) throw std::runtime_error("cannot add extension");
}

// A certificate for `host`, valid for a day, signed by its own key.
Pem self_signed(const std::string& host) {
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
    Owned<X509, X509_free> certificate(X509_new());
    if (!key || !certificate) throw std::runtime_error("cannot make a key");
    X509_set_version(certificate.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 3600);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(host.c_str()), -1,
                               -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    X509_set_pubkey(certificate.get(), key.get());
    add_extension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(certificate.get(), NID_subject_alt_name, "DNS:" + host);
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0) throw std::runtime_error("cannot sign");
    return {pem_of([&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); }),
            pem_of([&](BIO* bio) {
                return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
            })};
}

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// "x@example.org" from "FROM:<x@example.org>" or "TO:<x@example.org> NOTIFY=NEVER".
std::string path_of(const std::string& argument) {
    auto open = argument.find('<');
    auto close = argument.find('>', open);
    if (open == std::string::npos || close == std::string::npos) return {};
    return argument.substr(open + 1, close - open - 1);
}

}  // namespace

struct SmtpListener::State {
    explicit State(SmtpListenerOptions listener_options) : options(std::move(listener_options)) {}

    // Runs the operation `start` begins until it ends, or until `limit`
    // passes, when the connection is closed; false unless it succeeded.
    template <typename Start>
    bool run(Start start, std::optional<std::chrono::seconds> limit = kReadLimit) {
        error_code result = asio::error::would_block;
        start([&result](error_code ec, auto&&...) { result = ec; });
        io.restart();
        if (limit) io.run_for(*limit); else io.run();
        if (result == asio::error::would_block) {
            close_current();
            io.run();
        }
        return !result;
    }

    void close_current() {
        error_code ignored;
        if (current) current->close(ignored);
    }

    void serve();
    void record(ReceivedMail mail) {
        std::lock_guard lock(mutex);
        received.push_back(std::move(mail));
    }
    void record(std::string command) {
        std::lock_guard lock(mutex);
        commands.push_back(std::move(command));
    }

    SmtpListenerOptions options;
    Pem pem;
    asio::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0;
    tcp::socket* current = nullptr;  // the connection being served; touched only on the listener's thread
    std::atomic<bool> stopping{false};
    std::thread thread;
    mutable std::mutex mutex;
    std::vector<ReceivedMail> received;
    std::vector<std::string> commands;
};

namespace {

// One client, from the greeting to QUIT or a dropped connection.
class Conversation {
public:
    Conversation(SmtpListener::State& state, tcp::socket& socket) : state_(state), socket_(socket) {}
    void run();

private:
    template <typename Operation>
    bool on_stream(Operation operation) {
        return tls_ ? operation(*tls_) : operation(socket_);
    }
    bool send(std::string_view text);
    std::optional<std::string> line();
    bool handle(const std::string& verb, const std::string& argument);
    bool hello();
    bool start_tls();
    bool authenticate(const std::string& argument);
    bool recipient(const std::string& argument);
    bool data();

    SmtpListener::State& state_;
    tcp::socket& socket_;
    std::optional<ssl::context> tls_context_;
    std::optional<ssl::stream<tcp::socket&>> tls_;
    std::string buffer_;
    ReceivedMail mail_;
};

bool Conversation::send(std::string_view text) {
    std::string bytes = std::string(text) + "\r\n";
    return on_stream([&](auto& stream) {
        return state_.run([&](auto done) { asio::async_write(stream, asio::buffer(bytes), done); });
    });
}

std::optional<std::string> Conversation::line() {
    bool ok = on_stream([&](auto& stream) {
        return state_.run([&](auto done) {
            asio::async_read_until(stream, asio::dynamic_buffer(buffer_, kMaxLine), "\r\n", done);
        });
    });
    if (!ok) return std::nullopt;
    std::size_t end = buffer_.find("\r\n");
    std::string text = buffer_.substr(0, end);
    buffer_.erase(0, end + 2);
    return text;
}

void Conversation::run() {
    if (!send("220 localhost ESMTP test listener")) return;
    while (auto command = line()) {
        state_.record(*command);
        std::string verb = upper(command->substr(0, command->find(' ')));
        std::string argument = command->size() > verb.size() ? command->substr(verb.size() + 1) : "";
        if (verb == state_.options.close_at || !handle(verb, argument)) return;
    }
}

bool Conversation::handle(const std::string& verb, const std::string& argument) {
    if (verb == "EHLO") return hello();
    if (verb == "HELO") return send("250 localhost");
    if (verb == "STARTTLS") return start_tls();
    if (verb == "AUTH") return authenticate(argument);
    if (verb == "MAIL") {
        mail_.from = path_of(argument);
        return send("250 2.1.0 OK");
    }
    if (verb == "RCPT") return recipient(argument);
    if (verb == "DATA") return data();
    if (verb == "RSET" || verb == "NOOP") return send("250 2.0.0 OK");
    if (verb == "QUIT") {
        send("221 2.0.0 Bye");
        return false;
    }
    return send("500 5.5.2 Command not recognised");
}

bool Conversation::hello() {
    if (state_.options.refuse_ehlo) return send("502 5.5.1 EHLO not implemented");
    std::string reply = "250-localhost\r\n";
    if (state_.options.starttls && !tls_) reply += "250-STARTTLS\r\n";
    if (state_.options.auth) reply += "250-AUTH LOGIN PLAIN\r\n";
    return send(reply + "250 8BITMIME");
}

bool Conversation::start_tls() {
    if (!state_.options.starttls || tls_) return send("502 5.5.1 Not available");
    if (!send("220 2.0.0 Ready to start TLS")) return false;
    tls_context_.emplace(ssl::context::tls_server);
    tls_context_->use_certificate(asio::buffer(state_.pem.certificate), ssl::context::pem);
    tls_context_->use_private_key(asio::buffer(state_.pem.key), ssl::context::pem);
    tls_.emplace(socket_, *tls_context_);
    mail_ = ReceivedMail{};
    buffer_.clear();
    if (!state_.run([&](auto done) { tls_->async_handshake(ssl::stream_base::server, done); })) return false;
    mail_.encrypted = true;
    return true;
}

bool Conversation::authenticate(const std::string& argument) {
    if (!state_.options.auth || upper(argument.substr(0, 6)) != "PLAIN ") return send("504 5.5.4 Not supported");
    std::string credentials = decode_base64(argument.substr(6));
    auto first = credentials.find('\0');
    auto second = credentials.find('\0', first + 1);
    if (first == std::string::npos || second == std::string::npos) return send("501 5.5.2 Bad credentials");
    mail_.username = credentials.substr(first + 1, second - first - 1);
    mail_.password = credentials.substr(second + 1);
    return send("235 2.7.0 Authentication successful");
}

bool Conversation::recipient(const std::string& argument) {
    std::string address = path_of(argument);
    if (state_.options.reject_recipients.contains(address))
        return send("550 5.1.1 <" + address + ">: Recipient address rejected");
    mail_.to.push_back(address);
    return send("250 2.1.5 OK");
}

bool Conversation::data() {
    if (mail_.to.empty()) return send("554 5.5.1 No valid recipients");
    if (!send("354 End data with <CR><LF>.<CR><LF>")) return false;
    std::string text;
    while (auto received = line()) {
        if (*received == ".") {
            ReceivedMail mail = mail_;
            mail.data = std::move(text);
            state_.record(std::move(mail));
            mail_.from.clear();
            mail_.to.clear();
            return send("250 2.0.0 OK queued");
        }
        text += (received->starts_with('.') ? received->substr(1) : *received) + "\r\n";
        if (text.size() > kMaxData) {
            send("552 5.3.4 Message too big");
            return false;
        }
    }
    return false;
}

}  // namespace

void SmtpListener::State::serve() {
    while (!stopping) {
        tcp::socket socket(io);
        if (!run([&](auto done) { acceptor.async_accept(socket, done); }, std::nullopt)) return;
        current = &socket;
        try {
            Conversation(*this, socket).run();
        } catch (const std::exception&) {
            // A broken conversation ends that connection only; the test sees the client's error.
        }
        current = nullptr;
    }
}

SmtpListener::SmtpListener(SmtpListenerOptions options) : state_(std::make_unique<State>(std::move(options))) {
    if (state_->options.starttls) state_->pem = self_signed("localhost");
    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
    state_->acceptor.open(endpoint.protocol());
    state_->acceptor.bind(endpoint);
    state_->acceptor.listen();
    state_->port = state_->acceptor.local_endpoint().port();
    state_->thread = std::thread([state = state_.get()] { state->serve(); });
}

SmtpListener::~SmtpListener() {
    state_->stopping = true;
    asio::post(state_->io, [state = state_.get()] {
        error_code ignored;
        state->acceptor.close(ignored);
        state->close_current();
    });
    state_->thread.join();
}

std::uint16_t SmtpListener::port() const { return state_->port; }

std::vector<ReceivedMail> SmtpListener::messages() const {
    std::lock_guard lock(state_->mutex);
    return state_->received;
}

std::vector<std::string> SmtpListener::commands() const {
    std::lock_guard lock(state_->mutex);
    return state_->commands;
}

const std::string& SmtpListener::certificate_pem() const { return state_->pem.certificate; }

std::string decode_base64(std::string_view text) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        auto value = alphabet.find(c);
        if (value == std::string_view::npos) continue;
        bits = (bits << 6) | static_cast<unsigned>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

}  // namespace safeboard::testing

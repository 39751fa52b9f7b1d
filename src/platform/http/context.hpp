#pragma once
// What a handler gets besides the request: the request id, the signed-in
// user (set by the Gate before the handler runs), and a database connection
// leased on first use and returned when the handler ends. Handlers that use
// the database run on the worker pool (see router.hpp), so blocking there
// never stalls an I/O thread.
#include <optional>
#include <string>

#include "platform/access/principal.hpp"
#include "platform/db/pool.hpp"

namespace safeboard::http {

class Context {
public:
    Context(db::Pool* pool, std::string request_id)
        : pool_(pool), request_id_(std::move(request_id)) {}
    db::Connection& db();
    bool has_database() const { return pool_ != nullptr; }
    const std::string& request_id() const { return request_id_; }

    void set_principal(access::Principal principal) { principal_ = std::move(principal); }
    // Null when nobody is signed in (only on routes open to anyone).
    const access::Principal* principal() const { return principal_ ? &*principal_ : nullptr; }
    // The signed-in user; throws std::logic_error on a route open to anyone.
    const access::Principal& user() const;

    // The synchroniser token every form in this response must carry (empty
    // when the request has no session).
    std::string form_token;
    // Headers the Gate adds to whatever the handler answers (e.g. a cookie).
    std::vector<std::pair<std::string, std::string>> response_headers;

private:
    db::Pool* pool_;
    std::optional<db::Lease> lease_;
    std::string request_id_;
    std::optional<access::Principal> principal_;
};

}  // namespace safeboard::http

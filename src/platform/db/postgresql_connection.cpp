#include "platform/db/postgresql_connection.hpp"

#include <charconv>

#include "platform/db/postgresql_result.hpp"

namespace safeboard::db {
namespace {

PGconn* open_connection(const DatabaseUrl& url) {
    // A default connect_timeout, placed before the URL so one in the URL wins:
    // without it an unreachable host blocks start-up for minutes.
    const char* keywords[] = {"connect_timeout", "dbname", nullptr};
    const char* values[] = {"10", url.target.c_str(), nullptr};
    PGconn* connection = PQconnectdbParams(keywords, values, 1);
    if (connection == nullptr) throw DatabaseError(ErrorCode::connection, "libpq is out of memory");
    if (PQstatus(connection) != CONNECTION_OK) {
        std::string reason = one_line(PQerrorMessage(connection));
        PQfinish(connection);
        throw DatabaseError(ErrorCode::connection,
                            "cannot connect to PostgreSQL at " + url.redacted + ": " + reason);
    }
    return connection;
}

std::string to_text(const Value& value) {
    if (auto* s = std::get_if<std::string>(&value)) return *s;
    if (auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
    if (auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    // Shortest text that reads back as the same double.
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
    return std::string(buffer, end);
}

}  // namespace

void PostgresqlConnection::Finisher::operator()(pg_conn* connection) const {
    PQfinish(connection);
}

PostgresqlConnection::PostgresqlConnection(const DatabaseUrl& url) : connection_(open_connection(url)) {
    // Notices below warning are noise in logs; UTC so timestamps read the
    // same whatever the server's zone; UTF-8 because every string here is.
    PgResult result(PQexec(connection_.get(),
                           "SET client_min_messages = warning; SET TimeZone = 'UTC'; SET client_encoding = 'UTF8'"));
    check_result(connection_.get(), result.get(), "cannot configure PostgreSQL session");
}

const PostgresqlConnection::Prepared& PostgresqlConnection::prepare(std::string_view sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) return found->second;
    std::string name = "s" + std::to_string(++names_used_);
    std::string text(sql);
    PgResult prepared(PQprepare(connection_.get(), name.c_str(), text.c_str(), 0, nullptr));
    check_result(connection_.get(), prepared.get(), "PostgreSQL cannot prepare \"" + text + "\"");
    // The server reports a wrong parameter count as a protocol violation
    // (SQLSTATE 08P01, which reads as a lost connection); knowing the count
    // lets query() report it plainly, as the SQLite side does.
    PgResult described(PQdescribePrepared(connection_.get(), name.c_str()));
    check_result(connection_.get(), described.get(), "PostgreSQL cannot describe \"" + text + "\"");
    Prepared statement{std::move(name), PQnparams(described.get())};
    return statements_.emplace(std::move(text), std::move(statement)).first->second;
}

ResultSet PostgresqlConnection::query(std::string_view sql, std::span<const Value> params) {
    const Prepared& statement = prepare(sql);
    if (statement.parameters != static_cast<int>(params.size())) {
        throw DatabaseError(ErrorCode::other, "statement uses " + std::to_string(statement.parameters) +
                                                  " parameters but " + std::to_string(params.size()) +
                                                  " were given: " + std::string(sql));
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t k = 0; k < params.size(); ++k) {
        if (std::holds_alternative<Null>(params[k])) continue;
        texts[k] = to_text(params[k]);
        values[k] = texts[k].c_str();
    }
    PgResult result(PQexecPrepared(connection_.get(), statement.name.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0));
    check_result(connection_.get(), result.get(), "PostgreSQL");
    return read_result(result.get());
}

std::string PostgresqlConnection::run(const char* sql) {
    PgResult result(PQexec(connection_.get(), sql));
    check_result(connection_.get(), result.get(), "PostgreSQL");
    return PQcmdStatus(result.get());
}

void PostgresqlConnection::execute_script(std::string_view sql) {
    // The simple query protocol accepts several statements in one string.
    run(std::string(sql).c_str());
}

void PostgresqlConnection::begin(TxMode mode) {
    run(mode == TxMode::write ? "BEGIN" : "BEGIN READ ONLY");
}

void PostgresqlConnection::commit() {
    // COMMIT of a transaction that already failed succeeds with the tag
    // ROLLBACK; the caller must not believe its writes were kept.
    if (run("COMMIT") == "ROLLBACK") {
        throw DatabaseError(ErrorCode::other, "PostgreSQL rolled back the transaction because a statement in it failed");
    }
}

void PostgresqlConnection::rollback() {
    if (!in_transaction()) return;
    run("ROLLBACK");
}

bool PostgresqlConnection::in_transaction() const {
    auto status = PQtransactionStatus(connection_.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool PostgresqlConnection::ping() {
    if (PQstatus(connection_.get()) != CONNECTION_OK) return false;
    PgResult result(PQexec(connection_.get(), "SELECT 1"));
    return result && PQresultStatus(result.get()) == PGRES_TUPLES_OK;
}

}  // namespace safeboard::db

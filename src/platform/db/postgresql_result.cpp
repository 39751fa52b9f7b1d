#include "platform/db/postgresql_result.hpp"

#include <charconv>
#include <cstdlib>

namespace safeboard::db {
namespace {

// Type OIDs from the server's pg_type catalogue; fixed since PostgreSQL 7.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

Value typed(Oid type, std::string text) {
    if (type == kBool) return text == "t";
    if (type == kInt8 || type == kInt2 || type == kInt4) {
        std::int64_t number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size()) return number;
    }
    if (type == kFloat4 || type == kFloat8) {
        double number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size()) return number;
    }
    return text;
}

std::int64_t affected_rows(const PGresult* result) {
    std::string_view tag = PQcmdStatus(const_cast<PGresult*>(result));
    bool changes = tag.starts_with("INSERT") || tag.starts_with("UPDATE") || tag.starts_with("DELETE") ||
                   tag.starts_with("MERGE");
    if (!changes) return 0;
    return std::strtoll(PQcmdTuples(const_cast<PGresult*>(result)), nullptr, 10);
}

}  // namespace

ErrorCode classify_sqlstate(std::string_view sqlstate) {
    if (sqlstate == "23505") return ErrorCode::unique_violation;
    if (sqlstate == "23503") return ErrorCode::foreign_key_violation;
    if (sqlstate == "23514") return ErrorCode::check_violation;
    if (sqlstate == "23502") return ErrorCode::not_null_violation;
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") return ErrorCode::busy;
    // 57P01..03: the server is shutting down or terminated this session.
    if (sqlstate.starts_with("08") || sqlstate.starts_with("57P0")) return ErrorCode::connection;
    return ErrorCode::other;
}

std::string one_line(std::string_view message) {
    std::string out;
    bool gap = false;
    for (char c : message) {
        bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

void check_result(PGconn* connection, const PGresult* result, std::string_view context) {
    auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    ErrorCode code = sqlstate ? classify_sqlstate(sqlstate) : ErrorCode::other;
    // No SQLSTATE and a dead socket: the server went away mid-statement.
    if (!sqlstate && PQstatus(connection) == CONNECTION_BAD) code = ErrorCode::connection;
    std::string message = primary ? primary : one_line(PQerrorMessage(connection));
    if (sqlstate) message += " (SQLSTATE " + std::string(sqlstate) + ")";
    throw DatabaseError(code, std::string(context) + ": " + message);
}

ResultSet read_result(const PGresult* result) {
    ResultSet set;
    int columns = PQnfields(result);
    int rows = PQntuples(result);
    for (int c = 0; c < columns; ++c) set.columns.emplace_back(PQfname(result, c));
    set.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c)) {
                values.emplace_back(Null{});
                continue;
            }
            std::string text(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c)));
            values.push_back(typed(PQftype(result, c), std::move(text)));
        }
        set.rows.emplace_back(std::move(values));
    }
    set.affected = affected_rows(result);
    return set;
}

}  // namespace safeboard::db

#pragma once
// libpq results: ownership, conversion to ResultSet, and SQLSTATE to ErrorCode.
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>

#include "platform/db/database.hpp"

namespace safeboard::db {

struct ResultClear {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultClear>;

ErrorCode classify_sqlstate(std::string_view sqlstate);

// libpq messages span lines ("...failed: refused\n\tIs the server running?");
// logs want one.
std::string one_line(std::string_view message);

// Throws unless the result succeeded; the message starts with context.
void check_result(PGconn* connection, const PGresult* result, std::string_view context);

// Rows keep PostgreSQL's text, except the types every driver maps the same
// way (booleans, integers, floats), which come back typed.
ResultSet read_result(const PGresult* result);

}  // namespace safeboard::db

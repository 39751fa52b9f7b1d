#pragma once
// Turns SQLite's extended result codes into DatabaseError, so stores can tell
// a duplicate from a lock timeout the same way on both backends.
#include <string_view>

#include "platform/db/database.hpp"

struct sqlite3;

namespace safeboard::db {

ErrorCode classify_sqlite_error(int extended_code);

// Throws DatabaseError for the connection's last error: "<context>: <sqlite3_errmsg>".
[[noreturn]] void throw_sqlite_error(sqlite3* db, std::string_view context);

}  // namespace safeboard::db

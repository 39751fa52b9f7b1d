#include "platform/db/sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace safeboard::db {

ErrorCode classify_sqlite_error(int extended_code) {
    switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return ErrorCode::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return ErrorCode::foreign_key_violation;
    case SQLITE_CONSTRAINT_CHECK: return ErrorCode::check_violation;
    case SQLITE_CONSTRAINT_NOTNULL: return ErrorCode::not_null_violation;
    default: break;
    }
    // The low byte is the primary code; BUSY_SNAPSHOT, LOCKED_SHAREDCACHE and
    // the like are all "someone else holds the lock".
    switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::busy;
    default: return ErrorCode::other;
    }
}

void throw_sqlite_error(sqlite3* db, std::string_view context) {
    int code = sqlite3_extended_errcode(db);
    throw DatabaseError(classify_sqlite_error(code), std::string(context) + ": " + sqlite3_errmsg(db));
}

}  // namespace safeboard::db

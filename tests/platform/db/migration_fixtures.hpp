#pragma once
// The migration folders under tests/data/migrations, compiled into the test
// binary the way modules compile theirs.
#include <vector>

#include "platform/db/migrations.hpp"
#include "platform/embed/embedded.hpp"

SAFEBOARD_EMBEDDED_TABLE(test_migrations_good)
SAFEBOARD_EMBEDDED_TABLE(test_migrations_failing)

namespace safeboard::db::fixtures {

// 0001 shared, 0002 a dialect pair, 0003 shared.
inline MigrationSet good_migrations() {
    MigrationSet set;
    set.add_module("test", embed::tables::test_migrations_good());
    return set;
}

// 0001 fine, 0002 creates a table and then fails, 0003 never runs.
inline MigrationSet failing_migrations() {
    MigrationSet set;
    set.add_module("test", embed::tables::test_migrations_failing());
    return set;
}

// The good set's files, for building variants of it.
inline std::vector<embed::File> good_files() {
    auto table = embed::tables::test_migrations_good();
    return {table.begin(), table.end()};
}

}  // namespace safeboard::db::fixtures

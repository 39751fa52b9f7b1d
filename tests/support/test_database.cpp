#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>

namespace safeboard::db {

void PrintTo(Backend backend, std::ostream* out) {
    *out << to_string(backend);
}

}  // namespace safeboard::db

namespace safeboard::testing {
namespace {

std::optional<std::string> postgres_cluster_url() {
    const char* value = std::getenv(kPostgresVariable);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::filesystem::path make_temporary_directory() {
    auto pattern = (std::filesystem::temp_directory_path() / "safeboard-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory: " + std::string(std::strerror(errno)));
    }
    return pattern;
}

db::DatabaseUrl parse_or_throw(const std::string& text, const std::string& origin) {
    auto url = db::parse_database_url(text);
    if (!url) throw std::runtime_error(origin + " is not a database URL: " + url.error().message);
    return *url;
}

// Unique across parallel test processes and across runs on a kept cluster.
std::string unique_schema_name() {
    static std::atomic<unsigned> counter{0};
    std::random_device entropy;
    return "test_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" +
           std::to_string(entropy() % 1000000);
}

std::string with_search_path(const std::string& cluster, const std::string& schema) {
    if (cluster.find("options=") != std::string::npos) {
        throw std::runtime_error(std::string(kPostgresVariable) +
                                 " must not set options=; the tests use it to choose a schema");
    }
    char separator = cluster.find('?') == std::string::npos ? '?' : '&';
    return cluster + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::optional<std::string> unavailable_reason(db::Backend backend) {
    if (backend == db::Backend::postgresql && !postgres_cluster_url()) {
        return std::string(kPostgresVariable) +
               " is not set, so the PostgreSQL tests did not run (make test starts a cluster and sets it)";
    }
    return std::nullopt;
}

TestDatabase::TestDatabase(db::Backend backend) {
    if (auto reason = unavailable_reason(backend)) throw std::runtime_error(*reason);
    if (backend == db::Backend::sqlite) {
        directory_ = make_temporary_directory();
        url_ = parse_or_throw("sqlite:" + (directory_ / "test.db").string(), "the test database path");
        return;
    }
    cluster_ = parse_or_throw(*postgres_cluster_url(), kPostgresVariable);
    if (cluster_->backend != db::Backend::postgresql) {
        throw std::runtime_error(std::string(kPostgresVariable) + " must be a postgresql:// URI");
    }
    schema_ = unique_schema_name();
    db::connect(*cluster_)->execute_script("CREATE SCHEMA " + schema_);
    url_ = parse_or_throw(with_search_path(cluster_->target, schema_), "the test schema URL");
}

TestDatabase::~TestDatabase() {
    std::error_code ignored;
    if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
    if (!cluster_) return;
    try {
        // A lock timeout, so a test that leaked an open transaction fails
        // here instead of hanging the suite.
        db::connect(*cluster_)->execute_script("SET lock_timeout = '10s'; DROP SCHEMA " + schema_ + " CASCADE");
    } catch (const std::exception& error) {
        ADD_FAILURE() << "could not drop test schema " << schema_ << ": " << error.what();
    }
}

std::vector<db::Backend> test_backends() {
    return {db::Backend::sqlite, db::Backend::postgresql};
}

std::string backend_name(const ::testing::TestParamInfo<db::Backend>& info) {
    return db::to_string(info.param);
}

void DatabaseTest::SetUp() {
    if (auto reason = unavailable_reason(GetParam())) GTEST_SKIP() << *reason;
    database_.emplace(GetParam());
}

}  // namespace safeboard::testing

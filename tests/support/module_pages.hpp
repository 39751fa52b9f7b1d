#pragma once
// The fixture of a module's page tests: a fresh database on each backend
// with every migration and the demo data the test loads, the module's pages
// on a router with the web shell's templates, and requests dispatched as the
// server dispatches them (page_requests.hpp), for principals made here.
#include <cstdint>
#include <memory>
#include <string>

#include "platform/access/principal.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/pool.hpp"
#include "platform/http/router.hpp"
#include "platform/web/routes.hpp"
#include "support/page_requests.hpp"
#include "support/test_database.hpp"

namespace safeboard::testing {

// A signed-in user holding one role in one scope.
access::Principal principal(access::Role role, access::Scope scope, std::int64_t user_id = 7);

class ModulePages : public DatabaseTest {
protected:
    void SetUp() override;
    // The demo data the test reads, loaded once the database is migrated.
    virtual void load(db::Connection& db) = 0;
    // The module's templates and pages (the sign-in templates are there already).
    virtual void add_module_pages(http::Router& router, web::Templates& templates) = 0;

    http::Response call(http::Method method, const std::string& target, const access::Principal& user,
                        std::string body = {}, std::string content_type = "application/x-www-form-urlencoded");
    http::Response get(const std::string& target, const access::Principal& user);
    http::Response post(const std::string& target, const access::Principal& user, const Form& fields);
    // A multipart/form-data post, as a file input sends it: the fields, then
    // the file as "file" with its name, typed text/csv.
    http::Response upload(const std::string& target, const access::Principal& user, const Form& fields,
                          const std::string& filename, const std::string& bytes);

    std::unique_ptr<db::Pool> pool_;
    std::unique_ptr<web::WebShell> shell_;
    http::Router router_;
    audit::Actor actor_{std::nullopt, "test", "", ""};
};

}  // namespace safeboard::testing

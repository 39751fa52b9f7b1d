#include "support/module_pages.hpp"

#include <chrono>

#include "app/application.hpp"
#include "platform/auth/module.hpp"

namespace safeboard::testing {

access::Principal principal(access::Role role, access::Scope scope, std::int64_t user_id) {
    access::Principal user;
    user.user_id = user_id;
    user.email = "someone@example.org";
    user.name = "Someone";
    user.grants = {{role, scope}};
    return user;
}

void ModulePages::SetUp() {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    pool_ = std::make_unique<db::Pool>(url(), db::PoolOptions{2, std::chrono::milliseconds(2000)});
    {
        auto lease = pool_->acquire();
        db::migrate(*lease, app::all_migrations());
        load(*lease);
    }
    shell_ = web::WebShell::from_embedded();
    shell_->templates.add(auth::templates());
    add_module_pages(router_, shell_->templates);
}

http::Response ModulePages::call(http::Method method, const std::string& target, const access::Principal& user,
                                 std::string body, std::string content_type) {
    return dispatch(router_, *pool_, method, target, user, std::move(body), std::move(content_type));
}

http::Response ModulePages::get(const std::string& target, const access::Principal& user) {
    return call(http::Method::get, target, user);
}

http::Response ModulePages::post(const std::string& target, const access::Principal& user, const Form& fields) {
    return call(http::Method::post, target, user, form_encoded(fields));
}

http::Response ModulePages::upload(const std::string& target, const access::Principal& user, const Form& fields,
                                   const std::string& filename, const std::string& bytes) {
    const std::string boundary = "----module-pages-test-boundary";
    std::string body;
    auto part = [&](const std::string& disposition) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition;
    };
    part("name=\"csrf_token\"\r\n\r\nx\r\n");
    for (const auto& [name, value] : fields) part("name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    part("name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + bytes + "\r\n");
    body += "--" + boundary + "--\r\n";
    return call(http::Method::post, target, user, std::move(body), "multipart/form-data; boundary=" + boundary);
}

}  // namespace safeboard::testing

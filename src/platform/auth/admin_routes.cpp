#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "platform/auth/admin.hpp"
#include "platform/auth/gate.hpp"
#include "platform/auth/page.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/auth/users.hpp"
#include "platform/core/text.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::auth {

namespace {

using kainjow::mustache::data;
using access::Permission;
using http::Access;

constexpr std::size_t users_per_page = 50;
constexpr int audit_entries_per_page = 50;
// A download is built in memory; past this many rows, narrow the search.
constexpr std::size_t csv_row_cap = 10000;
// What a table cell shows of one value before and after a change.
constexpr std::size_t shown_value_bytes = 200;

struct Admin {
    Authenticator& auth;
    const web::Templates& templates;
};

// --- common pieces ---------------------------------------------------------------

http::Response no_such_user(const http::Request& request) { return missing(request, "user"); }

std::string role_label(access::Role role) {
    std::string label(access::to_string(role));
    std::replace(label.begin(), label.end(), '_', ' ');
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

// --- who may manage whom -----------------------------------------------------------

bool instance_wide(const access::Principal& principal, Permission permission) {
    return principal.can(permission, access::Scope{});
}

// An admin for the whole instance manages everyone. An admin for some
// partnerships manages an account only when every role it holds lies in one
// of them: otherwise changing it would reach into another partnership. An
// account with no roles belongs to no partnership, so only the former sees it.
bool manages(const access::Principal& admin, const User& user) {
    if (instance_wide(admin, Permission::users_manage)) return true;
    if (user.grants.empty()) return false;
    return std::all_of(user.grants.begin(), user.grants.end(), [&](const access::Grant& grant) {
        return grant.scope.kind == access::ScopeKind::partnership && admin.can(Permission::users_manage, grant.scope);
    });
}

// The account named in the path, if this admin manages it. Anything else
// answers as a missing account does, so nobody learns what is beyond their reach.
std::optional<User> managed_user(const http::Request& request, http::Context& context) {
    auto id = path_id(request);
    if (!id) return std::nullopt;
    auto user = find_user(context.db(), *id);
    if (!user || !manages(context.user(), *user)) return std::nullopt;
    return user;
}

// Where this admin may give roles, for messages: "instance" or "partnership:3 or partnership:5".
std::string reach_text(const access::Principal& admin) {
    if (instance_wide(admin, Permission::users_manage)) return "instance";
    std::string text;
    for (auto id : admin.reach(Permission::users_manage, access::ScopeKind::partnership).ids) {
        if (!text.empty()) text += " or ";
        text += "partnership:" + std::to_string(id);
    }
    return text;
}

std::string default_scope(const access::Principal& admin) {
    auto reach = admin.reach(Permission::users_manage, access::ScopeKind::partnership);
    if (reach.everything || reach.ids.empty()) return "instance";
    return "partnership:" + std::to_string(reach.ids.front());
}

// --- the role and scope fields ------------------------------------------------------

struct GrantForm {
    std::optional<access::Grant> grant;
    std::vector<FieldError> errors;
};

GrantForm read_grant(const access::Principal& admin, std::string_view role_text, std::string_view scope_text) {
    GrantForm form;
    auto role = access::parse_role(role_text);
    if (!role) form.errors.push_back({"role", "Choose a role"});
    auto scope = access::parse_scope(trim(scope_text));
    if (!scope) {
        form.errors.push_back({"scope", "Enter where the role applies as instance or partnership:ID, like partnership:3"});
    } else if (!admin.can(Permission::users_manage, *scope)) {
        form.errors.push_back({"scope", "You can give roles only in " + reach_text(admin)});
    }
    if (form.errors.empty()) form.grant = access::Grant{*role, *scope};
    return form;
}

// The radios, GOV.UK style: the first input's id is the field's name, so the
// error summary's link lands on it.
data role_choices(std::string_view chosen) {
    data list{data::type::list};
    int position = 0;
    for (auto role : access::all_roles()) {
        ++position;
        data item;
        item.set("input_id", position == 1 ? std::string("role") : "role-" + std::to_string(position));
        item.set("value", std::string(access::to_string(role)));
        item.set("label", role_label(role));
        item.set("hint", std::string(access::describe(role)));
        if (access::to_string(role) == chosen) item.set("checked", true);
        list.push_back(item);
    }
    return list;
}

void set_grant_fields(data& values, std::string_view role, std::string_view scope) {
    values.set("role_choices", role_choices(role));
    values.set("scope_value", std::string(scope));
}

std::string grant_summary(const std::vector<access::Grant>& grants) {
    std::string text;
    for (const auto& grant : grants) {
        if (!text.empty()) text += ", ";
        text += role_label(grant.role) + " (" + access::to_string(grant.scope) + ")";
    }
    return text.empty() ? "None" : text;
}

// --- the list of accounts -------------------------------------------------------------

struct UserPage {
    std::vector<User> users;
    bool more = false;
};

// One page of the accounts this admin manages, after `after_id`. Accounts
// beyond the admin's reach are skipped, so the store is read in batches
// until the page is full.
UserPage visible_users(db::Connection& db, const access::Principal& admin, std::int64_t after_id) {
    constexpr int batch = 200;
    UserPage page;
    for (;;) {
        auto users = list_users(db, batch, after_id);
        for (auto& user : users) {
            if (!manages(admin, user)) continue;
            if (page.users.size() == users_per_page) {
                page.more = true;
                return page;
            }
            page.users.push_back(std::move(user));
        }
        if (users.size() < static_cast<std::size_t>(batch)) return page;
        after_id = users.back().id;
    }
}

http::Response list_accounts(const Admin& admin, const http::Request& request, http::Context& context) {
    std::int64_t after = 0;
    if (auto text = request.query_param("after")) {
        auto id = parse_id(*text);
        if (!id) return http::problem(404, "There is no such page of users", request);
        after = *id;
    }
    auto page = visible_users(context.db(), context.user(), after);
    data rows{data::type::list};
    for (const auto& user : page.users) {
        data row;
        row.set("id", std::to_string(user.id));
        row.set("name", user.name);
        row.set("email", user.email);
        row.set("status", user.disabled ? "Disabled" : "Active");
        if (user.disabled) row.set("disabled", true);
        row.set("mfa", user.mfa_enrolled() ? "On" : "Off");
        row.set("roles", grant_summary(user.grants));
        rows.push_back(row);
    }
    data values;
    values.set("users", rows);
    if (!page.users.empty()) values.set("has_users", true);
    if (page.more) values.set("next_after", std::to_string(page.users.back().id));
    if (after > 0) values.set("not_first", true);
    return render_page(admin.templates, context, "auth/pages/admin_users", std::move(values), "Users");
}

// --- adding an account ------------------------------------------------------------------

http::Response new_account_form(const Admin& admin, http::Context& context, data values, unsigned status) {
    return render_page(admin.templates, context, "auth/pages/admin_user_new", std::move(values), "Add a user", status);
}

http::Response show_new_account(const Admin& admin, const http::Request&, http::Context& context) {
    data values;
    set_grant_fields(values, "", default_scope(context.user()));
    return new_account_form(admin, context, std::move(values), 200);
}

http::Response show_link(const Admin& admin, http::Context& context, const User& user, const std::string& link,
                         bool created) {
    data values;
    values.set("id", std::to_string(user.id));
    values.set("name", user.name);
    values.set("email", user.email);
    values.set("link", link);
    values.set("hours", std::to_string(admin.auth.settings().setup_link_lifetime / 3600));
    if (created) values.set("created", true);
    return render_page(admin.templates, context, "auth/pages/admin_setup_link", std::move(values),
                       created ? "User added" : "New set-up link", created ? 201 : 200);
}

http::Response create_account(const Admin& admin, const http::Request& request, http::Context& context) {
    const auto& principal = context.user();
    auto& db = context.db();
    auto fields = http::form_fields(request);
    std::string role = form_text(fields, "role");
    std::string scope = form_text(fields, "scope");
    auto grant = read_grant(principal, role, scope);
    NewUser user{trim(form_text(fields, "email")), trim(form_text(fields, "name")), {}};
    if (grant.grant) user.grants.push_back(*grant.grant);

    std::vector<FieldError> errors = grant.errors;
    const auto& exists = admin.auth.settings().scope_exists;
    if (auto valid = validate(db, user, exists); !valid) {
        for (const auto& error : valid.error().fields) {
            // A grant that could not be read is reported already, by its own fields.
            if (grant.grant || (error.field != "role" && error.field != "scope")) errors.push_back(error);
        }
    }
    Result<User> created = errors.empty() ? create_user(db, user, std::nullopt, actor_of(request, principal), exists)
                                          : Result<User>(invalid(errors));
    if (!created) {
        if (created.error().fields.empty()) return http::problem(created.error(), request);
        errors = created.error().fields;
        web::order_errors(errors, {"email", "name", "role", "scope"});
        data values;
        values.set("email", user.email);
        values.set("name", user.name);
        set_grant_fields(values, role, scope);
        web::set_errors(values, errors);
        return new_account_form(admin, context, std::move(values), 422);
    }
    std::string link = admin.auth.issue_setup_link(db, created->id, actor_of(request, principal));
    return show_link(admin, context, *created, link, true);
}

// --- one account ----------------------------------------------------------------------------

// What a redirect after a change says on the account page.
std::string_view notice_for(std::string_view done) {
    if (done == "signed-out") return "The account has been signed out of every session.";
    if (done == "disabled") return "The account has been disabled. Its sessions have ended and its API tokens are revoked.";
    if (done == "enabled") return "The account has been enabled.";
    if (done == "role-given") return "The role has been given.";
    if (done == "role-removed") return "The role has been removed.";
    return "";
}

data grant_rows(const User& user) {
    data rows{data::type::list};
    for (const auto& grant : user.grants) {
        data row;
        row.set("label", role_label(grant.role));
        row.set("role", std::string(access::to_string(grant.role)));
        row.set("scope", access::to_string(grant.scope));
        rows.push_back(row);
    }
    return rows;
}

http::Response account_page(const Admin& admin, const http::Request& request, http::Context& context,
                            const User& user, data values = {}, unsigned status = 200) {
    const auto& principal = context.user();
    auto& db = context.db();
    // Someone else's account is personal data: looking at it is recorded.
    if (user.id != principal.user_id) {
        audit::append_alone(db, actor_of(request, principal), {"read", "user", std::to_string(user.id), {}, ""});
    }
    values.set("id", std::to_string(user.id));
    values.set("name", user.name);
    values.set("email", user.email);
    values.set("created", user.created_at);
    values.set("mfa", user.mfa_enrolled() ? "On" : "Off");
    if (user.disabled) values.set("disabled", true);
    values.set("grants", grant_rows(user));
    if (!user.grants.empty()) values.set("has_grants", true);
    auto sessions = live_sessions(db, user.id, admin.auth.now(), admin.auth.settings().sessions);
    values.set("session_count", std::to_string(sessions.size()));
    values.set("hours", std::to_string(admin.auth.settings().setup_link_lifetime / 3600));
    if (instance_wide(principal, Permission::audit_read)) values.set("audit_link", true);
    if (!values.get("role_choices")) set_grant_fields(values, "", default_scope(principal));
    if (auto done = request.query_param("done"); done && !notice_for(*done).empty()) {
        values.set("notice", std::string(notice_for(*done)));
    }
    return render_page(admin.templates, context, "auth/pages/admin_user", std::move(values), user.name, status);
}

http::Response account_page_with_errors(const Admin& admin, const http::Request& request, http::Context& context,
                                        const User& user, const std::vector<FieldError>& errors, data values = {}) {
    web::set_errors(values, errors);
    return account_page(admin, request, context, user, std::move(values), 422);
}

http::Response show_account(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    return account_page(admin, request, context, *user);
}

std::string account_path(const User& user, std::string_view done) {
    return "/admin/users/" + std::to_string(user.id) + "?done=" + std::string(done);
}

http::Response give_role(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    auto fields = http::form_fields(request);
    std::string role = form_text(fields, "role");
    std::string scope = form_text(fields, "scope");
    auto grant = read_grant(context.user(), role, scope);
    std::vector<FieldError> errors = grant.errors;
    if (grant.grant) {
        auto added = add_grant(context.db(), user->id, *grant.grant, actor_of(request, context.user()),
                               admin.auth.settings().scope_exists);
        if (!added && added.error().fields.empty()) return http::problem(added.error(), request);
        if (!added) errors = added.error().fields;
    }
    if (errors.empty()) return see_other(account_path(*user, "role-given"));
    data values;
    set_grant_fields(values, role, scope);
    return account_page_with_errors(admin, request, context, *user, errors, std::move(values));
}

// Would this change leave the admin unable to manage accounts where they can now?
bool locks_self_out(const access::Principal& admin, const User& user, const access::Grant& grant) {
    return user.id == admin.user_id && access::grants(grant.role, Permission::users_manage);
}

http::Response remove_role(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    auto fields = http::form_fields(request);
    auto role = access::parse_role(form_text(fields, "role"));
    auto scope = access::parse_scope(form_text(fields, "scope"));
    if (!role || !scope) return http::problem(404, "The account does not hold this role", request);
    access::Grant grant{*role, *scope};
    if (std::find(user->grants.begin(), user->grants.end(), grant) == user->grants.end()) {
        return http::problem(404, "The account does not hold this role", request);
    }
    if (locks_self_out(context.user(), *user, grant)) {
        return account_page_with_errors(admin, request, context, *user,
                                        {{"grants", "You cannot remove your own admin role; ask another admin"}});
    }
    auto removed = remove_grant(context.db(), user->id, grant, actor_of(request, context.user()));
    if (!removed) return http::problem(removed.error(), request);
    return see_other(account_path(*user, "role-removed"));
}

http::Response sign_out_account(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    sign_out_everywhere(context.db(), user->id, "signed out by an admin", admin.auth.now(),
                        actor_of(request, context.user()));
    return see_other(account_path(*user, "signed-out"));
}

http::Response disable_account(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    if (user->id == context.user().user_id) {
        return account_page_with_errors(admin, request, context, *user,
                                        {{"disable", "You cannot disable your own account; ask another admin"}});
    }
    auto disabled = disable_user(context.db(), user->id, actor_of(request, context.user()));
    if (!disabled) return http::problem(disabled.error(), request);
    return see_other(account_path(*user, "disabled"));
}

http::Response enable_account(const Admin&, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    auto enabled = enable_user(context.db(), user->id, actor_of(request, context.user()));
    if (!enabled) return http::problem(enabled.error(), request);
    return see_other(account_path(*user, "enabled"));
}

http::Response new_setup_link(const Admin& admin, const http::Request& request, http::Context& context) {
    auto user = managed_user(request, context);
    if (!user) return no_such_user(request);
    // A disabled account's link would not open (see setup_link_user).
    if (user->disabled) {
        return account_page_with_errors(admin, request, context, *user,
                                        {{"setup_link", "Enable the account before issuing a set-up link"}});
    }
    std::string link = admin.auth.issue_setup_link(context.db(), user->id, actor_of(request, context.user()));
    return show_link(admin, context, *user, link, false);
}

// --- the audit log -----------------------------------------------------------------------------

constexpr std::array<std::string_view, 6> audit_filters{"actor", "entity_type", "entity_id", "action", "from", "to"};

struct AuditQuery {
    audit::Search search;
    web::QueryParams given;  // the filters as typed, for the form and links
    std::vector<FieldError> errors;
};

std::optional<std::string>& filter_slot(audit::Search& search, std::string_view name) {
    if (name == "actor") return search.actor;
    if (name == "entity_type") return search.entity_type;
    if (name == "entity_id") return search.entity_id;
    if (name == "action") return search.action;
    if (name == "from") return search.from;
    return search.to;
}

// The search a query string asks for; a blank field is no filter. nullopt
// when `before` is not a page we could have linked to.
std::optional<AuditQuery> read_audit_query(const http::Request& request) {
    AuditQuery query;
    for (auto name : audit_filters) {
        auto value = query_text(request, name);
        if (value.empty()) continue;
        query.given.emplace_back(name, value);
        filter_slot(query.search, name) = value;
    }
    if (auto before = request.query_param("before")) {
        query.search.before_seq = parse_id(*before);
        if (!query.search.before_seq) return std::nullopt;
    }
    query.search.limit = audit_entries_per_page + 1;
    if (auto valid = audit::validate(query.search); !valid) query.errors = valid.error().fields;
    // Text with NUL cannot be stored or searched on every backend.
    if (query.search.entity_id && query.search.entity_id->find('\0') != std::string::npos) {
        query.errors.push_back({"entity_id", "Enter valid text"});
    }
    web::order_errors(query.errors, {"actor", "action", "entity_type", "entity_id", "from", "to"});
    return query;
}

std::string query_link(std::string_view path, const AuditQuery& query,
                       std::optional<std::int64_t> before = std::nullopt) {
    auto params = query.given;
    if (before) params.emplace_back("before", std::to_string(*before));
    return web::link(path, params);
}

// What the log records of a search: the filters, cut to fit an entry's detail.
std::string search_detail(std::string what, const AuditQuery& query, bool paged) {
    for (const auto& [name, value] : query.given) what += " " + name + "=" + value;
    if (paged && query.search.before_seq) what += " before=" + std::to_string(*query.search.before_seq);
    return shortened(what, audit::limits::detail - 3);
}

void record_search(http::Context& context, const http::Request& request, std::string detail) {
    audit::append_alone(context.db(), actor_of(request, context.user()), {"read", "audit_log", "", {}, std::move(detail)});
}

std::string change_text(const audit::FieldChange& change) {
    auto side = [](const std::optional<std::string>& value) {
        return value ? shortened(*value, shown_value_bytes) : std::string("(none)");
    };
    return change.field + ": " + side(change.before) + " → " + side(change.after);
}

data entry_row(const audit::StoredEntry& stored) {
    data row;
    row.set("seq", std::to_string(stored.seq));
    row.set("at", stored.at);
    std::string when = stored.at.substr(0, 19);
    std::replace(when.begin(), when.end(), 'T', ' ');
    row.set("when", when);
    row.set("who", stored.actor.label);
    row.set("action", stored.entry.action);
    row.set("entity", stored.entry.entity_type +
                          (stored.entry.entity_id.empty() ? "" : " " + shortened(stored.entry.entity_id, 100)));
    data changes{data::type::list};
    for (const auto& change : stored.entry.changes) changes.push_back(data(change_text(change)));
    row.set("changes", changes);
    row.set("detail", shortened(stored.entry.detail, 500));
    return row;
}

http::Response audit_page(const Admin& admin, http::Context& context, const AuditQuery& query, data values,
                          unsigned status) {
    for (const auto& [name, value] : query.given) values.set(name, value);
    values.set("csv_link", query_link("/admin/audit.csv", query));
    values.set("csv_cap", std::to_string(csv_row_cap));
    if (!query.errors.empty()) web::set_errors(values, query.errors);
    return render_page(admin.templates, context, "auth/pages/admin_audit", std::move(values), "Audit log", status);
}

// The audit log covers every partnership, so a grant in one partnership does not open it.
std::optional<http::Response> refuse_partial_audit_reader(const http::Request& request, http::Context& context) {
    if (instance_wide(context.user(), Permission::audit_read)) return std::nullopt;
    return refuse(request, context,
                  "The audit log covers every partnership: only an admin for the whole instance can read it");
}

http::Response search_audit(const Admin& admin, const http::Request& request, http::Context& context) {
    if (auto refused = refuse_partial_audit_reader(request, context)) return std::move(*refused);
    auto query = read_audit_query(request);
    if (!query) return http::problem(404, "There is no such page of the audit log", request);
    if (!query->errors.empty()) return audit_page(admin, context, *query, {}, 422);
    auto entries = audit::search(context.db(), query->search);
    data values;
    if (entries.size() > static_cast<std::size_t>(audit_entries_per_page)) {
        entries.pop_back();
        values.set("next_link", query_link("/admin/audit", *query, entries.back().seq));
    }
    record_search(context, request, search_detail("search", *query, true));
    data rows{data::type::list};
    for (const auto& entry : entries) rows.push_back(entry_row(entry));
    values.set("entries", rows);
    if (!entries.empty()) values.set("has_entries", true);
    values.set("searched", true);
    return audit_page(admin, context, *query, std::move(values), 200);
}

http::Response download_audit(const Admin& admin, const http::Request& request, http::Context& context) {
    if (auto refused = refuse_partial_audit_reader(request, context)) return std::move(*refused);
    auto query = read_audit_query(request);
    if (!query) return http::problem(404, "There is no such page of the audit log", request);
    if (!query->errors.empty()) return audit_page(admin, context, *query, {}, 422);
    auto search = query->search;
    search.before_seq = std::nullopt;  // a download starts at the newest entry
    std::vector<audit::StoredEntry> entries;
    while (entries.size() < csv_row_cap) {
        search.limit = static_cast<int>(std::min<std::size_t>(audit::kMaxSearchLimit, csv_row_cap - entries.size()));
        auto batch = audit::search(context.db(), search);
        entries.insert(entries.end(), batch.begin(), batch.end());
        if (batch.size() < static_cast<std::size_t>(search.limit)) break;
        search.before_seq = batch.back().seq;
    }
    record_search(context, request,
                  search_detail("download of " + std::to_string(entries.size()) + " entries", *query, false));
    auto response = http::Response::text(audit::to_csv(entries));
    response.content_type = "text/csv; charset=utf-8";
    response.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    return response;
}

// --- the route table ------------------------------------------------------------------------------

}  // namespace

void add_admin_routes(http::Router& router, Authenticator& authenticator, const web::Templates& templates) {
    auto admin = std::make_shared<Admin>(Admin{authenticator, templates});
    auto bind = [admin](auto handler) { return bound(admin, handler); };
    using M = http::Method;
    const auto users = Access::needs(Permission::users_manage);
    const auto auditors = Access::needs(Permission::audit_read);
    router.add(page_route(M::get, "/admin/users", users, "The accounts an admin manages", "admin", bind(list_accounts)));
    router.add(page_route(M::get, "/admin/users/new", users, "The form to add a user", "admin", bind(show_new_account)));
    router.add(page_route(M::post, "/admin/users", users, "Add a user", "admin", bind(create_account)));
    router.add(page_route(M::get, "/admin/users/{id}", users, "One account", "admin", bind(show_account)));
    router.add(page_route(M::post, "/admin/users/{id}/grants", users, "Give a role", "admin", bind(give_role)));
    router.add(page_route(M::post, "/admin/users/{id}/grants/remove", users, "Remove a role", "admin", bind(remove_role)));
    router.add(page_route(M::post, "/admin/users/{id}/sign-out", users, "End every session of an account", "admin",
                          bind(sign_out_account)));
    router.add(page_route(M::post, "/admin/users/{id}/disable", users, "Disable an account", "admin", bind(disable_account)));
    router.add(page_route(M::post, "/admin/users/{id}/enable", users, "Enable an account", "admin", bind(enable_account)));
    router.add(page_route(M::post, "/admin/users/{id}/setup-link", users, "Issue a new set-up link", "admin",
                          bind(new_setup_link)));
    router.add(page_route(M::get, "/admin/audit", auditors, "Search the audit log", "admin", bind(search_audit)));
    router.add(page_route(M::get, "/admin/audit.csv", auditors, "Download audit log entries as CSV", "admin",
                          bind(download_audit)));
}

}  // namespace safeboard::auth

#pragma once
// The route table: method + pattern -> handler. Patterns are literal segments
// and parameters: "/api/v1/bodies/{id}/members"; a last segment "{path*}" takes
// the rest of the path. The same table feeds metrics labels (the pattern) and
// the OpenAPI document (the doc fields), so a route cannot be served without
// being described.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/access/permissions.hpp"
#include "platform/http/context.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace safeboard::http {

using Handler = std::function<Response(const Request&, Context&)>;

enum class Execution {
    worker,  // may block (database, files): runs on the worker pool
    io,      // never blocks: runs on the I/O thread (health, metrics, assets)
};

struct QueryDoc {
    std::string name;
    std::string description;
    std::string type = "string";  // OpenAPI scalar type
    bool required = false;
};

// What /api/v1/openapi.json says of a route. Every /api/v1 route must have a summary.
struct RouteDoc {
    std::string summary;
    std::string tag;
    std::vector<QueryDoc> query;
    std::string response_schema;  // a name under components/schemas, or "" for none
    bool list = false;            // answers the {"items", "next"} list envelope
};

// Who may reach a route. Deny by default: a route that declares nothing is
// refused for everyone (and a test walks the route table to find any).
struct Access {
    enum class Kind {
        undeclared,  // refused
        open,        // anyone, signed in or not: the start page, assets, health, sign-in
        signed_in,   // any signed-in user: their own account
        permission,  // a signed-in user holding `permission` in some scope
    };
    Kind kind = Kind::undeclared;
    access::Permission permission = access::Permission::register_read;

    static Access anyone() { return {Kind::open, {}}; }
    static Access any_user() { return {Kind::signed_in, {}}; }
    static Access needs(access::Permission p) { return {Kind::permission, p}; }
    bool is_open() const { return kind == Kind::open; }
};

struct Route {
    Method method = Method::get;
    std::string pattern;
    Handler handler;
    Execution execution = Execution::worker;
    RouteDoc doc;
    Access access;
    // The largest body this route takes when that is more than the server's
    // limit (a form with files); 0: the server's limit.
    std::size_t body_limit = 0;
};

struct Match {
    enum class Kind { found, not_found, method_not_allowed } kind = Kind::not_found;
    const Route* route = nullptr;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<Method> allowed;  // for 405: the methods the path does answer
};

class Router {
public:
    Router();
    ~Router();
    Router(Router&&) noexcept;
    Router& operator=(Router&&) noexcept;

    // Throws std::invalid_argument for a malformed pattern, a duplicate route,
    // or a route that needs a signed-in user but runs on the I/O threads
    // (finding the user reads the database, which must not block them).
    void add(Route route);
    Match match(Method method, std::string_view path) const;
    // Every route in the order added.
    std::vector<const Route*> routes() const;

    struct Node;  // the trie; defined in router.cpp

private:
    std::unique_ptr<Node> root_;
    std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace safeboard::http

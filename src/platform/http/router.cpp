#include "platform/http/router.hpp"

#include <array>
#include <stdexcept>

namespace safeboard::http {

namespace {

constexpr std::size_t method_count = 7;

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    path.remove_prefix(1);
    if (path.empty()) return segments;
    std::size_t start = 0;
    while (true) {
        auto slash = path.find('/', start);
        segments.push_back(path.substr(start, slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

bool is_parameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

struct Router::Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    std::unique_ptr<Node> parameter;
    std::string parameter_name;
    std::unique_ptr<Node> tail;  // "{name*}": the rest of the path
    std::string tail_name;
    std::array<const Route*, method_count> routes{};

    bool has_routes() const {
        for (const Route* r : routes) {
            if (r) return true;
        }
        return false;
    }
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Route route) {
    if (route.pattern.empty() || route.pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
    }
    bool identifies_user = route.access.kind == Access::Kind::signed_in ||
                           route.access.kind == Access::Kind::permission;
    if (identifies_user && route.execution == Execution::io) {
        throw std::invalid_argument("route " + route.pattern +
                                    " needs a signed-in user, so it must run on the workers");
    }
    auto segments = split_path(route.pattern);
    Node* node = root_.get();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        std::string_view segment = segments[i];
        if (segment.empty()) throw std::invalid_argument("empty segment in route " + route.pattern);
        if (!is_parameter(segment)) {
            if (segment.find_first_of("{}") != std::string_view::npos) {
                throw std::invalid_argument("malformed parameter in route " + route.pattern);
            }
            auto& child = node->literals[std::string(segment)];
            if (!child) child = std::make_unique<Node>();
            node = child.get();
            continue;
        }
        std::string name(segment.substr(1, segment.size() - 2));
        bool is_tail = name.back() == '*';
        if (is_tail) {
            if (i + 1 != segments.size()) {
                throw std::invalid_argument("{name*} must be the last segment: " + route.pattern);
            }
            name.pop_back();
        }
        auto& child = is_tail ? node->tail : node->parameter;
        auto& child_name = is_tail ? node->tail_name : node->parameter_name;
        if (!child) {
            child = std::make_unique<Node>();
            child_name = name;
        } else if (child_name != name) {
            throw std::invalid_argument("parameter {" + name + "} conflicts with {" + child_name +
                                        "} in route " + route.pattern);
        }
        node = child.get();
    }
    auto& slot = node->routes[static_cast<std::size_t>(route.method)];
    if (slot) {
        throw std::invalid_argument(std::string("duplicate route ") + to_string(route.method) + " " +
                                    route.pattern);
    }
    routes_.push_back(std::make_unique<Route>(std::move(route)));
    slot = routes_.back().get();
}

namespace {

struct Search {
    const std::vector<std::string_view>& segments;
    std::size_t method;
    std::map<std::string, std::string, std::less<>> params;
    // The first node that matched the path but not the method, for 405.
    const Router::Node* path_node = nullptr;
    std::map<std::string, std::string, std::less<>> path_node_params;
};

}  // namespace

// Literal children win over a parameter, a parameter over a tail; on a dead
// end the search backs up and tries the next kind.
namespace {

const Route* find(const Router::Node* node, std::size_t depth, Search& search) {
    if (depth == search.segments.size()) {
        if (const Route* route = node->routes[search.method]) return route;
        if (!search.path_node && node->has_routes()) {
            search.path_node = node;
            search.path_node_params = search.params;
        }
        return nullptr;
    }
    std::string_view segment = search.segments[depth];
    if (auto it = node->literals.find(segment); it != node->literals.end()) {
        if (const Route* route = find(it->second.get(), depth + 1, search)) return route;
    }
    if (node->parameter && !segment.empty()) {
        auto [it, inserted] = search.params.insert_or_assign(node->parameter_name, std::string(segment));
        if (const Route* route = find(node->parameter.get(), depth + 1, search)) return route;
        search.params.erase(it);
    }
    if (node->tail) {
        std::string rest;
        for (std::size_t i = depth; i < search.segments.size(); ++i) {
            if (i > depth) rest += '/';
            rest += search.segments[i];
        }
        if (!rest.empty()) {
            search.params[node->tail_name] = rest;
            if (const Route* route = node->tail->routes[search.method]) return route;
            if (!search.path_node && node->tail->has_routes()) {
                search.path_node = node->tail.get();
                search.path_node_params = search.params;
            }
            search.params.erase(node->tail_name);
        }
    }
    return nullptr;
}

}  // namespace

Match Router::match(Method method, std::string_view path) const {
    Match result;
    if (path.empty() || path.front() != '/') return result;
    auto segments = split_path(path);
    Search search{segments, static_cast<std::size_t>(method), {}, nullptr, {}};
    const Route* route = find(root_.get(), 0, search);
    if (!route && method == Method::head) {
        search.method = static_cast<std::size_t>(Method::get);
        search.params.clear();
        route = find(root_.get(), 0, search);
    }
    if (route) {
        result.kind = Match::Kind::found;
        result.route = route;
        result.params = std::move(search.params);
        return result;
    }
    if (!search.path_node) return result;
    result.kind = Match::Kind::method_not_allowed;
    const Node* node = search.path_node;
    for (std::size_t m = 0; m < method_count; ++m) {
        if (node->routes[m]) result.allowed.push_back(static_cast<Method>(m));
    }
    if (node->routes[static_cast<std::size_t>(Method::get)] && !node->routes[static_cast<std::size_t>(Method::head)]) {
        result.allowed.push_back(Method::head);
    }
    return result;
}

std::vector<const Route*> Router::routes() const {
    std::vector<const Route*> all;
    all.reserve(routes_.size());
    for (const auto& route : routes_) all.push_back(route.get());
    return all;
}

}  // namespace safeboard::http

#include "modules/register/pages_support.hpp"

#include <algorithm>
#include <cctype>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "modules/register/policy.hpp"
#include "platform/http/problem.hpp"
#include "platform/web/form_errors.hpp"

namespace safeboard::register_::pages {

// ---- answering -------------------------------------------------------------------

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status, std::string back_link) {
    return auth::render_page(pages.templates, context, name, std::move(values), title, status, std::move(back_link));
}

http::Response missing(const http::Request& request, std::string_view what) {
    return http::problem(404, "There is no such " + std::string(what), request);
}

http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages,
                  http::Response (*handler)(const Pages&, const http::Request&, http::Context&)) {
    return auth::page_route(method, std::move(pattern), access, std::move(summary), "register",
                            auth::bound(pages, handler));
}

// ---- reading the request --------------------------------------------------------------

std::optional<std::int64_t> path_id(const http::Request& request) {
    return auth::parse_id(request.path_param("id"));
}

QueryId query_id(const http::Request& request, std::string_view name) {
    auto value = query_text(request, name);
    if (value.empty()) return {};
    auto id = auth::parse_id(value);
    return {id, !id};
}

std::string query_text(const http::Request& request, std::string_view name) {
    return trim(request.query_param(name).value_or(""));
}

std::string link(std::string_view path, const QueryParams& params) {
    std::string target(path);
    char separator = '?';
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        target += separator;
        target += name;
        target += '=';
        target += boost::urls::encode(value, boost::urls::unreserved_chars);
        separator = '&';
    }
    return target;
}

ListRequest list_request(const http::Request& request, http::Context& context) {
    ListRequest list;
    list.query.reach = readable(context.db(), context.user());
    auto partnership = query_id(request, "partnership");
    if (partnership.bad || (partnership.id && !list.query.reach.allows(*partnership.id))) list.bad = true;
    list.query.partnership = partnership.id;
    list.query.text = query_text(request, "q");
    if (auto after = query_text(request, "after"); !after.empty()) {
        list.query.after = decode_key(after);
        if (!list.query.after) list.bad = true;
    }
    list.query.limit = per_page + 1;
    if (partnership.id) list.given.emplace_back("partnership", std::to_string(*partnership.id));
    list.given.emplace_back("q", list.query.text);
    return list;
}

void set_list_values(data& values, const ListRequest& list, const std::string& next, std::string_view path,
                     ImportKind kind) {
    values.set("not_first", list.query.after.has_value());
    values.set("what", std::string(to_string(kind)));
    if (!next.empty()) {
        auto given = list.given;
        given.emplace_back("after", next);
        values.set("next_link", link(path, given));
    }
    values.set("has_downloads", list.query.partnership.has_value());
    if (list.query.partnership) values.set("downloads", export_links(*list.query.partnership, {kind}));
}

// ---- template values ---------------------------------------------------------------------

data text(const std::string& value) { return value.empty() ? data(false) : data(value); }

data paragraphs(std::string_view text) {
    data list{data::type::list};
    std::vector<std::string> lines;
    auto flush = [&] {
        if (lines.empty()) return;
        data paragraph;
        data items{data::type::list};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            data item;
            item.set("line", lines[i]);
            item.set("more", i + 1 < lines.size());
            items.push_back(item);
        }
        paragraph.set("lines", items);
        list.push_back(paragraph);
        lines.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = trim(text.substr(start, end - start));
        if (line.empty()) {
            flush();
        } else {
            lines.push_back(line);
        }
        start = end + 1;
    }
    flush();
    data values;
    values.set("blank", list.is_empty_list());
    values.set("paras", list);
    return values;
}

data detail_row(std::string key, std::string value, std::string href) {
    data row;
    row.set("key", std::move(key));
    row.set("href", text(value.empty() ? "" : href));
    row.set("value", value.empty() ? std::string("Not recorded") : std::move(value));
    return row;
}

std::string error_for(const Errors& errors, std::string_view field) {
    for (const auto& error : errors) {
        if (error.field == field) return error.message;
    }
    return {};
}

data field(std::string_view id, std::string_view label, std::string value, const Errors& errors,
           std::string_view hint) {
    // Every key the partials read is set, so that a missing one never falls
    // through to a value of the same name further out.
    data values;
    values.set("id", std::string(id));
    values.set("label", std::string(label));
    values.set("value", std::move(value));
    auto error = error_for(errors, id);
    values.set("hint", text(std::string(hint)));
    values.set("error", text(error));
    std::string described;
    if (!hint.empty()) described = std::string(id) + "-hint";
    if (!error.empty()) described += (described.empty() ? "" : " ") + std::string(id) + "-error";
    values.set("described", text(described));
    values.set("width", "");
    values.set("type", "text");
    values.set("rows", "5");
    values.set("items", data{data::type::list});
    return values;
}

data choice_field(std::string_view id, std::string_view label, const std::vector<Choice>& choices,
                  const std::set<std::string>& chosen, const Errors& errors, std::string_view hint) {
    auto values = field(id, label, "", errors, hint);
    data items{data::type::list};
    std::size_t position = 0;
    for (const auto& choice : choices) {
        ++position;
        data item;
        item.set("input_id", position == 1 ? std::string(id) : std::string(id) + "-" + std::to_string(position));
        item.set("value", choice.value);
        item.set("label", choice.label);
        item.set("hint", text(choice.hint));
        item.set("checked", chosen.contains(choice.value));
        items.push_back(item);
    }
    values.set("items", items);
    return values;
}

void order_errors(Errors& errors, const std::vector<std::string>& fields) {
    auto rank = [&](const FieldError& error) {
        return static_cast<std::size_t>(std::distance(fields.begin(), std::find(fields.begin(), fields.end(), error.field)));
    };
    std::stable_sort(errors.begin(), errors.end(),
                     [&](const FieldError& a, const FieldError& b) { return rank(a) < rank(b); });
}

void set_form_errors(data& values, Errors errors, const std::vector<std::string>& fields) {
    order_errors(errors, fields);
    web::set_errors(values, errors);
}

data export_links(std::int64_t partnership_id, const std::vector<ImportKind>& kinds) {
    data list{data::type::list};
    for (auto kind : kinds) {
        std::string name(to_string(kind));
        auto base = "/partnerships/" + std::to_string(partnership_id) + "/export/" + name;
        data item;
        name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        item.set("label", name);
        item.set("csv", base + ".csv");
        item.set("xlsx", base + ".xlsx");
        list.push_back(item);
    }
    return list;
}

// ---- what forms offer --------------------------------------------------------------------

std::vector<Partnership> partnerships_in(db::Connection& db, const access::ScopeFilter& reach) {
    constexpr int batch = 500;
    std::vector<Partnership> all;
    std::optional<std::int64_t> after;
    for (;;) {
        auto rows = list_partnerships(db, batch, after, reach);
        all.insert(all.end(), rows.begin(), rows.end());
        if (rows.size() < static_cast<std::size_t>(batch)) return all;
        after = rows.back().id;
    }
}

data partnership_filter(db::Connection& db, const access::ScopeFilter& reach, std::optional<std::int64_t> chosen) {
    std::vector<Choice> choices{{"", "All partnerships", {}}};
    for (const auto& partnership : partnerships_in(db, reach)) {
        choices.push_back({std::to_string(partnership.id), partnership.name, {}});
    }
    return choice_field("partnership", "Partnership", choices, {chosen ? std::to_string(*chosen) : std::string()}, {});
}

std::optional<Partnership> partnership_in(db::Connection& db, const access::ScopeFilter& reach,
                                          std::optional<std::int64_t> id) {
    if (!id || !reach.allows(*id)) return std::nullopt;
    return find_partnership(db, *id);
}

std::string named(const std::string& name, const std::string& short_name) {
    return short_name.empty() ? name : name + " (" + short_name + ")";
}

}  // namespace safeboard::register_::pages

#include "platform/web/templates.hpp"

#include <cctype>
#include <utility>

namespace safeboard::web {

namespace {

using kainjow::mustache::data;

constexpr std::string_view extension = ".mustache";
constexpr std::string_view layout_name = "layout";
constexpr std::string_view service_name = "Safeboard";

// kainjow finds partials through the render context; this one finds them
// among the loaded templates, and refuses a name it does not know so that a
// typo fails instead of rendering nothing.
template <typename FindPartial>
class RenderContext final : public kainjow::mustache::basic_context<std::string> {
public:
    explicit RenderContext(FindPartial find_partial) : find_partial_(std::move(find_partial)) {}

    void push(const data* item) override { stack_.push(item); }
    void pop() override { stack_.pop(); }
    const data* get(const std::string& name) const override { return stack_.get(name); }
    const data* get_partial(const std::string& name) const override {
        const data* partial = find_partial_(name);
        if (!partial) throw std::out_of_range("no template named " + name + " for a partial");
        return partial;
    }

private:
    kainjow::mustache::context<std::string> stack_;
    FindPartial find_partial_;
};

std::string template_name(std::string_view path) {
    if (path.ends_with(extension)) path.remove_suffix(extension.size());
    return std::string(path);
}

void check_escaping(const std::string& name, std::string_view source) {
    auto tags = unescaped_tags(source);
    bool is_layout_slot = name == layout_name && tags.size() == 1 && tags.front() == layout_body_slot;
    if (tags.empty() || is_layout_slot) return;
    throw TemplateError("template " + name + " outputs unescaped text with " + tags.front() +
                        "; only the layout's " + std::string(layout_body_slot) + " may");
}

std::string page_title(const PageOptions& options) {
    std::string title = options.has_errors ? "Error: " : "";
    if (!options.title.empty()) title += options.title + " – ";
    return title + std::string(service_name);
}

}  // namespace

std::vector<std::string> unescaped_tags(std::string_view source) {
    std::vector<std::string> tags;
    for (auto open = source.find("{{"); open != std::string_view::npos;
         open = source.find("{{", open + 2)) {
        auto inside = open + 2;
        bool triple = inside < source.size() && source[inside] == '{';
        // kainjow trims a tag's contents, so "{{ &x }}" is unescaped too.
        while (!triple && inside < source.size() && std::isspace(static_cast<unsigned char>(source[inside]))) {
            ++inside;
        }
        if (!triple && (inside >= source.size() || (source[inside] != '&' && source[inside] != '='))) {
            continue;
        }
        auto close = source.find(triple ? "}}}" : "}}", inside);
        auto end = close == std::string_view::npos ? source.size() : close + (triple ? 3 : 2);
        tags.emplace_back(source.substr(open, end - open));
        open = end - 2;
    }
    return tags;
}

Templates::Templates(std::span<const embed::File> files, data globals)
    : globals_(std::move(globals)) {
    add(files);
}

void Templates::add(std::span<const embed::File> files) {
    for (const auto& file : files) {
        auto name = template_name(file.path);
        if (templates_.contains(name)) throw std::invalid_argument("two templates are named " + name);
        std::string source(file.content);
        check_escaping(name, source);
        kainjow::mustache::mustache parsed(source);
        if (!parsed.is_valid()) throw TemplateError("template " + name + ": " + parsed.error_message());
        data partial(source);
        templates_.emplace(std::move(name), Template{std::move(source), std::move(partial), std::move(parsed)});
    }
}

bool Templates::contains(std::string_view name) const {
    return templates_.find(name) != templates_.end();
}

std::vector<std::string> Templates::names() const {
    std::vector<std::string> names;
    names.reserve(templates_.size());
    for (const auto& [name, unused] : templates_) names.push_back(name);
    return names;
}

const std::string& Templates::source(std::string_view name) const {
    return find(name).source;
}

const Templates::Template& Templates::find(std::string_view name) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::out_of_range("no template named " + std::string(name));
    return it->second;
}

std::string Templates::render(std::string_view name, const data& values) const {
    // kainjow records a render error inside the template object, so each
    // render works on its own copy and the shared parse stays untouched.
    kainjow::mustache::mustache tmpl = find(name).parsed;
    RenderContext context([this](std::string_view partial) -> const data* {
        auto it = templates_.find(partial);
        return it == templates_.end() ? nullptr : &it->second.partial;
    });
    context.push(&globals_);
    context.push(&values);
    std::string html = tmpl.render(context);
    if (!tmpl.is_valid()) throw TemplateError("template " + std::string(name) + ": " + tmpl.error_message());
    return html;
}

std::string Templates::page(std::string_view name, const data& values, const PageOptions& options) const {
    data layout;
    layout.set("title", page_title(options));
    if (!options.back_link.empty()) layout.set("back_link", options.back_link);
    if (!options.user_name.empty()) {
        data account;
        account.set("name", options.user_name);
        account.set("form_token", options.form_token);
        data links{data::type::list};
        for (const auto& [href, words] : options.more_links) {
            data link;
            link.set("href", href);
            link.set("words", words);
            links.push_back(link);
        }
        account.set("more_links", links);
        layout.set("account", account);
    }
    layout.set("body", render(name, values));
    return render(layout_name, layout);
}

}  // namespace safeboard::web

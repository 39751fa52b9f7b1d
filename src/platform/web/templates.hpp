#pragma once
// Server-rendered HTML from mustache templates compiled into the binary.
//
// Every value is HTML-escaped. The only unescaped output in any template is
// the page body in layout.mustache, which is itself the output of an escaped
// template; loading a template with any other {{{...}}}, {{&...}} or a
// delimiter change (which could hide one) fails.
//
// Templates are parsed once when added; rendering only reads them, so one
// Templates object serves every thread. Add tables at start-up only.
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "platform/embed/embedded.hpp"

namespace safeboard::web {

// A template that does not parse, or that would output unescaped text.
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PageOptions {
    std::string title;        // what the page is, usually its h1; <title> adds " – Safeboard"
    bool has_errors = false;  // a form shown again with errors: the title starts "Error: "
    std::string back_link;    // where a back link above the content goes; none when empty
    // The signed-in user's name: the header then links to their account and
    // shows a sign-out button, whose form carries `form_token`.
    std::string user_name;
    std::string form_token;
    // Further links in the header, after the ones everyone signed in has:
    // those the user's permissions open (href, words).
    std::vector<std::pair<std::string, std::string>> more_links;
};

class Templates {
public:
    // `globals` are visible to every template (the layout's asset URLs).
    // Throws TemplateError, or std::invalid_argument for a repeated name.
    explicit Templates(std::span<const embed::File> files, kainjow::mustache::data globals = {});

    // A template is named after its path without ".mustache": "start",
    // "meetings/agenda". Partials ({{> name}}) use the same names.
    void add(std::span<const embed::File> files);
    bool contains(std::string_view name) const;
    std::vector<std::string> names() const;
    // The source as added, for checks over every template.
    const std::string& source(std::string_view name) const;

    // Throws std::out_of_range for an unknown template or partial.
    std::string render(std::string_view name, const kainjow::mustache::data& data) const;
    // Renders `name` into layout.mustache as the page body.
    std::string page(std::string_view name, const kainjow::mustache::data& data,
                     const PageOptions& options) const;

private:
    struct Template {
        std::string source;
        kainjow::mustache::data partial;      // the source, as kainjow looks partials up
        kainjow::mustache::mustache parsed;
    };

    const Template& find(std::string_view name) const;

    std::map<std::string, Template, std::less<>> templates_;
    kainjow::mustache::data globals_;
};

// The tags in a template's source that would output unescaped text:
// {{{x}}}, {{&x}}, and delimiter changes {{=<% %>=}}.
std::vector<std::string> unescaped_tags(std::string_view source);

// The one unescaped tag the layout may hold: the page body.
inline constexpr std::string_view layout_body_slot = "{{{body}}}";

}  // namespace safeboard::web

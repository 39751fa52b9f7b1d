#pragma once
// The values the shared GOV.UK partials read: form fields, summary lists,
// paragraphs of text and links that carry a query string. The partials are
// templates of WebShell::from_embedded(), named "web/pages/<name>":
//
//   {{#f_name}}{{> web/pages/input}}{{/f_name}}     f_name = field(...)
//   textarea, select, radios, checkboxes             field(...) / choice_field(...)
//   field_messages                                   a field's hint and error (id, hint, error)
//   {{> web/pages/summary}}                          details = a list of detail_row(...)
//   {{#notes}}{{> web/pages/paragraphs}}{{/notes}}   notes = paragraphs(...)
//   {{> web/pages/next_page}}                        next_link = link(...), what ("people")
//
// The error summary above a form is auth/pages/error_summary, filled by
// set_form_errors (form_errors.hpp).
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "platform/core/error.hpp"
#include "platform/core/terms.hpp"

namespace safeboard::web {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// The text, or false when empty, so that {{#x}} hides an empty value.
kainjow::mustache::data text(const std::string& value);

// Text as GOV.UK paragraphs, for web/pages/paragraphs: split on blank lines,
// each paragraph keeping its line breaks; "Not recorded." when there is no
// text ({blank, paras: [{lines: [{line, more}]}]}).
kainjow::mustache::data paragraphs(std::string_view text);

// A row of web/pages/summary: key, value ("Not recorded" when empty) and
// href (the value links there, when there is a value).
kainjow::mustache::data detail_row(std::string key, std::string value, std::string href = {});

// One form field for web/pages/input, textarea, select, radios and checkboxes:
// id (also the name), label, value, hint, error (error_for(errors, id)),
// described (aria-describedby), width (a govuk-input--width-N class; none by
// default), type ("text"), rows ("5") and items (none). Change width, type or
// rows with set() on the result.
kainjow::mustache::data field(std::string_view id, std::string_view label, std::string value,
                              const std::vector<FieldError>& errors, std::string_view hint = {});

struct Choice {
    std::string value;
    std::string label;
    std::string hint;
};
// A field of radios, checkboxes or a select: field() with items of input_id,
// value, label, hint and checked (whether `chosen` holds the value). The
// first input's id is the field's, so the error summary's link lands on it.
kainjow::mustache::data choice_field(std::string_view id, std::string_view label, const std::vector<Choice>& choices,
                                     const std::set<std::string>& chosen, const std::vector<FieldError>& errors,
                                     std::string_view hint = {});

// The choices of a closed list (platform/core/terms.hpp): its codes, shown as its words.
template <typename E>
std::vector<Choice> vocabulary_choices() {
    std::vector<Choice> choices;
    for (const auto& term : terms<E>()) choices.push_back({std::string(term.code), std::string(term.label), {}});
    return choices;
}

// `path` with the non-empty params as a query string: "/people?q=Jo%20Bloggs".
// Every byte of a value but the unreserved ones is percent-encoded, so it
// reads back the same however the query is decoded (a '+' stays a '+').
std::string link(std::string_view path, const QueryParams& params);

}  // namespace safeboard::web

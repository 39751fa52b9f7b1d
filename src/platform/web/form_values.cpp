#include "platform/web/form_values.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "platform/core/text.hpp"
#include "platform/web/form_errors.hpp"

namespace safeboard::web {

using kainjow::mustache::data;

namespace {

data paragraph_of(const std::vector<std::string>& lines) {
    data items{data::type::list};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        data item;
        item.set("line", lines[i]);
        item.set("more", i + 1 < lines.size());
        items.push_back(item);
    }
    data paragraph;
    paragraph.set("lines", items);
    return paragraph;
}

}  // namespace

data text(const std::string& value) { return value.empty() ? data(false) : data(value); }

data paragraphs(std::string_view text) {
    data list{data::type::list};
    std::vector<std::string> lines;
    auto flush = [&] {
        if (lines.empty()) return;
        list.push_back(paragraph_of(lines));
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

data field(std::string_view id, std::string_view label, std::string value, const std::vector<FieldError>& errors,
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
    if (!hint.empty()) described.append(id).append("-hint");
    if (!error.empty()) described.append(described.empty() ? "" : " ").append(id).append("-error");
    values.set("described", text(described));
    values.set("width", "");
    values.set("type", "text");
    values.set("rows", "5");
    values.set("items", data{data::type::list});
    return values;
}

data choice_field(std::string_view id, std::string_view label, const std::vector<Choice>& choices,
                  const std::set<std::string>& chosen, const std::vector<FieldError>& errors, std::string_view hint) {
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

}  // namespace safeboard::web

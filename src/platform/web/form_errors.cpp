#include "platform/web/form_errors.hpp"

#include <set>
#include <string>

namespace safeboard::web {

void set_errors(kainjow::mustache::data& values, const std::vector<FieldError>& errors) {
    if (errors.empty()) return;
    kainjow::mustache::data list{kainjow::mustache::data::type::list};
    std::set<std::string> shown;
    for (const auto& error : errors) {
        kainjow::mustache::data item;
        item.set("field", error.field);
        item.set("message", error.message);
        list.push_back(item);
        // The first message for a field goes beside it; the summary lists them all.
        if (shown.insert(error.field).second) values.set("error_" + error.field, error.message);
    }
    values.set("has_errors", true);
    values.set("errors", list);
}

}  // namespace safeboard::web

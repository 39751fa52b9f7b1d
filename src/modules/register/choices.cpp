#include "modules/register/choices.hpp"

#include <string>

#include "modules/register/store.hpp"
#include "platform/web/form_values.hpp"

namespace safeboard::register_ {

using kainjow::mustache::data;
using web::Choice;
using web::choice_field;

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


}  // namespace safeboard::register_

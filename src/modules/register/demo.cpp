#include <stdexcept>

#include <boost/json.hpp>

#include "modules/register/module.hpp"
#include "modules/register/store.hpp"

SAFEBOARD_EMBEDDED_TABLE(register_demo)

namespace safeboard::register_ {

std::size_t load_demo(db::Connection& db, const audit::Actor& actor) {
    std::size_t count = 0;
    db::Transaction transaction(db);
    for (const auto& file : embed::tables::register_demo()) {
        if (file.path != "partnerships.json") continue;
        boost::json::value partnerships = boost::json::parse(file.content);
        for (const auto& item : partnerships.as_array()) {
            const auto& object = item.as_object();
            upsert_partnership(db, {0, std::string(object.at("code").as_string()),
                                    std::string(object.at("name").as_string())},
                               actor);
            ++count;
        }
    }
    transaction.commit();
    return count;
}

}  // namespace safeboard::register_

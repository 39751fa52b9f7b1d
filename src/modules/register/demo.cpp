#include <map>
#include <stdexcept>

#include <boost/json.hpp>

#include "modules/register/import.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"

SAFEBOARD_EMBEDDED_TABLE(register_demo)

namespace safeboard::register_ {

namespace {

std::optional<std::string_view> demo_file(std::string_view path) {
    for (const auto& file : embed::tables::register_demo()) {
        if (file.path == path) return file.content;
    }
    return std::nullopt;
}

struct Demo {
    std::vector<Partnership> partnerships;
    std::vector<std::string> import_order;  // codes: joint (SET) bodies before those who sit on them
};

Demo demo() {
    Demo demo;
    auto json = demo_file("partnerships.json");
    if (!json) return demo;
    auto document = boost::json::parse(*json).as_object();
    for (const auto& item : document.at("partnerships").as_array()) {
        const auto& object = item.as_object();
        demo.partnerships.push_back(
            {0, std::string(object.at("code").as_string()), std::string(object.at("name").as_string())});
    }
    for (const auto& code : document.at("import_order").as_array()) demo.import_order.emplace_back(code.as_string());
    return demo;
}

}  // namespace

DemoSummary load_demo(db::Connection& db, const audit::Actor& actor) {
    DemoSummary summary;
    auto [partnerships, order] = demo();
    std::map<std::string, std::int64_t> ids;
    {
        db::Transaction transaction(db);
        for (const auto& partnership : partnerships) ids[partnership.code] = upsert_partnership(db, partnership, actor);
        transaction.commit();
    }
    summary.partnerships = partnerships.size();
    for (const auto& code : order) {
        for (auto kind : import_kinds()) {
            auto path = code + "/" + std::string(to_string(kind)) + ".csv";
            auto content = demo_file(path);
            if (!content) continue;
            auto report = import_csv(db, kind, *content, ids.at(code), {true, {}}, actor);
            if (!report.ok()) {
                const auto& first = report.problems.front();
                throw std::runtime_error("demo file " + path + " line " + std::to_string(first.line) + " " +
                                         first.column + ": " + first.message);
            }
            summary.rows += report.rows;
            summary.created += report.created;
        }
    }
    return summary;
}

}  // namespace safeboard::register_

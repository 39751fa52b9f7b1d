// The demo's meetings: data/demo/<partnership>/meetings.json names each
// body's forward plan file and the body's meetings, each with its
// attendance file, whether its agenda is made from the forward plan, and the
// agenda items it did not take. Everything goes through the ordinary
// imports, rules and stores.
#include <stdexcept>

#include <boost/json.hpp>

#include "modules/meetings/agenda.hpp"
#include "modules/meetings/import.hpp"
#include "modules/meetings/module.hpp"
#include "modules/meetings/rules.hpp"
#include "modules/meetings/store.hpp"
#include "modules/register/store.hpp"
#include "platform/core/time.hpp"

SAFEBOARD_EMBEDDED_TABLE(meetings_demo)

namespace safeboard::meetings {

namespace {

std::optional<std::string_view> demo_file(std::string_view path) {
    for (const auto& file : embed::tables::meetings_demo()) {
        if (file.path == path) return file.content;
    }
    return std::nullopt;
}

std::string text(const boost::json::object& object, std::string_view key) {
    auto it = object.find(key);
    return it == object.end() ? std::string() : std::string(it->value().as_string());
}

bool flag(const boost::json::object& object, std::string_view key) {
    auto it = object.find(key);
    return it != object.end() && it->value().as_bool();
}

void check(const ImportReport& report, const std::string& path) {
    if (report.ok()) return;
    const auto& first = report.problems.front();
    throw std::runtime_error("demo file " + path + " line " + std::to_string(first.line) + " " + first.column + ": " +
                             first.message);
}

std::string_view content(const std::string& path) {
    auto found = demo_file(path);
    if (!found) throw std::runtime_error("demo file " + path + " is missing");
    return *found;
}

register_::Body body_named(db::Connection& db, const std::string& name) {
    for (auto& body : register_::find_bodies_named(db, name)) {
        if (body.name == name) return body;
    }
    throw std::runtime_error("demo meetings: the register has no body called " + name);
}

// Adds the meeting, or brings the one at the same time in line with the file.
Meeting save_meeting(db::Connection& db, const boost::json::object& object, const audit::Actor& actor,
                     DemoSummary& summary) {
    auto body = body_named(db, text(object, "body"));
    Fields fields;
    for (const auto* key : {"title", "starts_at", "ends_at", "place", "online_url", "notes", "status"}) {
        fields[key] = text(object, key);
    }
    auto existing = find_meeting_at(db, body.id, fields["starts_at"]);
    Meeting base = existing.value_or(Meeting{});
    base.body_id = body.id;
    auto meeting = meeting_from(fields, base, today_utc());
    if (!meeting) throw std::runtime_error("demo meeting " + fields["starts_at"] + ": " + meeting.error().message);
    db::Transaction transaction(db);
    auto id = existing ? meeting->id : create_meeting(db, *meeting, actor);
    if (existing)
        update_meeting(db, *meeting, actor);
    else
        ++summary.meetings_added;
    transaction.commit();
    ++summary.meetings;
    return *find_meeting(db, id);
}

// Its attendance, its agenda, and what it took and carried forward.
void follow_up(db::Connection& db, const Meeting& meeting, const boost::json::object& object, const std::string& folder,
               const audit::Actor& actor, DemoSummary& summary) {
    if (auto file = text(object, "attendance"); !file.empty()) {
        auto path = folder + "/" + file;
        auto report = import_attendance(db, meeting, content(path), actor);
        check(report, path);
        summary.attendance += report.rows;
    }
    db::Transaction transaction(db);
    if (flag(object, "agenda")) make_agenda(db, meeting, actor);
    if (auto it = object.find("not_taken"); it != object.end()) {
        for (const auto& title : it->value().as_array()) {
            for (auto item : agenda_of(db, meeting.id)) {
                if (item.title != title.as_string()) continue;
                item.taken = false;
                update_agenda_item(db, item, actor);
            }
        }
    }
    decide_forward_plan(db, meeting, actor);
    transaction.commit();
}

void load_partnership(db::Connection& db, const std::string& folder, std::string_view json, const audit::Actor& actor,
                      DemoSummary& summary) {
    auto document = boost::json::parse(json).as_object();
    for (const auto& entry : document.at("forward_plans").as_array()) {
        const auto& plan = entry.as_object();
        auto path = folder + "/" + text(plan, "file");
        auto report = import_forward_plan(db, body_named(db, text(plan, "body")), content(path), actor);
        check(report, path);
        summary.forward_plan_items += report.rows;
    }
    // Every meeting first, so that carrying an item forward finds the body's next one.
    const auto& list = document.at("meetings").as_array();
    std::vector<Meeting> meetings;
    for (const auto& entry : list) meetings.push_back(save_meeting(db, entry.as_object(), actor, summary));
    for (std::size_t i = 0; i < meetings.size(); ++i)
        follow_up(db, meetings[i], list[i].as_object(), folder, actor, summary);
}

}  // namespace

DemoSummary load_demo(db::Connection& db, const audit::Actor& actor) {
    DemoSummary summary;
    for (const auto& partnership : register_::list_partnerships(db, 1000, std::nullopt, {true, {}})) {
        if (auto json = demo_file(partnership.code + "/meetings.json")) {
            load_partnership(db, partnership.code, *json, actor, summary);
        }
    }
    return summary;
}

}  // namespace safeboard::meetings

// Each partnership's attendance settings: one row once it has set its own.
#include "modules/meetings/store_support.hpp"
#include "modules/meetings/vocabulary.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

Snapshot snapshot(const AttendanceSettings& s) {
    return {{"partnership_id", std::to_string(s.partnership_id)},
            {"good_standard", std::to_string(s.good_standard)},
            {"substitutes", std::string(code_of(s.substitutes))}};
}

}  // namespace

AttendanceSettings attendance_settings_of(db::Connection& db, std::int64_t partnership_id) {
    AttendanceSettings settings;
    settings.partnership_id = partnership_id;
    auto found = db.query("SELECT good_standard, substitutes, updated_at FROM attendance_settings "
                          "WHERE partnership_id = $1",
                          {partnership_id});
    if (found.empty()) return settings;
    const auto& row = found.rows.front();
    settings.good_standard = static_cast<int>(row.integer(0));
    settings.substitutes = parse_term<SubstituteSetting>(row.text(1)).value_or(SubstituteSetting::organisation);
    settings.updated_at = row.text(2);
    settings.stored = true;
    return settings;
}

Saved save_attendance_settings(db::Connection& db, const AttendanceSettings& settings, const audit::Actor& actor) {
    auto before = attendance_settings_of(db, settings.partnership_id);
    std::vector<db::Value> values{settings.partnership_id, std::int64_t{settings.good_standard},
                                  std::string(code_of(settings.substitutes)), now_utc()};
    if (!before.stored) {
        auto id = db.query("INSERT INTO attendance_settings (partnership_id, good_standard, substitutes, updated_at) "
                           "VALUES ($1, $2, $3, $4) RETURNING id",
                           values)
                      .rows.front()
                      .integer(0);
        record(db, actor, "create", "attendance_settings", id, {}, snapshot(settings));
        return Saved::created;
    }
    auto id = db.query("SELECT id FROM attendance_settings WHERE partnership_id = $1", {settings.partnership_id})
                  .rows.front()
                  .integer(0);
    bool changed = apply_update(db, actor, "attendance_settings", id, snapshot(before), snapshot(settings), [&] {
        db.query("UPDATE attendance_settings SET good_standard = $2, substitutes = $3, updated_at = $4 "
                 "WHERE partnership_id = $1",
                 values);
    });
    return changed ? Saved::updated : Saved::unchanged;
}

}  // namespace safeboard::meetings

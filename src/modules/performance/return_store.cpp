// Returns, their steps and history, and their values.
#include "modules/performance/rules.hpp"
#include "modules/performance/store_support.hpp"
#include "modules/performance/vocabulary.hpp"

namespace safeboard::performance {

using namespace detail;

namespace {

constexpr const char* return_select =
    "SELECT r.id, r.partnership_id, r.period_id, r.organisation_id, COALESCE(o.name, pa.name), r.status, "
    "r.created_at, r.submitted_at, r.submitted_by, r.queried_at, r.queried_by, r.question, r.answered_at, "
    "r.answered_by, r.answer, r.accepted_at, r.accepted_by, r.first_submitted_at FROM performance_returns r "
    "JOIN partnerships pa ON pa.id = r.partnership_id LEFT JOIN organisations o ON o.id = r.organisation_id ";
// The partnership's own return first, then by name.
constexpr const char* by_returner = " ORDER BY r.returner_key <> 0, lower(COALESCE(o.name, pa.name)), r.id";

std::optional<Stamp> stamp_at(const db::Row& row, std::size_t column) {
    if (row.is_null(column)) return std::nullopt;
    return Stamp{row.text(column), row.optional_text(column + 1).value_or("")};
}

Return return_from(const db::Row& row) {
    Return r;
    r.id = row.integer(0);
    r.partnership_id = row.integer(1);
    r.period_id = row.integer(2);
    r.organisation_id = row.optional_integer(3);
    r.returner_name = row.text(4);
    r.status = parse_term<ReturnStatus>(row.text(5)).value_or(ReturnStatus::draft);
    r.created_at = row.text(6);
    r.submitted = stamp_at(row, 7);
    r.queried = stamp_at(row, 9);
    r.question = row.text(11);
    r.answered = stamp_at(row, 12);
    r.answer = row.text(14);
    r.accepted = stamp_at(row, 15);
    r.first_submitted_at = row.optional_text(17);
    return r;
}

std::vector<Return> returns_where(db::Connection& db, const std::string& where, std::vector<db::Value> params,
                                  const std::string& order = by_returner) {
    std::vector<Return> found;
    for (const auto& row : db.query(std::string(return_select) + "WHERE " + where + order, params).rows)
        found.push_back(return_from(row));
    return found;
}

db::Value at_of(const std::optional<Stamp>& stamp) { return stamp ? db::Value(stamp->at) : db::Value(db::Null{}); }
db::Value by_of(const std::optional<Stamp>& stamp) { return stamp ? db::Value(stamp->by) : db::Value(db::Null{}); }

Snapshot snapshot(const Return& r) {
    auto at = [](const std::optional<Stamp>& s) { return s ? std::optional<std::string>(s->at) : std::nullopt; };
    auto by = [](const std::optional<Stamp>& s) { return s ? std::optional<std::string>(s->by) : std::nullopt; };
    return {{"period_id", std::to_string(r.period_id)},
            {"organisation_id", r.organisation_id ? std::optional(std::to_string(*r.organisation_id)) : std::nullopt},
            {"status", std::string(code_of(r.status))},
            {"submitted_at", at(r.submitted)},
            {"submitted_by", by(r.submitted)},
            {"queried_at", at(r.queried)},
            {"queried_by", by(r.queried)},
            {"question", r.question},
            {"answered_at", at(r.answered)},
            {"answered_by", by(r.answered)},
            {"answer", r.answer},
            {"accepted_at", at(r.accepted)},
            {"accepted_by", by(r.accepted)}};
}

void add_event(db::Connection& db, std::int64_t return_id, std::string_view what, const Stamp& stamp,
               const audit::Actor& actor, std::string_view text) {
    db.query(
        "INSERT INTO performance_return_events (return_id, what, happened_at, by_label, user_id, wording) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {return_id, std::string(what), stamp.at, stamp.by, nullable(actor.user_id), std::string(text)});
}

void write_state(db::Connection& db, const Return& r) {
    db.query(
        "UPDATE performance_returns SET status = $2, submitted_at = $3, submitted_by = $4, queried_at = $5, "
        "queried_by = $6, question = $7, answered_at = $8, answered_by = $9, answer = $10, accepted_at = $11, "
        "accepted_by = $12, updated_at = $13, first_submitted_at = COALESCE(first_submitted_at, $3) WHERE id = $1",
        {r.id, std::string(code_of(r.status)), at_of(r.submitted), by_of(r.submitted), at_of(r.queried),
         by_of(r.queried), r.question, at_of(r.answered), by_of(r.answered), r.answer, at_of(r.accepted),
         by_of(r.accepted), now_utc()});
}

std::string_view step_done(Step step) {
    switch (step) {
    case Step::submit: return "submitted";
    case Step::query: return "queried";
    case Step::accept: return "accepted";
    }
    return "submitted";
}

const std::optional<Stamp>& stamp_of(const Return& r, Step step) {
    switch (step) {
    case Step::submit: return r.submitted;
    case Step::query: return r.queried;
    case Step::accept: return r.accepted;
    }
    return r.submitted;
}

Value value_from(const db::Row& row) {
    Value v;
    v.return_id = row.integer(0);
    v.indicator_id = row.integer(1);
    v.indicator_code = row.text(2);
    v.value = row.real(3);
    v.numerator = row.optional_integer(4);
    v.denominator = row.optional_integer(5);
    v.note = row.text(6);
    return v;
}

void add_changes(Snapshot& before, Snapshot& after, const std::optional<Value>& was, const Value& now) {
    auto field = [&](std::string_view part) { return value_field(now.indicator_code, part); };
    before[field("value")] = was ? std::optional(shown(was->value)) : std::nullopt;
    before[field("numerator")] = was ? shown(was->numerator) : "";
    before[field("denominator")] = was ? shown(was->denominator) : "";
    before[field("note")] = was ? was->note : "";
    after[field("value")] = shown(now.value);
    after[field("numerator")] = shown(now.numerator);
    after[field("denominator")] = shown(now.denominator);
    after[field("note")] = now.note;
}

std::optional<Value> stored_value(db::Connection& db, std::int64_t return_id, std::int64_t indicator_id) {
    auto result = db.query(
        "SELECT v.return_id, v.indicator_id, i.code, v.value, v.numerator, v.denominator, v.note "
        "FROM performance_values v JOIN performance_indicators i ON i.id = v.indicator_id "
        "WHERE v.return_id = $1 AND v.indicator_id = $2",
        {return_id, indicator_id});
    if (result.empty()) return std::nullopt;
    return value_from(result.rows.front());
}

bool same_figures(const Value& a, const Value& b) {
    return a.value == b.value && a.numerator == b.numerator && a.denominator == b.denominator && a.note == b.note;
}

}  // namespace

std::optional<Return> find_return(db::Connection& db, std::int64_t id) {
    auto found = returns_where(db, "r.id = $1", {id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Return> find_return_of(db::Connection& db, std::int64_t period_id,
                                     std::optional<std::int64_t> organisation_id) {
    auto found =
        returns_where(db, "r.period_id = $1 AND r.returner_key = $2", {period_id, organisation_id.value_or(0)});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Return> returns_of_period(db::Connection& db, std::int64_t period_id) {
    return returns_where(db, "r.period_id = $1", {period_id});
}

std::vector<Return> returns_of_organisation(db::Connection& db, std::int64_t partnership_id,
                                            std::int64_t organisation_id) {
    return returns_where(db, "r.organisation_id = $1 AND r.partnership_id = $2", {organisation_id, partnership_id},
                         " ORDER BY (SELECT starts_on FROM performance_periods p WHERE p.id = r.period_id) DESC, r.id");
}

std::int64_t create_return(db::Connection& db, const Return& ret, const audit::Actor& actor, Audit audit) {
    auto now = now_utc();
    auto id =
        db.query(
              "INSERT INTO performance_returns (partnership_id, period_id, organisation_id, returner_key, "
              "status, created_at, updated_at) VALUES ($1, $2, $3, $4, 'draft', $5, $5) RETURNING id",
              {ret.partnership_id, ret.period_id, nullable(ret.organisation_id), ret.organisation_id.value_or(0), now})
            .rows.front()
            .integer(0);
    add_event(db, id, "created", {now, actor.label}, actor, "");
    if (audit == Audit::each) {
        Return created = ret;
        created.status = ReturnStatus::draft;
        record(db, actor, "create", "performance_return", id, {}, snapshot(created));
    }
    return id;
}

void record_step(db::Connection& db, const Return& after, Step step, std::string_view text, const audit::Actor& actor,
                 Audit audit) {
    auto before = find_return(db, after.id);
    write_state(db, after);
    auto stamp = stamp_of(after, step).value_or(Stamp{now_utc(), actor.label});
    add_event(db, after.id, step_done(step), stamp, actor, text);
    if (audit == Audit::each && before)
        record(db, actor, "update", "performance_return", after.id, snapshot(*before), snapshot(after),
               std::string(step_done(step)));
}

void restamp_submission(db::Connection& db, const Return& after, const audit::Actor& actor, Audit audit) {
    auto before = find_return(db, after.id);
    write_state(db, after);
    if (after.submitted) add_event(db, after.id, "submitted", *after.submitted, actor, "");
    if (audit == Audit::each && before)
        record(db, actor, "update", "performance_return", after.id, snapshot(*before), snapshot(after));
}

std::vector<Value> values_of(db::Connection& db, std::int64_t return_id) {
    std::vector<Value> values;
    for (const auto& row :
         db.query("SELECT v.return_id, v.indicator_id, i.code, v.value, v.numerator, v.denominator, v.note "
                  "FROM performance_values v JOIN performance_indicators i ON i.id = v.indicator_id "
                  "WHERE v.return_id = $1 ORDER BY i.code_key",
                  {return_id})
             .rows)
        values.push_back(value_from(row));
    return values;
}

Saved put_value(db::Connection& db, const Value& value) {
    auto was = stored_value(db, value.return_id, value.indicator_id);
    if (was && same_figures(*was, value)) return Saved::unchanged;
    std::vector<db::Value> params{
        value.return_id, value.indicator_id, value.value, nullable(value.numerator), nullable(value.denominator),
        value.note,      now_utc()};
    if (!was) {
        db.query(
            "INSERT INTO performance_values (return_id, indicator_id, value, numerator, denominator, note, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            params);
        return Saved::created;
    }
    db.query(
        "UPDATE performance_values SET value = $3, numerator = $4, denominator = $5, note = $6, updated_at = $7 "
        "WHERE return_id = $1 AND indicator_id = $2",
        params);
    return Saved::updated;
}

bool save_values(db::Connection& db, const Return& ret, const std::vector<Value>& values, const audit::Actor& actor) {
    Snapshot before;
    Snapshot after;
    for (auto value : values) {
        value.return_id = ret.id;
        auto was = stored_value(db, ret.id, value.indicator_id);
        if (put_value(db, value) == Saved::unchanged) continue;
        add_changes(before, after, was, value);
    }
    if (after.empty()) return false;
    add_event(db, ret.id, "saved", {now_utc(), actor.label}, actor, "");
    record(db, actor, "update", "performance_return", ret.id, before, after, "values");
    return true;
}

std::vector<ReturnEvent> events_of(db::Connection& db, std::int64_t return_id) {
    std::vector<ReturnEvent> events;
    for (const auto& row : db.query("SELECT id, return_id, what, happened_at, by_label, wording "
                                    "FROM performance_return_events WHERE return_id = $1 ORDER BY id",
                                    {return_id})
                               .rows)
        events.push_back({row.integer(0), row.integer(1), row.text(2), {row.text(3), row.text(4)}, row.text(5)});
    return events;
}

}  // namespace safeboard::performance

#include "modules/performance/save.hpp"

#include <algorithm>

#include "modules/performance/periods.hpp"
#include "modules/performance/vocabulary.hpp"
#include "modules/register/store.hpp"
#include "platform/core/fields.hpp"
#include "platform/core/time.hpp"

namespace safeboard::performance {

namespace {

OrganisationChoice choice_of(const register_::Organisation& o, std::int64_t partnership_id) {
    OrganisationChoice choice{o.id, o.name, o.short_name, o.sector, false};
    for (const auto& status : o.partnerships) {
        if (status.partnership_id == partnership_id)
            choice.partner = status.statutory_partner || status.relevant_agency;
    }
    return choice;
}

// Once values are returned, what they mean cannot change under them.
void keep_meaning(FieldErrors& errors, const Indicator& before, const Indicator& after) {
    if (after.unit != before.unit) errors.push_back({"unit", "The unit cannot change once values have been returned"});
    if (after.frequency != before.frequency)
        errors.push_back({"frequency", "The frequency cannot change once values have been returned"});
}

Stamp now_as(const audit::Actor& actor) { return {iso_utc(system_now()), actor.label}; }

}  // namespace

std::vector<OrganisationChoice> organisations_of(db::Connection& db, std::int64_t partnership_id) {
    register_::ListQuery query;
    query.reach.everything = true;
    query.partnership = partnership_id;
    std::vector<OrganisationChoice> choices;
    for (const auto& o : register_::all_organisations(db, query)) choices.push_back(choice_of(o, partnership_id));
    return choices;
}

Result<Settings> change_settings(db::Connection& db, std::int64_t partnership_id, const Fields& fields,
                                 const audit::Actor& actor) {
    auto settings = settings_from(fields, settings_of(db, partnership_id), has_periods(db, partnership_id));
    if (!settings) return settings;
    save_settings(db, *settings, actor);
    return settings;
}

Result<std::int64_t> save_indicator(db::Connection& db, std::int64_t partnership_id, const Fields& fields,
                                    std::optional<std::int64_t> id, const audit::Actor& actor) {
    Indicator base;
    base.partnership_id = partnership_id;
    if (id) {
        auto found = find_indicator(db, *id);
        if (!found || found->partnership_id != partnership_id)
            return fail(ErrorKind::not_found, "There is no such indicator in the partnership");
        base = *found;
    }
    auto indicator = indicator_from(fields, base, organisations_of(db, partnership_id));
    if (!indicator) return std::unexpected(indicator.error());
    FieldErrors errors;
    auto same_code = find_indicator_by_code(db, partnership_id, indicator->code);
    if (same_code && same_code->id != base.id)
        errors.push_back({"code", "The partnership already has an indicator " + fields::shown(indicator->code)});
    if (id && has_values(db, *id)) keep_meaning(errors, base, *indicator);
    if (!errors.empty()) return invalid(std::move(errors));
    if (!id) return create_indicator(db, *indicator, actor);
    update_indicator(db, *indicator, actor);
    return *id;
}

Result<Saved> set_target(db::Connection& db, const Indicator& indicator, const Fields& fields,
                         const audit::Actor& actor) {
    auto target = target_from(fields, indicator);
    if (!target) return std::unexpected(target.error());
    return save_target(db, indicator.id, *target, actor);
}

Result<Period> period_asked(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                            std::string_view ends_on) {
    auto settings = settings_of(db, partnership_id);
    auto dates = period_from({{"period_start", std::string(starts_on)}, {"period_end", std::string(ends_on)}},
                             settings.year_starts_month);
    if (!dates) return std::unexpected(dates.error());
    if (auto found = find_period_between(db, partnership_id, dates->starts_on, dates->ends_on)) return *found;
    return Period{0,
                  partnership_id,
                  dates->kind,
                  dates->name,
                  dates->starts_on,
                  dates->ends_on,
                  due_on(dates->ends_on, settings.due_days)};
}

Result<Period> period_for(db::Connection& db, std::int64_t partnership_id, std::string_view starts_on,
                          std::string_view ends_on, const audit::Actor& actor, Audit audit) {
    auto p = period_asked(db, partnership_id, starts_on, ends_on);
    if (!p || p->id != 0) return p;
    if (!has_periods(db, partnership_id)) save_settings(db, settings_of(db, partnership_id), actor, audit);
    p->id = create_period(db, *p, actor, audit);
    return p;
}

Return return_for(db::Connection& db, const Period& period, std::optional<std::int64_t> organisation_id,
                  const audit::Actor& actor, Audit audit) {
    if (auto found = find_return_of(db, period.id, organisation_id)) return *found;
    Return r;
    r.partnership_id = period.partnership_id;
    r.period_id = period.id;
    r.organisation_id = organisation_id;
    create_return(db, r, actor, audit);
    return *find_return_of(db, period.id, organisation_id);
}

std::vector<Indicator> indicators_owed(db::Connection& db, const Return& ret) {
    auto period = find_period(db, ret.period_id);
    if (!period) return {};
    std::optional<OrganisationChoice> organisation;
    if (ret.organisation_id) {
        auto found = register_::find_organisation(db, *ret.organisation_id);
        if (!found) return {};
        organisation = choice_of(*found, ret.partnership_id);
    }
    auto owed = indicators_of(db, ret.partnership_id);
    std::erase_if(owed, [&](const Indicator& i) {
        return period_kind_for(i.frequency) != period->kind ||
               !returns_indicator(i, organisation ? &*organisation : nullptr);
    });
    return owed;
}

Result<bool> enter_values(db::Connection& db, const Return& ret, const Fields& fields, const audit::Actor& actor) {
    if (!editable(ret.status))
        return fail(ErrorKind::conflict, "Only a draft or a queried return can be changed; this one is " +
                                             lower_ascii(label_of(ret.status)));
    auto values = values_from(fields, indicators_owed(db, ret));
    if (!values) return std::unexpected(values.error());
    return save_values(db, ret, *values, actor);
}

Result<Return> take_step(db::Connection& db, const Return& ret, Step step, std::string_view text,
                         const audit::Actor& actor) {
    if (step == Step::submit && editable(ret.status)) {
        auto missing = missing_values(indicators_owed(db, ret), values_of(db, ret.id));
        if (!missing.empty()) return invalid(std::move(missing));
    }
    auto after = step_return(ret, step, text, now_as(actor));
    if (!after) return after;
    record_step(db, *after, step, text, actor, Audit::each);
    return *find_return(db, ret.id);
}

}  // namespace safeboard::performance

#include "national/writers.hpp"

#include <cctype>

#include "platform/db/sql_text.hpp"

namespace safeboard::national {

namespace {

// When the register and the suite were set up, before the first quarter.
constexpr const char* set_up_at = "2011-03-01T09:00:00Z";

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

db::Value text_or_null(const std::string& text) { return text.empty() ? db::Value(db::Null{}) : db::Value(text); }

void write_partnerships(const Shape& shape, BulkInsert& partnerships, BulkInsert& settings) {
    for (const auto& p : shape.partnerships) {
        partnerships.add({p.id, p.code, p.name, std::string(set_up_at)});
        settings.add({p.id, std::int64_t{p.year_starts_month}, std::int64_t{p.due_days}, std::string(set_up_at)});
    }
}

void write_organisations(const Shape& shape, BulkInsert& organisations, BulkInsert& members) {
    for (const auto& o : shape.organisations) {
        organisations.add({o.id, o.name, lower(o.name), std::string(), o.sector, db::nullable(o.parent_id),
                           db::nullable(o.active_from), db::nullable(o.active_to), std::string(set_up_at),
                           std::string(set_up_at)});
    }
    for (const auto& p : shape.partnerships) {
        for (const auto& m : p.members) {
            members.add({shape.organisations[m.organisation].id, p.id, std::int64_t{m.statutory_partner},
                         std::int64_t{m.relevant_agency}});
        }
    }
}

void write_suite(const Shape& shape, BulkInsert& indicators, BulkInsert& returners, BulkInsert& targets) {
    for (const auto& p : shape.partnerships) {
        for (std::size_t k = 0; k < shape.suite.size(); ++k) {
            const auto& i = shape.suite[k];
            auto id = indicator_id(shape, p, k);
            indicators.add({id, p.id, i.code, lower(i.code), i.title, i.definition, i.unit, i.numerator, i.denominator,
                            i.polarity, i.frequency, std::string(), std::string(set_up_at), std::string(set_up_at)});
            db::Value organisation = db::Null{};
            if (i.returned_by == "organisation") organisation = shape.organisations[p.childrens_services].id;
            returners.add({id, std::int64_t{1}, i.returned_by, text_or_null(i.sector), organisation});
            for (const auto& t : i.targets) targets.add({id, t.applies_from, t.value, t.tolerance});
        }
    }
}

}  // namespace

Counts write_register(BulkLoad& load, const Shape& shape) {
    BulkInsert partnerships(load, "partnerships", {"id", "code", "name", "created_at"});
    BulkInsert settings(load, "performance_settings", {"partnership_id", "year_starts_month", "due_days", "updated_at"},
                        {&partnerships});
    BulkInsert organisations(load, "organisations",
                             {"id", "name", "name_key", "short_name", "sector", "parent_id", "active_from", "active_to",
                              "created_at", "updated_at"});
    BulkInsert members(load, "organisation_partnerships",
                       {"organisation_id", "partnership_id", "statutory_partner", "relevant_agency"},
                       {&partnerships, &organisations});
    BulkInsert indicators(load, "performance_indicators",
                          {"id", "partnership_id", "code", "code_key", "title", "definition", "unit", "numerator",
                           "denominator", "polarity", "frequency", "source", "created_at", "updated_at"},
                          {&partnerships});
    BulkInsert returners(load, "performance_indicator_returners",
                         {"indicator_id", "position", "kind", "sector", "organisation_id"},
                         {&indicators, &organisations});
    BulkInsert targets(load, "performance_indicator_targets", {"indicator_id", "applies_from", "target", "tolerance"},
                       {&indicators});
    write_partnerships(shape, partnerships, settings);
    write_organisations(shape, organisations, members);
    write_suite(shape, indicators, returners, targets);
    Counts counts;
    for (auto* insert : {&partnerships, &settings, &organisations, &members, &indicators, &returners, &targets}) {
        insert->flush();
        counts[insert->table()] = insert->rows();
    }
    return counts;
}

ReportWriter::ReportWriter(BulkLoad& load)
    : periods_(load, "performance_periods",
               {"id", "partnership_id", "kind", "name", "starts_on", "ends_on", "due_on", "created_at"}),
      returns_(load, "performance_returns",
               {"id", "partnership_id", "period_id", "organisation_id", "returner_key", "status", "first_submitted_at",
                "submitted_at", "submitted_by", "queried_at", "queried_by", "question", "accepted_at", "accepted_by",
                "created_at", "updated_at"},
               {&periods_}),
      values_(load, "performance_values",
              {"return_id", "indicator_id", "value", "numerator", "denominator", "note", "updated_at"}, {&returns_}) {}

std::int64_t ReportWriter::add_period(const PeriodRow& r) {
    periods_.add({++last_period_id_, r.partnership_id, r.kind, r.name, r.starts_on, r.ends_on, r.due_on, r.created_at});
    return last_period_id_;
}

std::int64_t ReportWriter::add_return(const ReturnRow& r) {
    returns_.add({++last_return_id_, r.partnership_id, r.period_id, db::nullable(r.organisation_id),
                  r.organisation_id.value_or(0), r.status, db::nullable(r.submitted_at), db::nullable(r.submitted_at),
                  db::nullable(r.submitted_by), db::nullable(r.queried_at), db::nullable(r.queried_by), r.question,
                  db::nullable(r.accepted_at), db::nullable(r.accepted_by), r.created_at, r.updated_at});
    return last_return_id_;
}

void ReportWriter::add_value(const ValueRow& v) {
    values_.add({v.return_id, v.indicator_id, v.value, db::nullable(v.numerator), db::nullable(v.denominator), v.note,
                 v.updated_at});
}

Counts ReportWriter::finish() {
    values_.flush();  // and the periods and returns before them
    periods_.flush();
    returns_.flush();
    return {
        {periods_.table(), periods_.rows()}, {returns_.table(), returns_.rows()}, {values_.table(), values_.rows()}};
}

}  // namespace safeboard::national

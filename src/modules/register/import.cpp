#include "modules/register/import.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "modules/register/rules.hpp"
#include "modules/register/store.hpp"
#include "platform/core/text.hpp"
#include "platform/tabular/csv.hpp"

namespace safeboard::register_ {

namespace {

using tabular::cells;
using tabular::note;
using Row = tabular::FieldRow;

std::vector<Row> rows_of(const tabular::Table& table, ImportKind kind, std::vector<RowProblem>& problems) {
    return tabular::field_rows(table, columns_of(kind), to_string(kind), problems);
}

using Save = std::function<Result<SaveResult>(const Fields&)>;
// What became of each row: nullopt when it failed.
using Outcomes = std::vector<std::optional<SaveResult>>;

// First pass: every row in file order.
Outcomes first_pass(const std::vector<Row>& rows, ImportReport& report, const Save& save) {
    Outcomes outcomes;
    for (const auto& row : rows) {
        auto result = save(row.fields);
        if (!result) note(report, row.line, result.error());
        outcomes.push_back(result ? std::optional(*result) : std::nullopt);
    }
    return outcomes;
}

// Second pass, for references to rows further down the file (a parent
// organisation, a body reported to): run once every row exists. A change
// here makes a row that was unchanged an updated one.
void second_pass(const std::vector<Row>& rows, Outcomes& outcomes, ImportReport& report,
                 const std::function<Result<SaveResult>(std::int64_t, const Fields&)>& save) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!outcomes[i]) continue;
        auto result = save(outcomes[i]->id, rows[i].fields);
        if (!result) {
            note(report, rows[i].line, result.error());
        } else if (result->saved == Saved::updated && outcomes[i]->saved == Saved::unchanged) {
            outcomes[i]->saved = Saved::updated;
        }
    }
}

void count(ImportReport& report, const Outcomes& outcomes) {
    for (const auto& outcome : outcomes) {
        if (!outcome) continue;
        switch (outcome->saved) {
        case Saved::created: ++report.created; break;
        case Saved::updated: ++report.updated; break;
        case Saved::unchanged: ++report.unchanged; break;
        }
    }
}

Outcomes apply(db::Connection& db, ImportKind kind, const std::vector<Row>& rows, std::int64_t partnership_id,
               const access::ScopeFilter& reach, const audit::Actor& actor, ImportReport& report) {
    const Target by_name{Target::Mode::by_name, 0};
    switch (kind) {
    case ImportKind::organisations: {
        std::set<std::string> names;
        for (const auto& row : rows) {
            for (const char* column : {"name", "short_name"}) {
                auto it = row.fields.find(column);
                if (it != row.fields.end() && !trim(it->second).empty()) names.insert(lower_ascii(trim(it->second)));
            }
        }
        auto in_file = [&](const std::string& name) { return names.contains(lower_ascii(trim(name))); };
        auto outcomes = first_pass(rows, report, [&](const Fields& f) {
            return save_organisation(db, f, partnership_id, by_name, actor, in_file);
        });
        second_pass(rows, outcomes, report, [&](std::int64_t id, const Fields& f) {
            return save_organisation_parent(db, id, f, actor);
        });
        return outcomes;
    }
    case ImportKind::people:
        return first_pass(rows, report, [&](const Fields& f) { return save_person(db, f, by_name, actor); });
    case ImportKind::bodies: {
        auto outcomes = first_pass(rows, report, [&](const Fields& f) {
            return save_body(db, f, partnership_id, by_name, actor);
        });
        second_pass(rows, outcomes, report, [&](std::int64_t id, const Fields& f) {
            return save_body_relations(db, id, f, reach, actor);
        });
        return outcomes;
    }
    case ImportKind::memberships: {
        // Identical rows are identical seats: the n-th matches the n-th already held.
        std::map<std::string, std::size_t> seen;
        return first_pass(rows, report, [&](const Fields& f) {
            std::string key;
            for (const char* column : {"body", "seat_title", "organisation", "person", "starts_on"}) {
                auto it = f.find(column);
                key += lower_ascii(trim(it == f.end() ? "" : it->second)) + '\x1f';
            }
            return save_membership(db, f, partnership_id, {Target::Mode::by_name, 0, seen[key]++}, reach, actor);
        });
    }
    }
    return {};
}

}  // namespace

const std::vector<ImportKind>& import_kinds() {
    static const std::vector<ImportKind> kinds{ImportKind::organisations, ImportKind::people, ImportKind::bodies,
                                               ImportKind::memberships};
    return kinds;
}

std::string_view to_string(ImportKind kind) {
    switch (kind) {
    case ImportKind::organisations: return "organisations";
    case ImportKind::people: return "people";
    case ImportKind::bodies: return "bodies";
    case ImportKind::memberships: return "memberships";
    }
    return "";
}

std::optional<ImportKind> parse_import_kind(std::string_view text) {
    for (auto kind : import_kinds()) {
        if (to_string(kind) == text) return kind;
    }
    return std::nullopt;
}

const std::vector<std::string>& columns_of(ImportKind kind) {
    switch (kind) {
    case ImportKind::organisations: return organisation_columns();
    case ImportKind::people: return person_columns();
    case ImportKind::bodies: return body_columns();
    case ImportKind::memberships: break;
    }
    return membership_columns();
}

ImportReport import_csv(db::Connection& db, ImportKind kind, std::string_view bytes, std::int64_t partnership_id,
                        const access::ScopeFilter& reach, const audit::Actor& actor) {
    ImportReport report;
    auto table = tabular::read_csv(bytes);
    if (!table) {
        report.problems.push_back({0, "", table.error().message});
        return report;
    }
    auto rows = rows_of(*table, kind, report.problems);
    report.rows = table->records.size();
    if (!report.ok()) return report;
    db::Transaction transaction(db);
    count(report, apply(db, kind, rows, partnership_id, reach, actor, report));
    if (!report.ok()) return report;  // the transaction rolls back
    audit::append(db, actor, {"import", std::string(to_string(kind)), std::to_string(partnership_id), {},
                              std::to_string(report.rows) + " rows: " + std::to_string(report.created) + " created, " +
                                  std::to_string(report.updated) + " updated, " + std::to_string(report.unchanged) +
                                  " unchanged"});
    transaction.commit();
    return report;
}

Sheet export_sheet(db::Connection& db, ImportKind kind, std::int64_t partnership_id) {
    Sheet sheet{columns_of(kind), {}};
    ListQuery query;
    query.reach.everything = true;
    query.partnership = partnership_id;
    switch (kind) {
    case ImportKind::organisations:
        for (const auto& o : all_organisations(db, query)) {
            sheet.rows.push_back(cells(fields_of(o, partnership_id), sheet.header));
        }
        break;
    case ImportKind::people:
        for (const auto& p : all_people(db, query)) {
            sheet.rows.push_back(cells(fields_of(p), sheet.header));
        }
        break;
    case ImportKind::bodies: {
        auto partnerships = list_partnerships(db, 1000, std::nullopt, query.reach);
        for (const auto& b : bodies_of(db, partnership_id)) {
            sheet.rows.push_back(cells(fields_of(b, relations_of(db, b.id), partnership_id, partnerships), sheet.header));
        }
        break;
    }
    case ImportKind::memberships:
        for (const auto& b : bodies_of(db, partnership_id)) {
            for (const auto& m : memberships_of_body(db, b.id)) sheet.rows.push_back(cells(fields_of(m), sheet.header));
        }
        break;
    }
    return sheet;
}

}  // namespace safeboard::register_

// Terms of reference, agency reports and sensitive details of a case.
#include "modules/reviews/store.hpp"
#include "modules/reviews/store_support.hpp"
#include "platform/core/time.hpp"

namespace safeboard::reviews {

using namespace detail;

std::string detail::now_utc() { return iso_utc(system_now()); }

namespace {

TermsOfReference terms_from(const db::Row& row) {
    return {row.integer(0),         row.integer(1),          static_cast<int>(row.integer(2)),
            row.text(3),            row.optional_integer(4), row.optional_text(5)};
}

AgencyReport report_from(const db::Row& row) {
    return {row.integer(0),          row.integer(1), row.integer(2),         row.text(3),
            row.text(4),             row.optional_integer(5), row.optional_text(6)};
}

}  // namespace

std::int64_t add_terms_of_reference(db::Connection& db, std::int64_t case_id, const std::string& summary,
                                    const audit::Actor& actor) {
    auto version = db.query("SELECT COALESCE(MAX(version), 0) + 1 FROM review_terms_of_reference WHERE case_id = $1",
                            {case_id})
                       .rows.front()
                       .integer(0);
    auto id = db.query(
                    "INSERT INTO review_terms_of_reference (case_id, version, summary, created_at) "
                    "VALUES ($1, $2, $3, $4) RETURNING id",
                    {case_id, version, summary, now_utc()})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "review_terms_of_reference", id, {},
           {{"case_id", std::to_string(case_id)}, {"version", std::to_string(version)}, {"summary", summary}});
    return id;
}

bool sign_off_terms_of_reference(db::Connection& db, std::int64_t id, std::int64_t person_id, const std::string& on,
                                 const audit::Actor& actor) {
    auto signed_off = db.query(
        "UPDATE review_terms_of_reference SET signed_off_by = $2, signed_off_on = $3 "
        "WHERE id = $1 AND signed_off_by IS NULL",
        {id, person_id, on});
    if (signed_off.affected == 0) return false;
    return record(db, actor, "update", "review_terms_of_reference", id, {},
                  {{"signed_off_by", std::to_string(person_id)}, {"signed_off_on", on}});
}

std::vector<TermsOfReference> terms_of_reference_of(db::Connection& db, std::int64_t case_id) {
    std::vector<TermsOfReference> found;
    for (const auto& row : db.query("SELECT id, case_id, version, summary, signed_off_by, signed_off_on "
                                    "FROM review_terms_of_reference WHERE case_id = $1 ORDER BY version",
                                    {case_id})
                               .rows) {
        found.push_back(terms_from(row));
    }
    return found;
}

std::int64_t add_agency_report(db::Connection& db, const AgencyReport& report, const audit::Actor& actor) {
    auto now = now_utc();
    auto id = db.query(
                    "INSERT INTO review_agency_reports (case_id, organisation_id, due_on, senior_manager_id, "
                    "received_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                    {report.case_id, report.organisation_id, report.due_on, nullable(report.senior_manager_id),
                     nullable(report.received_on), now})
                  .rows.front()
                  .integer(0);
    record(db, actor, "create", "review_agency_report", id, {},
           {{"case_id", std::to_string(report.case_id)},
            {"organisation_id", std::to_string(report.organisation_id)},
            {"due_on", report.due_on},
            {"senior_manager_id", db::text_of(report.senior_manager_id)},
            {"received_on", report.received_on}});
    return id;
}

bool receive_agency_report(db::Connection& db, std::int64_t id, const std::string& on, const audit::Actor& actor) {
    auto found = db.query("SELECT received_on FROM review_agency_reports WHERE id = $1", {id});
    if (found.empty()) return false;
    Snapshot before{{"received_on", found.rows[0].optional_text(0)}};
    Snapshot after{{"received_on", on}};
    return apply_update(db, actor, "review_agency_report", id, before, after, [&] {
        db.query("UPDATE review_agency_reports SET received_on = $2, updated_at = $3 WHERE id = $1",
                 {id, on, now_utc()});
    });
}

std::vector<AgencyReport> agency_reports_of(db::Connection& db, std::int64_t case_id) {
    std::vector<AgencyReport> found;
    for (const auto& row : db.query("SELECT r.id, r.case_id, r.organisation_id, o.name, r.due_on, "
                                    "r.senior_manager_id, r.received_on FROM review_agency_reports r "
                                    "JOIN organisations o ON o.id = r.organisation_id "
                                    "WHERE r.case_id = $1 ORDER BY r.due_on, r.id",
                                    {case_id})
                               .rows) {
        found.push_back(report_from(row));
    }
    return found;
}

std::optional<AgencyReport> find_agency_report(db::Connection& db, std::int64_t id) {
    auto found = db.query("SELECT r.id, r.case_id, r.organisation_id, o.name, r.due_on, r.senior_manager_id, "
                          "r.received_on FROM review_agency_reports r JOIN organisations o ON o.id = r.organisation_id "
                          "WHERE r.id = $1",
                          {id});
    if (found.empty()) return std::nullopt;
    return report_from(found.rows.front());
}

void set_sensitive_detail(db::Connection& db, const Vault& vault, std::int64_t case_id, const std::string& field,
                          std::string_view text, const audit::Actor& actor) {
    auto sealed = vault.encrypt(text);
    auto found = db.query("SELECT 1 FROM review_sensitive_details WHERE case_id = $1 AND field = $2",
                          {case_id, field});
    if (found.empty()) {
        db.query("INSERT INTO review_sensitive_details (case_id, field, ciphertext, updated_at) "
                 "VALUES ($1, $2, $3, $4)",
                 {case_id, field, sealed, now_utc()});
    } else {
        db.query("UPDATE review_sensitive_details SET ciphertext = $3, updated_at = $4 "
                 "WHERE case_id = $1 AND field = $2",
                 {case_id, field, sealed, now_utc()});
    }
    // Neither the text nor its ciphertext goes into the log: only that it was set.
    audit::Entry entry{found.empty() ? "create" : "update", "review_sensitive_detail", std::to_string(case_id),
                       {{field, found.empty() ? std::nullopt : std::optional<std::string>(audit::kRedacted),
                         std::string(audit::kRedacted)}},
                       "sensitive detail " + field};
    audit::append(db, actor, entry);
}

Result<std::map<std::string, std::string>> read_sensitive_details(db::Connection& db, const Vault& vault,
                                                                  std::int64_t case_id, const audit::Actor& actor) {
    std::map<std::string, std::string> details;
    std::string fields;
    for (const auto& row : db.query("SELECT field, ciphertext FROM review_sensitive_details WHERE case_id = $1 "
                                    "ORDER BY field",
                                    {case_id})
                               .rows) {
        auto plain = vault.decrypt(row.text(1));
        if (!plain) return std::unexpected(plain.error());
        details[row.text(0)] = std::move(*plain);
        fields += (fields.empty() ? "" : ", ") + row.text(0);
    }
    audit::append(db, actor, {"read", "review_sensitive_detail", std::to_string(case_id), {}, "read: " + fields});
    return details;
}

}  // namespace safeboard::reviews

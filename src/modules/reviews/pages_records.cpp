// The forms that record the course of a case: the decision after the rapid
// review and the statutory partner who ratified it, a step done, an agency
// report commissioned and received, and the terms of reference written and
// signed off. Each goes through save.hpp, as the API does, and on success
// returns to the case.
#include <variant>

#include "modules/register/store.hpp"
#include "modules/reviews/clock_rules.hpp"
#include "modules/reviews/lessons.hpp"
#include "modules/reviews/pages_support.hpp"
#include "modules/reviews/save.hpp"
#include "modules/reviews/store.hpp"
#include "modules/reviews/vocabulary.hpp"

namespace safeboard::reviews::pages {

namespace {

using web::choice_field;
using web::field;
using RF = RecordForm::Kind;

// ---- the decision -----------------------------------------------------------------------------

const std::vector<std::string> decision_fields{"decision", "ratified_by", "ratified_on"};

http::Response decision_page(const Pages& pages, http::Context& context, const Case& c, Fields f,
                             const Errors& errors, unsigned status) {
    std::vector<web::Choice> partners;
    for (const auto& o : register_::statutory_partners(context.db(), c.partnership_id)) {
        partners.push_back({std::to_string(o.id), o.name, {}});
    }
    RecordForm form("Record the rapid review decision", c.reference, review_href(c.id) + "/decision",
                    "Record the decision");
    form.intro("The decision after the rapid review is ratified by one of the partnership's statutory partners. "
               "Recording it marks the clock's decision step done on that day.");
    form.add(RF::radios, choice_field("decision", "Decision", web::vocabulary_choices<DecisionKind>(),
                                      {f["decision"]}, errors));
    form.add(RF::select, choice_field("ratified_by", "Ratified by", with_none("Choose a statutory partner", partners),
                                      {f["ratified_by"]}, errors));
    form.add(RF::input, date_field("ratified_on", "Date the decision was ratified", f["ratified_on"], errors,
                                   "2026-11-20"));
    return form.render(pages, context, errors, status, review_href(c.id));
}

http::Response decision_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        Fields f;
        if (c.decision) {
            f = {{"decision", std::string(code_of(c.decision->kind))},
                 {"ratified_by", std::to_string(c.decision->ratified_by)},
                 {"ratified_on", c.decision->ratified_on}};
        }
        return decision_page(pages, context, c, f, {}, 200);
    });
}

http::Response record_decision(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, decision_fields);
        auto status = saved_in_transaction(context, [&](db::Connection& db) {
            return save_decision(db, c, fields, today(), auth::actor_of(request, context.user()));
        });
        return after_save(status, request, c, "#clock", [&](const Errors& errors) {
            return decision_page(pages, context, c, fields, errors, 422);
        });
    });
}

// ---- a step done -------------------------------------------------------------------------------

const std::vector<std::string> step_fields{"step", "done_on", "evidence"};

http::Response step_page(const Pages& pages, http::Context& context, const Case& c, Fields f, const Errors& errors,
                         unsigned status) {
    auto partnership = register_::find_partnership(context.db(), c.partnership_id);
    std::vector<web::Choice> steps;
    for (const auto& rule : rules_for(statutory_clock_rules(), partnership ? partnership->code : "")) {
        if (rule.step == "decision") continue;  // recorded with who ratified it
        steps.push_back({rule.step, rule.label, {}});
    }
    auto evidence = field("evidence", "Evidence", f["evidence"], errors,
                          "What shows it was done: a meeting, a letter, a report");
    evidence.set("rows", std::string("3"));
    RecordForm form("Record a step done", c.reference, review_href(c.id) + "/steps", "Record the step");
    form.intro("Recording the closure closes the case.");
    form.add(RF::select, choice_field("step", "Step", with_none("Choose a step", steps), {f["step"]}, errors));
    form.add(RF::input, date_field("done_on", "Date done", f["done_on"], errors, "2026-11-20"));
    form.add(RF::textarea, evidence);
    return form.render(pages, context, errors, status, review_href(c.id));
}

http::Response step_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        return step_page(pages, context, c, {}, {}, 200);
    });
}

http::Response record_step_done(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, step_fields);
        auto status = saved_in_transaction(context, [&](db::Connection& db) {
            return save_step(db, c, fields, today(), auth::actor_of(request, context.user()));
        });
        return after_save(status, request, c, "#clock", [&](const Errors& errors) {
            return step_page(pages, context, c, fields, errors, 422);
        });
    });
}

// ---- agency reports ----------------------------------------------------------------------------

const std::vector<std::string> report_fields{"organisation", "due_on", "senior_manager", "received_on"};

http::Response report_page(const Pages& pages, http::Context& context, const Case& c, Fields f, const Errors& errors,
                           unsigned status) {
    auto& db = context.db();
    RecordForm form("Commission an agency report", c.reference, review_href(c.id) + "/agency-reports",
                    "Commission the report");
    form.intro("An agency report (individual management review) is due on the date the terms of reference set. "
               "An agency not yet involved in the case is added to it.");
    form.add(RF::select, choice_field("organisation", "Agency",
                                      with_none("Choose an agency", organisation_choices(db, c.partnership_id)),
                                      {f["organisation"]}, errors));
    form.add(RF::input, date_field("due_on", "Date due", f["due_on"], errors, "2027-01-29"));
    form.add(RF::select, choice_field("senior_manager", "Senior manager who sees it delivered (optional)",
                                      with_none("Not named yet", people_choices(db, c.partnership_id, std::nullopt)),
                                      {f["senior_manager"]}, errors, "Someone of the agency asked for the report"));
    form.add(RF::input, date_field("received_on", "Date received (optional)", f["received_on"], errors, "2027-01-27"));
    return form.render(pages, context, errors, status, review_href(c.id) + "#agency-reports");
}

http::Response report_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        return report_page(pages, context, c, {}, {}, 200);
    });
}

http::Response commission_report(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, report_fields);
        auto id = saved_in_transaction(context, [&](db::Connection& db) {
            return save_agency_report(db, c, fields, std::nullopt, today(), auth::actor_of(request, context.user()));
        });
        return after_save(id, request, c, "#agency-reports", [&](const Errors& errors) {
            return report_page(pages, context, c, fields, errors, 422);
        });
    });
}

// The report of the path's {report}, when it is the case's.
std::optional<AgencyReport> report_of(db::Connection& db, const http::Request& request, const Case& c) {
    auto id = auth::path_id(request, "report");
    auto report = id ? find_agency_report(db, *id) : std::nullopt;
    if (!report || report->case_id != c.id) return std::nullopt;
    return report;
}

http::Response received_page(const Pages& pages, http::Context& context, const Case& c, const AgencyReport& report,
                             Fields f, const Errors& errors, unsigned status) {
    RecordForm form("Mark an agency report received", c.reference,
                    review_href(c.id) + "/agency-reports/" + std::to_string(report.id) + "/received",
                    "Mark it received");
    form.intro("The report of " + report.organisation_name + ", due on " + calendar::date_in_words(report.due_on) + ".");
    form.add(RF::input, date_field("received_on", "Date received", f["received_on"], errors, "2027-01-27"));
    return form.render(pages, context, errors, status, review_href(c.id) + "#agency-reports");
}

http::Response received_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto report = report_of(context.db(), request, c);
        if (!report) return auth::missing(request, "agency report");
        return received_page(pages, context, c, *report, {}, {}, 200);
    });
}

http::Response mark_received(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto report = report_of(context.db(), request, c);
        if (!report) return auth::missing(request, "agency report");
        auto fields = posted_fields(request, {"received_on"});
        auto id = saved_in_transaction(context, [&](db::Connection& db) {
            return save_agency_report(db, c, fields, report->id, today(), auth::actor_of(request, context.user()));
        });
        return after_save(id, request, c, "#agency-reports", [&](const Errors& errors) {
            return received_page(pages, context, c, *report, fields, errors, 422);
        });
    });
}

// ---- terms of reference ------------------------------------------------------------------------

http::Response terms_page(const Pages& pages, http::Context& context, const Case& c, Fields f, const Errors& errors,
                          unsigned status) {
    auto summary = field("summary", "Terms of reference", f["summary"], errors,
                         "What the review examines: the agencies, the period and the questions it asks");
    summary.set("rows", std::string("8"));
    RecordForm form("Add a version of the terms of reference", c.reference,
                    review_href(c.id) + "/terms-of-reference", "Add the version");
    form.intro("A change to the terms of reference is a new version, which the chair signs off again.");
    form.add(RF::textarea, summary);
    return form.render(pages, context, errors, status, review_href(c.id) + "#terms");
}

http::Response terms_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        return terms_page(pages, context, c, {}, {}, 200);
    });
}

http::Response add_terms(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto fields = posted_fields(request, {"summary"});
        auto id = saved_in_transaction(context, [&](db::Connection& db) {
            return save_terms_of_reference(db, c, fields, auth::actor_of(request, context.user()));
        });
        return after_save(id, request, c, "#terms", [&](const Errors& errors) {
            return terms_page(pages, context, c, fields, errors, 422);
        });
    });
}

// The version of the path's {terms}, when it is the case's.
std::optional<TermsOfReference> terms_of(db::Connection& db, const http::Request& request, const Case& c) {
    auto id = auth::path_id(request, "terms");
    if (!id) return std::nullopt;
    for (const auto& t : terms_of_reference_of(db, c.id)) {
        if (t.id == *id) return t;
    }
    return std::nullopt;
}

http::Response sign_terms_page(const Pages& pages, http::Context& context, const Case& c, const TermsOfReference& t,
                               Fields f, const Errors& errors, unsigned status) {
    RecordForm form("Sign off the terms of reference", c.reference,
                    review_href(c.id) + "/terms-of-reference/" + std::to_string(t.id) + "/sign-off", "Sign them off");
    form.intro("Version " + std::to_string(t.version) + ": " + t.summary);
    form.add(RF::select, choice_field("signed_off_by", "Signed off by",
                                      with_none("Choose the chair", people_choices(context.db(), c.partnership_id,
                                                                                   std::nullopt)),
                                      {f["signed_off_by"]}, errors, "The chair of the partnership or its panel"));
    form.add(RF::input, date_field("signed_off_on", "Date signed off", f["signed_off_on"], errors, "2026-11-20"));
    return form.render(pages, context, errors, status, review_href(c.id) + "#terms");
}

http::Response sign_terms_form(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto t = terms_of(context.db(), request, c);
        if (!t) return auth::missing(request, "version of the terms of reference");
        return sign_terms_page(pages, context, c, *t, {}, {}, 200);
    });
}

http::Response sign_terms(const Pages& pages, const http::Request& request, http::Context& context) {
    return with_changing(request, context, [&](const Case& c) {
        auto t = terms_of(context.db(), request, c);
        if (!t) return auth::missing(request, "version of the terms of reference");
        auto fields = posted_fields(request, {"signed_off_by", "signed_off_on"});
        auto status = saved_in_transaction(context, [&](db::Connection& db) {
            return sign_off_terms(db, c, t->id, fields, today(), auth::actor_of(request, context.user()));
        });
        return after_save(status, request, c, "#terms", [&](const Errors& errors) {
            return sign_terms_page(pages, context, c, *t, fields, errors, 422);
        });
    });
}

}  // namespace

void add_record_pages(http::Router& router, const PagesPtr& pages) {
    // Every form is about one case, need-to-know: the handlers answer 404
    // outside the user's reach and 403 to those who only read (changing()).
    const auto one_case = http::Access::any_user();
    using M = http::Method;
    // The form (GET) and what it records (POST), at one address.
    auto both = [&](const std::string& pattern, const std::string& form_summary, Handler form,
                    const std::string& summary, Handler save) {
        router.add(route(M::get, pattern, one_case, form_summary, pages, form));
        router.add(route(M::post, pattern, one_case, summary, pages, save));
    };
    both("/reviews/{id}/decision", "The form to record the decision after the rapid review", decision_form,
         "Record the decision after the rapid review and the statutory partner who ratified it", record_decision);
    both("/reviews/{id}/steps", "The form to record a step of a review done", step_form,
         "Record a step of a review done, with its evidence", record_step_done);
    both("/reviews/{id}/agency-reports", "The form to commission an agency report", report_form,
         "Commission an agency report: agency, due date, senior manager", commission_report);
    both("/reviews/{id}/agency-reports/{report}/received", "The form to mark an agency report received",
         received_form, "Mark an agency report received", mark_received);
    both("/reviews/{id}/terms-of-reference", "The form to add a version of the terms of reference", terms_form,
         "Add a version of the terms of reference", add_terms);
    both("/reviews/{id}/terms-of-reference/{terms}/sign-off", "The form to sign off the terms of reference",
         sign_terms_form, "The chair signs off a version of the terms of reference", sign_terms);
}

}  // namespace safeboard::reviews::pages

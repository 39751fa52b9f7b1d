// The performance framework's analysis pages, called as the server calls
// them, on Southend's demo on SQLite and PostgreSQL: the dashboard's
// headline figures, ratings and sparklines; an indicator's trend and
// agencies compared, each with its table; a period's completeness and
// exceptions; another partnership's figures answering 404; and a draft's
// figures shown nowhere.
#include <chrono>

#include <gtest/gtest.h>

#include "app/application.hpp"
#include "modules/performance/module.hpp"
#include "modules/performance/pages.hpp"
#include "modules/performance/save.hpp"
#include "modules/performance/store.hpp"
#include "modules/plans/module.hpp"
#include "modules/register/module.hpp"
#include "modules/register/store.hpp"
#include "platform/auth/module.hpp"
#include "platform/db/pool.hpp"
#include "platform/web/routes.hpp"
#include "support/module_pages.hpp"

namespace safeboard::performance {
namespace {

using access::Role;
using access::ScopeKind;

bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::size_t occurrences(const std::string& body, const std::string& text) {
    std::size_t n = 0;
    for (auto at = body.find(text); at != std::string::npos; at = body.find(text, at + text.size())) ++n;
    return n;
}

// The table row whose header cell reads `header`, up to its end.
std::string row_of(const std::string& body, const std::string& header) {
    auto at = body.find(">" + header + "</th>");
    if (at == std::string::npos) return {};
    return body.substr(at, body.find("</tr>", at) - at);
}

std::string base64_decoded(const std::string& text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int held = 0;
    for (char c : text) {
        auto at = alphabet.find(c);
        if (at == std::string::npos) break;
        bits = (bits << 6) | static_cast<unsigned>(at);
        held += 6;
        if (held >= 8) {
            held -= 8;
            out += static_cast<char>((bits >> held) & 0xFF);
        }
    }
    return out;
}

// Every image on the page drawn from a data: URL, as SVG text.
std::vector<std::string> svg_images(const std::string& body) {
    const std::string prefix = "src=\"data:image/svg+xml;base64,";
    std::vector<std::string> found;
    for (auto at = body.find(prefix); at != std::string::npos; at = body.find(prefix, at + 1)) {
        auto start = at + prefix.size();
        found.push_back(base64_decoded(body.substr(start, body.find('"', start) - start)));
    }
    return found;
}

class AnalysisPages : public testing::ModulePages {
protected:
    void load(db::Connection& db) override {
        register_::load_demo(db, actor_);
        plans::load_demo(db, actor_);
        load_demo(db, actor_);
        southend_ = register_::find_partnership_by_code(db, "southend")->id;
        essex_ = register_::find_partnership_by_code(db, "essex")->id;
    }
    void add_module_pages(http::Router& router, web::Templates& templates) override {
        templates.add(page_templates());
        add_pages(router, templates);
    }

    static access::Principal user(Role role, ScopeKind kind, std::int64_t id) {
        return testing::principal(role, {kind, id});
    }
    access::Principal reader() const { return user(Role::viewer, ScopeKind::partnership, southend_); }
    access::Principal outsider() const { return user(Role::viewer, ScopeKind::partnership, essex_); }

    std::string page(const std::string& target, const access::Principal& principal) {
        auto response = get(target, principal);
        EXPECT_EQ(response.status, 200u) << target << "\n" << response.body;
        return response.body;
    }

    std::int64_t organisation(const std::string& name) {
        auto lease = pool_->acquire();
        for (const auto& o : register_::find_organisations_named(*lease, name)) {
            if (o.name == name) return o.id;
        }
        ADD_FAILURE() << "no organisation " << name;
        return 0;
    }
    Indicator indicator(const std::string& code) {
        auto lease = pool_->acquire();
        return *find_indicator_by_code(*lease, southend_, code);
    }
    Period period(const std::string& starts_on, const std::string& ends_on) {
        auto lease = pool_->acquire();
        return *find_period_between(*lease, southend_, starts_on, ends_on);
    }
    Period year_2010() { return period("2010-10-01", "2011-09-30"); }
    Period year_2011() { return period("2011-10-01", "2012-09-30"); }
    Period q3() { return period("2012-04-01", "2012-06-30"); }
    Period q4() { return period("2012-07-01", "2012-09-30"); }

    static std::string indicator_path(std::int64_t id) { return "/performance/indicators/" + std::to_string(id); }
    static std::string period_path(std::int64_t id) { return "/performance/periods/" + std::to_string(id); }
    std::string dashboard() const { return "/performance?partnership=" + std::to_string(southend_); }

    std::int64_t southend_ = 0, essex_ = 0;
};

TEST_P(AnalysisPages, TheDashboardShowsTheLatestFiguresRatedWithTheirTrends) {
    auto body = page(dashboard(), reader());
    EXPECT_TRUE(has(body, "Southend Local Safeguarding Children Board"));
    // The latest quarter and the latest year, each with its indicators.
    EXPECT_TRUE(has(body, "Latest quarter: Q4 2011/12"));
    EXPECT_TRUE(has(body, "Latest year: 2011/12"));
    // The partnership's own figure for Q4: 10, green against its target.
    auto at = body.find("href=\"" + indicator_path(indicator("PF01").id) + "\">PF01</a>");
    ASSERT_NE(at, std::string::npos) << body;
    auto pf01 = body.substr(at, body.find("</tr>", at) - at);
    EXPECT_TRUE(has(pf01, ">10<"));
    EXPECT_TRUE(has(pf01, "govuk-tag--green\">Green<"));
    EXPECT_TRUE(has(body, "govuk-tag--orange\">Amber<"));  // DBS01
    EXPECT_TRUE(has(body, "href=\"" + indicator_path(indicator("TRN01").id) + "\">TRN01</a>"));

    // Completeness and exceptions of each latest period, linked.
    auto lease = pool_->acquire();
    auto done = completeness(*lease, q4(), "2013-01-01");
    EXPECT_TRUE(has(body, std::to_string(done.returned) + " of " + std::to_string(done.expected) +
                              " expected returns received (" + std::to_string(done.percent) + "%)"));
    EXPECT_TRUE(has(body, "href=\"" + period_path(q4().id) + "\""));
    auto found = exceptions(*lease, year_2011(), "2013-01-01");
    EXPECT_EQ(found.outside_tolerance.size(), 1u);
    EXPECT_TRUE(has(body, "href=\"" + period_path(year_2011().id) + "/exceptions\">1 exception: 1 red value and 0 missing returns"));

    // Each indicator's trend is a sparkline: an SVG image named for screen readers.
    auto images = svg_images(body);
    ASSERT_FALSE(images.empty());
    for (const auto& svg : images) {
        EXPECT_TRUE(svg.starts_with("<svg")) << svg.substr(0, 80);
        EXPECT_TRUE(has(svg, "role=\"img\""));
    }
    EXPECT_TRUE(has(body, "alt=\"PF01: the partnership&apos;s figure up to Q4 2011/12. From 8 in Q1 2011/12 to 10 in Q4 2011/12"));

    // A reader neither enters nor imports returns; the business unit may import.
    EXPECT_FALSE(has(body, "/performance/import"));
    EXPECT_FALSE(has(body, "href=\"/performance/returns\""));
    auto unit = page(dashboard(), user(Role::business_unit, ScopeKind::partnership, southend_));
    EXPECT_TRUE(has(unit, "href=\"/performance/import?partnership=" + std::to_string(southend_) + "\">Import returns"));
    EXPECT_TRUE(has(unit, "href=\"/performance/returns\""));
}

TEST_P(AnalysisPages, AnotherPartnershipsFiguresAreNotThere) {
    // One partnership: its dashboard at once.
    EXPECT_TRUE(has(page("/performance", reader()), "Latest quarter: Q4 2011/12"));
    // Several: a choice between them.
    auto both = reader();
    both.grants.push_back({Role::viewer, {ScopeKind::partnership, essex_}});
    auto chooser = page("/performance", both);
    EXPECT_TRUE(has(chooser, "href=\"/performance?partnership=" + std::to_string(southend_) + "\""));
    EXPECT_TRUE(has(chooser, "href=\"/performance?partnership=" + std::to_string(essex_) + "\""));
    EXPECT_FALSE(has(chooser, "Latest quarter"));

    // Outside the reach, everything answers as if it did not exist.
    EXPECT_EQ(get(dashboard(), outsider()).status, 404u);
    EXPECT_EQ(get("/performance?partnership=nonsense", reader()).status, 404u);
    EXPECT_EQ(get(indicator_path(indicator("DBS01").id), outsider()).status, 404u);
    EXPECT_EQ(get(period_path(q4().id), outsider()).status, 404u);
    EXPECT_EQ(get(period_path(q4().id) + "/exceptions", outsider()).status, 404u);
    EXPECT_EQ(get(indicator_path(999999), reader()).status, 404u);
    EXPECT_EQ(get(period_path(999999), reader()).status, 404u);
    // Essex's dashboard exists for its reader, with nothing returned yet.
    auto essex = page("/performance", outsider());
    EXPECT_TRUE(has(essex, "No returns have been started for any period yet."));
}

TEST_P(AnalysisPages, AnIndicatorShowsItsTrendAndTheAgenciesComparedWithTheirTables) {
    auto training = indicator("TRN01");
    auto body = page(indicator_path(training.id) + "?period=" + std::to_string(year_2010().id), reader());
    EXPECT_TRUE(has(body, training.title));
    EXPECT_TRUE(has(body, training.definition));
    EXPECT_TRUE(has(body, "Higher is better"));
    EXPECT_TRUE(has(body, "Yearly"));
    EXPECT_TRUE(has(body, training.numerator));
    auto target = row_of(body, "The start");
    EXPECT_TRUE(has(target, ">70%<")) << target;

    // Two charts, each an SVG image, each with its table.
    auto images = svg_images(body);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_TRUE(has(images[0], "Target 70"));
    EXPECT_TRUE(has(body, "<caption class=\"govuk-table__caption govuk-table__caption--s\">TRN01: the partnership&apos;s figure in each year</caption>"));
    EXPECT_TRUE(has(body, "<caption class=\"govuk-table__caption govuk-table__caption--s\">TRN01 in 2010/11: each agency&apos;s figure</caption>"));
    // The trend's table: both years, rated.
    EXPECT_TRUE(has(row_of(body, "2010/11"), "Green"));
    EXPECT_FALSE(row_of(body, "2011/12").empty());
    // The comparison's table: the business plan's figures, as in 2010/11.
    auto hospital = row_of(body, "Southend University Hospital NHS Trust");
    EXPECT_TRUE(has(hospital, ">88.0%<")) << hospital;
    EXPECT_TRUE(has(hospital, ">Green<"));
    EXPECT_TRUE(has(row_of(body, "Southend Adult and Community College"), ">Amber<"));
    EXPECT_TRUE(has(images[1], "Southend University Hospital NHS Trust"));
    // Those that gave no figure are named.
    EXPECT_TRUE(has(body, "<li>Essex Police</li>"));
    EXPECT_TRUE(has(body, "<li>Southend Borough Council, Children &amp; Learning, Specialist Services</li>"));
    // The other year is a link away.
    EXPECT_TRUE(has(body, "period=" + std::to_string(year_2011().id)));
}

TEST_P(AnalysisPages, AnIndicatorMayShowOneAgencysFiguresBesideThePartnerships) {
    auto dbs = indicator("DBS01");
    auto probation = organisation("Essex Probation Service");
    auto body = page(indicator_path(dbs.id) + "?organisation=" + std::to_string(probation), reader());
    EXPECT_TRUE(has(body, "<th scope=\"col\" class=\"govuk-table__header\">Essex Probation Service</th>"));
    EXPECT_TRUE(has(body, "<option value=\"" + std::to_string(probation) + "\" selected>"));
    // Q3, when its 91% was red, is in its column.
    EXPECT_TRUE(has(row_of(body, "Q3 2011/12"), ">91.0%<"));
    // Without a period asked for, agencies are compared in the latest with figures.
    EXPECT_TRUE(has(body, "DBS01 in Q4 2011/12: each agency&apos;s figure"));

    // An organisation that is not among its returners, or a period of another kind, is not there.
    EXPECT_EQ(get(indicator_path(dbs.id) + "?organisation=999999", reader()).status, 404u);
    EXPECT_EQ(get(indicator_path(dbs.id) + "?period=" + std::to_string(year_2010().id), reader()).status, 404u);
    EXPECT_EQ(get(indicator_path(dbs.id) + "?period=x", reader()).status, 404u);
}

TEST_P(AnalysisPages, APeriodShowsWhoReturnedAndWhoIsMissing) {
    auto year = year_2010();
    auto body = page(period_path(year.id), reader());
    EXPECT_TRUE(has(body, "Returns for 2010/11"));
    EXPECT_TRUE(has(body, "9 of 11 expected returns received (82%)"));
    // Essex Police and Specialist Services gave no training figure: missing, and overdue.
    auto police = row_of(body, "Essex Police");
    EXPECT_TRUE(has(police, "Overdue")) << police;
    EXPECT_TRUE(has(body, ">Southend Borough Council, Children &amp; Learning, Specialist Services</th>"));
    // A submitted return is linked for a reader of the partnership's figures.
    auto lease = pool_->acquire();
    auto hospital = organisation("Southend University Hospital NHS Trust");
    auto hospitals = find_return_of(*lease, year.id, hospital);
    ASSERT_TRUE(hospitals);
    EXPECT_TRUE(has(body, "href=\"/performance/returns/" + std::to_string(hospitals->id) + "\""));
    // Its figures, rated.
    auto figures = body.substr(body.find("id=\"values\""));
    auto row = row_of(figures, "Southend University Hospital NHS Trust");
    EXPECT_TRUE(has(row, ">88%<")) << row;
    EXPECT_TRUE(has(row, ">Green<"));
    // The next year is a link away; 2010/11 is the first.
    EXPECT_TRUE(has(body, "href=\"" + period_path(year_2011().id) + "\" rel=\"next\""));
    EXPECT_FALSE(has(body, "rel=\"prev\""));
}

TEST_P(AnalysisPages, TheExceptionsAreEveryRedValueAndEveryMissingReturn) {
    auto summer = q3();
    auto body = page(period_path(summer.id) + "/exceptions", reader());
    EXPECT_TRUE(has(body, "Exceptions in Q3 2011/12"));
    auto red = body.substr(body.find("id=\"red\""), body.find("id=\"missing\"") - body.find("id=\"red\""));
    auto probation = row_of(red, "Essex Probation Service");
    EXPECT_TRUE(has(probation, ">91%<")) << probation;
    EXPECT_TRUE(has(probation, ">Red<"));
    EXPECT_TRUE(has(red, "St Michael&apos;s School"));
    auto missing = body.substr(body.find("id=\"missing\""));
    EXPECT_TRUE(has(missing, "Edwards Hall Primary School"));
    EXPECT_EQ(occurrences(missing, "<tr class=\"govuk-table__row\">"), 2u);  // the head and one returner
    // Between quarters, to their exceptions.
    EXPECT_TRUE(has(body, "href=\"" + period_path(q4().id) + "/exceptions\" rel=\"next\""));

    auto year = page(period_path(year_2011().id) + "/exceptions", reader());
    EXPECT_TRUE(has(row_of(year, "Essex Police"), "TRN01"));
    EXPECT_TRUE(has(year, "Every expected return for 2011/12 has been received."));
}

TEST_P(AnalysisPages, ADraftsFiguresAreShownNowhere) {
    auto police = organisation("Essex Police");
    auto training = indicator("TRN01");
    std::int64_t draft_id = 0;
    {
        auto lease = pool_->acquire();
        db::Transaction transaction(*lease);
        auto draft = return_for(*lease, year_2010(), police, actor_);
        ASSERT_TRUE(enter_values(*lease, draft, {{"values[TRN01].value", "12.3"}}, actor_));
        transaction.commit();
        draft_id = draft.id;
    }
    auto lead = user(Role::agency_lead, ScopeKind::organisation, police);
    for (const auto& who : {reader(), lead}) {
        for (const auto& target :
             {dashboard(), period_path(year_2010().id), period_path(year_2010().id) + "/exceptions",
              indicator_path(training.id) + "?organisation=" + std::to_string(police)}) {
            EXPECT_FALSE(has(page(target, who), "12.3%")) << target;
        }
        // Essex Police is still among those that gave no figure, and has no bar.
        auto compared = page(indicator_path(training.id) + "?period=" + std::to_string(year_2010().id), who);
        EXPECT_FALSE(has(compared, "12.3%"));
        EXPECT_TRUE(has(compared, "<li>Essex Police</li>"));
        auto images = svg_images(compared);
        ASSERT_EQ(images.size(), 2u);
        EXPECT_FALSE(has(images[1], "Essex Police"));
        auto figures = page(period_path(year_2010().id), who);
        EXPECT_FALSE(has(figures.substr(figures.find("id=\"values\"")), "Essex Police"));
    }
    // Where it stands is shown: a draft, still missing.
    auto body = page(period_path(year_2010().id), reader());
    EXPECT_TRUE(has(row_of(body, "Essex Police"), "Draft"));
    EXPECT_TRUE(has(body, "9 of 11 expected returns received"));
    // Only those who enter it are led to it.
    auto link = "href=\"/performance/returns/" + std::to_string(draft_id) + "\"";
    EXPECT_FALSE(has(body, link));
    EXPECT_TRUE(has(page(period_path(year_2010().id), lead), link));
}

SAFEBOARD_TEST_ON_BACKENDS(AnalysisPages);

}  // namespace
}  // namespace safeboard::performance

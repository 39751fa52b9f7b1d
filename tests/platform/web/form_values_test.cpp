#include "platform/web/form_values.hpp"

#include <array>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "platform/web/form_errors.hpp"
#include "platform/web/routes.hpp"

namespace safeboard {
namespace web_test {
enum class Colour { red, dark_blue };
}  // namespace web_test

template <>
std::span<const Term<web_test::Colour>> terms() {
    static constexpr std::array<Term<web_test::Colour>, 2> list{{{web_test::Colour::red, "red", "Red"},
                                                                 {web_test::Colour::dark_blue, "dark_blue", "Dark blue"}}};
    return list;
}

namespace web {
namespace {

using kainjow::mustache::data;

// The shared partials as a page shows them: each one inside the section of its values.
class FormPartials : public ::testing::Test {
protected:
    std::unique_ptr<WebShell> shell = WebShell::from_embedded();

    int pages = 0;

    std::string render(const std::string& partial, const data& values) {
        auto name = "form_test/page" + std::to_string(++pages);
        auto path = name + ".mustache";
        auto source = "{{#f}}{{> web/pages/" + partial + "}}{{/f}}";
        std::vector<embed::File> page{{path, source}};
        shell->templates.add(page);
        data outer;
        outer.set("f", values);
        return shell->templates.render(name, outer);
    }
};

TEST_F(FormPartials, AFieldWithAnErrorSaysSoBesideItAndToScreenReaders) {
    std::vector<FieldError> errors{{"email", "Enter an email address"}};
    auto html = render("input", field("email", "Email", "jo@", errors, "We will not share it"));

    EXPECT_NE(html.find("govuk-form-group--error"), std::string::npos);
    EXPECT_NE(html.find("<p id=\"email-error\" class=\"govuk-error-message\">"), std::string::npos);
    EXPECT_NE(html.find("Enter an email address"), std::string::npos);
    EXPECT_NE(html.find("<div id=\"email-hint\" class=\"govuk-hint\">We will not share it</div>"), std::string::npos);
    EXPECT_NE(html.find("aria-describedby=\"email-hint email-error\""), std::string::npos);
    EXPECT_NE(html.find("value=\"jo@\""), std::string::npos);
}

TEST_F(FormPartials, AFieldWithoutHintOrErrorDescribesNothing) {
    auto html = render("textarea", field("notes", "Notes", "a < b", {}));

    EXPECT_EQ(html.find("aria-describedby"), std::string::npos);
    EXPECT_EQ(html.find("govuk-error-message"), std::string::npos);
    EXPECT_NE(html.find(">a &lt; b</textarea>"), std::string::npos);
}

TEST_F(FormPartials, TheErrorSummaryLinkLandsOnTheFirstChoice) {
    std::vector<Choice> choices{{"a", "Yes", {}}, {"b", "No", "Not this year"}};
    std::vector<FieldError> errors{{"answer", "Choose yes or no"}};
    auto html = render("radios", choice_field("answer", "Answer", choices, {"b"}, errors));

    EXPECT_NE(html.find("id=\"answer\" name=\"answer\" type=\"radio\" value=\"a\">"), std::string::npos);
    EXPECT_NE(html.find("id=\"answer-2\" name=\"answer\" type=\"radio\" value=\"b\" checked"), std::string::npos);
    EXPECT_NE(html.find("<div id=\"answer-2-hint\""), std::string::npos);
    EXPECT_NE(html.find("aria-describedby=\"answer-error\""), std::string::npos);
}

TEST_F(FormPartials, ASelectOffersAClosedListByItsWords) {
    auto html = render("select", choice_field("colour", "Colour", vocabulary_choices<web_test::Colour>(),
                                              {"dark_blue"}, {}));

    EXPECT_NE(html.find("<option value=\"red\">Red</option>"), std::string::npos);
    EXPECT_NE(html.find("<option value=\"dark_blue\" selected>Dark blue</option>"), std::string::npos);
}

TEST_F(FormPartials, TextKeepsItsParagraphsAndLineBreaks) {
    auto html = render("paragraphs", paragraphs("First line\r\nsecond line\n\n  \nNext paragraph"));

    EXPECT_NE(html.find("<p class=\"govuk-body\">First line<br>second line</p>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"govuk-body\">Next paragraph</p>"), std::string::npos);
    EXPECT_EQ(html.find("Not recorded"), std::string::npos);
    EXPECT_NE(render("paragraphs", paragraphs(" \n ")).find("Not recorded."), std::string::npos);
}

TEST_F(FormPartials, ASummaryRowLinksOnlyAValue) {
    data rows{data::type::list};
    rows.push_back(detail_row("Lead", "Essex Police", "/organisations/3"));
    rows.push_back(detail_row("Parent", "", "/organisations/4"));
    data values;
    values.set("details", rows);
    auto html = render("summary", values);

    EXPECT_NE(html.find("<a class=\"govuk-link\" href=\"/organisations/3\">Essex Police</a>"), std::string::npos);
    EXPECT_NE(html.find("<dd class=\"govuk-summary-list__value\">Not recorded</dd>"), std::string::npos);
    EXPECT_EQ(html.find("/organisations/4"), std::string::npos);
}

TEST_F(FormPartials, TheNextPageLinkNamesWhatItPages) {
    data values;
    values.set("next_link", link("/people", {{"q", "Jo"}, {"after", "k"}}));
    values.set("what", "people");
    auto html = render("next_page", values);

    EXPECT_NE(html.find("href=\"/people?q=Jo&amp;after=k\" rel=\"next\""), std::string::npos);
    EXPECT_NE(html.find("aria-label=\"Pages of people\""), std::string::npos);
    EXPECT_EQ(render("next_page", data{}).find("<nav"), std::string::npos);
}

TEST(FormValues, ALinkCarriesEveryValueBackUnchanged) {
    EXPECT_EQ(link("/people", {{"q", "Jo Bloggs & co+1"}, {"partnership", ""}, {"after", "a/b=c"}}),
              "/people?q=Jo%20Bloggs%20%26%20co%2B1&after=a%2Fb%3Dc");
    EXPECT_EQ(link("/people", {{"q", ""}}), "/people");
}

TEST(FormValues, TheErrorSummaryReadsFromTheTopOfTheFormDown) {
    std::vector<FieldError> errors{{"to", "Enter a date"}, {"other", "Odd"}, {"from", "Enter a date"},
                                   {"to", "Must be after the start"}};
    data values;
    set_form_errors(values, errors, {"from", "to"});

    ASSERT_TRUE(values.get("errors") != nullptr);
    const auto& summary = values.get("errors")->list_value();
    ASSERT_EQ(summary.size(), 4u);
    std::vector<std::string> fields;
    for (const auto& item : summary) fields.push_back(item.get("field")->string_value());
    EXPECT_EQ(fields, (std::vector<std::string>{"from", "to", "to", "other"}));
    EXPECT_EQ(values.get("error_to")->string_value(), "Enter a date");
    EXPECT_EQ(error_for(errors, "to"), "Enter a date");
    EXPECT_EQ(error_for(errors, "name"), "");
}

}  // namespace
}  // namespace web
}  // namespace safeboard

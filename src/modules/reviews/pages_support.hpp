#pragma once
// What the learning reviews module's page files share. Internal to its pages.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <kainjow/mustache.hpp>

#include "modules/reviews/model.hpp"
#include "platform/auth/page.hpp"
#include "platform/calendar/date.hpp"
#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/db/database.hpp"
#include "platform/http/context.hpp"
#include "platform/http/form.hpp"
#include "platform/http/problem.hpp"
#include "platform/http/router.hpp"
#include "platform/web/form_errors.hpp"
#include "platform/web/form_values.hpp"
#include "platform/web/templates.hpp"

namespace safeboard::reviews::pages {

using kainjow::mustache::data;
using Errors = std::vector<FieldError>;

struct Pages {
    const web::Templates& templates;
};
using PagesPtr = std::shared_ptr<const Pages>;
using Handler = http::Response (*)(const Pages&, const http::Request&, http::Context&);

http::Response render(const Pages& pages, const http::Context& context, std::string_view name, data values,
                      std::string_view title, unsigned status = 200, std::string back_link = {});
// A page route of the reviews module (auth::page_route, tagged "reviews").
http::Route route(http::Method method, std::string pattern, http::Access access, std::string summary,
                  const PagesPtr& pages, Handler handler);

std::string review_href(std::int64_t id);
// Today in the UK: the day the statutory clocks are read on.
std::string today();

using http::posted_fields;

// The case of the path's {id}, when the user may change it; otherwise the
// answer to give (404 when they may not read it, else 403, recorded).
std::variant<Case, http::Response> changing(const http::Request& request, http::Context& context);
// `handler(c)` for that case, or the answer changing() gives.
template <typename Handler>
http::Response with_changing(const http::Request& request, http::Context& context, Handler handler) {
    auto found = changing(request, context);
    if (auto* refusal = std::get_if<http::Response>(&found)) return std::move(*refusal);
    return handler(std::get<Case>(found));
}

// ---- what forms offer ----------------------------------------------------------------------

// The partnership's organisations by name (value: the id).
std::vector<web::Choice> organisation_choices(db::Connection& db, std::int64_t partnership_id);
// The people of the partnership (of one organisation, when given), by name:
// the value is the id, or the name when `by_name` (what the plans' rules read).
std::vector<web::Choice> people_choices(db::Connection& db, std::int64_t partnership_id,
                                        std::optional<std::int64_t> organisation, bool by_name = false);
// `choices` after a first one with no value, for a select.
std::vector<web::Choice> with_none(std::string none_label, std::vector<web::Choice> choices);
// A date field, as narrow as a date, with an example of how to write one.
data date_field(std::string_view id, std::string_view label, std::string value, const Errors& errors,
                std::string_view example);

// One of the forms that record something about a case (record_form): a
// heading with the case's reference as caption, some words before the
// fields, the fields in order, each shown by its web/pages partial.
class RecordForm {
public:
    enum class Kind { input, textarea, select, radios, checkboxes };

    RecordForm(std::string title, std::string caption, std::string action, std::string button);
    RecordForm& intro(std::string words);
    RecordForm& add(Kind kind, data field);
    // An error for a field the form does not show (the record it is about)
    // is shown against its first field, so the summary's link lands on the form.
    http::Response render(const Pages& pages, const http::Context& context, Errors errors, unsigned status,
                          std::string back_link) const;

private:
    std::string title_;
    std::string caption_;
    std::string action_;
    std::string button_;
    std::string intro_;
    std::vector<std::pair<Kind, data>> fields_;
    std::vector<std::string> order_;
};

// Runs `save(db)` in a write transaction, committed only when it succeeds,
// so that a form with errors changes nothing.
template <typename Save>
auto saved_in_transaction(http::Context& context, Save save) {
    auto& db = context.db();
    db::Transaction transaction(db);
    auto result = save(db);
    if (result) transaction.commit();
    return result;
}

// What a form's POST answers once saved: 303 to the case page (at
// `anchor`), the form again with its errors (422), or the problem when the
// save failed for another reason than the input.
template <typename T, typename FormAgain>
http::Response after_save(const Result<T>& result, const http::Request& request, const Case& c,
                          std::string_view anchor, FormAgain form_again) {
    if (result) return auth::see_other(review_href(c.id) + std::string(anchor));
    if (result.error().kind != ErrorKind::validation) return http::problem(result.error(), request);
    return form_again(result.error().fields);
}

// ---- the pages of each file --------------------------------------------------------------

void add_case_pages(http::Router& router, const PagesPtr& pages);
void add_case_view_pages(http::Router& router, const PagesPtr& pages);
void add_record_pages(http::Router& router, const PagesPtr& pages);
void add_learning_pages(http::Router& router, const PagesPtr& pages);
void add_lessons_pages(http::Router& router, const PagesPtr& pages);

}  // namespace safeboard::reviews::pages

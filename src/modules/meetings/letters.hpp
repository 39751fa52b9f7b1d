#pragma once
// The letter to each member agency after a meeting (the Board's, most often):
// which agencies get one and who in each, what it says — the key issues, the
// decisions and that agency's actions arising, with the response asked for
// by a date — and the same letter as a PDF document and a printable page.
// All pure but the routes at the end: they gather the records, and
// store.hpp keeps the letters.
//
// The drafted text is the letter of record (what was sent stays as it was,
// whatever changes later), so the PDF and the page are read from the text:
// blocks are separated by a blank line; a block of two lines whose second is
// a rule ("=====" or "-----") is a heading; a block whose lines all start
// "- " is a list; any other block is a paragraph, its lines kept.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/meetings/model.hpp"
#include "modules/plans/model.hpp"
#include "modules/register/model.hpp"
#include "platform/api/openapi.hpp"
#include "platform/audit/audit.hpp"
#include "platform/core/error.hpp"
#include "platform/core/fields.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/pdf/document.hpp"

namespace safeboard::meetings {

// ---- who gets a letter ------------------------------------------------------------------

// An agency that sits on the body on the meeting's date, with its seats there.
struct MemberAgency {
    std::int64_t organisation_id = 0;
    std::string name;
    std::vector<register_::Membership> seats;  // in the register's order (chair first)
};

// The organisations holding a seat on `date` as chair, vice-chair or member,
// by name. Lay members, observers and advisers sit for themselves or advise
// the body; they do not answer for an agency, so their seats bring no letter.
std::vector<MemberAgency> member_agencies(const std::vector<register_::Membership>& seats, std::string_view date);
// The agency's senior officer on the body: its first seat that names a
// person, or else its first seat.
const register_::Membership& recipient_seat(const MemberAgency& agency);

// The organisations each person belongs to: the one the register gives
// them, and those whose seats on the body they hold on the date.
using PersonOrganisations = std::map<std::int64_t, std::vector<std::int64_t>>;
PersonOrganisations person_organisations(const std::vector<register_::Person>& people,
                                         const std::vector<register_::Membership>& seats, std::string_view date);
// An action falls to an agency when it names the organisation, or a person
// of it, as responsible. A body named responsible is nobody's agency.
bool falls_to(const plans::Action& action, std::int64_t organisation_id, const PersonOrganisations& people);

// ---- what the letter says -----------------------------------------------------------------

// The response is asked for this many days after the meeting unless the caller says otherwise.
inline constexpr int default_response_days = 28;

// The day `days` after a YYYY-MM-DD date (before it when negative).
std::string days_after(std::string_view date, int days);

// What every agency's letter after one meeting is drafted from.
struct LetterFacts {
    Meeting meeting;                             // its body_name heads the letter
    std::vector<AgendaItem> agenda;              // in order: taken items are the key issues
    std::vector<plans::Action> actions;          // the actions arising, in number order
    PersonOrganisations people;                  // for the people the actions name
    std::optional<register_::Membership> chair;  // who signs: the body's chair on the day
};

// The agency's letter, not yet sent: its recipient, its text and the date the
// response is due (`due_on`, YYYY-MM-DD).
Letter draft_letter(const LetterFacts& facts, const MemberAgency& agency, std::string_view due_on);

// ---- recording what happened to it -----------------------------------------------------------

// A change to a letter: sent_on, response_due_on, response_received_on
// (YYYY-MM-DD, or blank to clear) and response; a field not given stays as
// it is. A letter is sent on or after the meeting and not after `today`; a
// response is due on or after the letter was sent and is received only once
// it was sent, not after `today`; a response's words need the day it came.
// Every problem is named by its field.
Result<Letter> letter_changes(const Fields& fields, const Letter& base, std::string_view meeting_date,
                              std::string_view today);
// Sent, no response yet, and due before `on`.
bool response_overdue(const Letter& letter, std::string_view on);

// ---- the letter as a document ------------------------------------------------------------------

// The text's headings, paragraphs and lists (see the top of this file).
std::vector<pdf::Block> letter_blocks(std::string_view text);
// The letter on A4: the body's name as letterhead, then the day it was sent
// (or that it is a draft), then the text.
pdf::Document letter_document(const Letter& letter, const Meeting& meeting);
// The same letter as a standalone page to print, every text escaped.
std::string letter_html(const Letter& letter, const Meeting& meeting);

// ---- drafting, the API and the documents (routes_letters.cpp) -------------------------------

struct Drafted {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int already_sent = 0;
};
// Drafts the letter of each member agency of the meeting's body, inside the
// caller's write transaction: a letter already sent stays as it was sent;
// the others are drafted again from the meeting's records as they are now,
// keeping the day their response is due unless `due` gives one.
Drafted draft_letters(db::Connection& db, const Meeting& meeting, const std::optional<std::string>& due,
                      const audit::Actor& actor);

// A meeting's actions arising (kept by the plans action engine), its
// letters drafted, read, marked sent and answered, the letters as PDF and
// printable page, and the report of overdue responses.
void add_letter_routes(http::Router& router);

}  // namespace safeboard::meetings

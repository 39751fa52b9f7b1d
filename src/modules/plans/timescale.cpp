#include "modules/plans/timescale.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "platform/calendar/date.hpp"
#include "platform/core/text.hpp"

namespace safeboard::plans {

namespace {

namespace chrono = std::chrono;

constexpr std::array<Term<TimescaleKind>, 5> kind_terms{{
    {TimescaleKind::date, "date", "Date"},
    {TimescaleKind::month, "month", "Month"},
    {TimescaleKind::quarter, "quarter", "Quarter"},
    {TimescaleKind::ongoing, "ongoing", "Ongoing"},
    {TimescaleKind::recurrence, "recurrence", "Recurring"},
}};

// "Biannual" is read both ways in English; the label says what is meant.
constexpr std::array<Term<Recurrence>, 4> recurrence_terms{{
    {Recurrence::monthly, "monthly", "Monthly"},
    {Recurrence::quarterly, "quarterly", "Quarterly"},
    {Recurrence::biannual, "biannual", "Twice a year"},
    {Recurrence::annual, "annual", "Annually"},
}};

constexpr std::string_view no_entry_message =
    "Enter a timescale with a date, a month, a quarter, \"Ongoing\" or how often (\"Quarterly\")";

// Words that say the work is ongoing (no recurrence) or how often it recurs.
// Longer phrases come before the shorter ones they start with.
struct Phrase {
    std::string_view words;
    std::optional<Recurrence> recurrence;  // none: ongoing
};

constexpr std::array phrases{
    Phrase{"ongoing", std::nullopt},
    Phrase{"on going", std::nullopt},
    Phrase{"monthly", Recurrence::monthly},
    Phrase{"every month", Recurrence::monthly},
    Phrase{"quarterly", Recurrence::quarterly},
    Phrase{"every quarter", Recurrence::quarterly},
    Phrase{"biannual", Recurrence::biannual},
    Phrase{"biannually", Recurrence::biannual},
    Phrase{"bi annual", Recurrence::biannual},
    Phrase{"bi annually", Recurrence::biannual},
    Phrase{"twice a year", Recurrence::biannual},
    Phrase{"twice yearly", Recurrence::biannual},
    Phrase{"sixmonthly", Recurrence::biannual},
    Phrase{"six monthly", Recurrence::biannual},
    Phrase{"6 monthly", Recurrence::biannual},
    Phrase{"halfyearly", Recurrence::biannual},
    Phrase{"half yearly", Recurrence::biannual},
    Phrase{"every six months", Recurrence::biannual},
    Phrase{"every 6 months", Recurrence::biannual},
    Phrase{"annual rolling programme", Recurrence::annual},
    Phrase{"annual rolling program", Recurrence::annual},
    Phrase{"annually", Recurrence::annual},
    Phrase{"annual", Recurrence::annual},
    Phrase{"yearly", Recurrence::annual},
    Phrase{"every year", Recurrence::annual},
};

// ---- Words -----------------------------------------------------------------

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
bool all_digits(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_digit); }

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    // Lower case; a word's hyphens dropped, so "Bi-annual" reads as "biannual"
    // and "on-going" as "ongoing". Numbers keep theirs: "2012-03-31".
    std::string key;
};

// A joining mark ("31/03/2012", "2011-12", "Children's") stays inside a word
// when the characters either side are of the same kind: "2012-October" is
// two words.
bool joins(std::string_view text, std::size_t at) {
    char mark = text[at];
    if (mark != '-' && mark != '/' && mark != '\'') return false;
    if (at == 0 || at + 1 >= text.size()) return false;
    char before = text[at - 1], after = text[at + 1];
    if (is_letter(before) && is_letter(after)) return mark != '/';
    return is_digit(before) && is_digit(after) && mark != '\'';
}

Token make_token(std::string_view text, std::size_t begin, std::size_t end) {
    Token token{begin, end, {}};
    auto word = text.substr(begin, end - begin);
    bool joined_words = word.size() > 1 && std::none_of(word.begin(), word.end(), is_digit);
    for (char c : word) {
        if (c == '-' && joined_words) continue;
        token.key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return token;
}

// Words and single marks (",", "&", "."); spaces and non-ASCII bytes only separate.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t at = 0;
    while (at < text.size()) {
        char c = text[at];
        if (is_alnum(c)) {
            std::size_t end = at;
            while (end < text.size() && (is_alnum(text[end]) || joins(text, end))) ++end;
            tokens.push_back(make_token(text, at, end));
            at = end;
            continue;
        }
        if (c > ' ' && c < 0x7f) tokens.push_back(make_token(text, at, at + 1));
        ++at;
    }
    return tokens;
}

std::optional<unsigned> month_number(std::string_view key) {
    if (key == "sept") return 9U;
    for (unsigned i = 0; i < 12; ++i) {
        auto name = calendar::month_name(i + 1);
        bool full = key.size() == name.size();
        if (key.size() != 3 && !full) continue;
        bool same = true;
        for (std::size_t j = 0; j < key.size(); ++j) {
            if (key[j] != static_cast<char>(name[j] | 0x20)) same = false;
        }
        if (same) return i + 1;
    }
    return std::nullopt;
}

std::optional<int> year_number(std::string_view key) {
    if (key.size() != 4 || !all_digits(key) || key[0] == '0') return std::nullopt;
    return std::stoi(std::string(key));
}

// ---- Dates -----------------------------------------------------------------

std::string iso(const chrono::year_month_day& day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

chrono::year_month_day first_day(chrono::year_month month) { return month / chrono::day{1}; }
chrono::year_month_day last_day(chrono::year_month month) {
    return chrono::year_month_day{month / chrono::last};
}

struct Ymd {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
};

std::optional<Ymd> split_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto part = [&](std::size_t from, std::size_t count) { return std::string(text.substr(from, count)); };
    if (!all_digits(part(0, 4)) || !all_digits(part(5, 2)) || !all_digits(part(8, 2))) return std::nullopt;
    return Ymd{std::stoi(part(0, 4)), static_cast<unsigned>(std::stoi(part(5, 2))),
               static_cast<unsigned>(std::stoi(part(8, 2)))};
}

std::string month_words(unsigned month, int year) {
    return std::string(calendar::month_name(month)).append(" ").append(std::to_string(year));
}

// ---- Reading ---------------------------------------------------------------

class Reader {
public:
    Reader(std::string_view text, int year_starts_month)
        : text_(text), tokens_(tokenize(text)), year_starts_month_(year_starts_month) {}

    void read();
    std::vector<TimescaleEntry> entries;
    std::vector<FieldError> errors;

private:
    struct MonthYear {
        unsigned month = 0;
        int year = 0;
        std::size_t year_at = 0;  // the token holding the year
    };

    std::string_view key(std::size_t at) const {
        if (at >= tokens_.size()) return {};
        return tokens_[at].key;
    }
    std::string words(std::size_t first, std::size_t last) const {
        return std::string(text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin));
    }

    std::size_t read_phrase(std::size_t at);
    std::size_t phrase_length(std::size_t at, std::string_view words) const;
    std::size_t read_dated(std::size_t at, bool from_only);
    std::size_t read_numeric_date(std::size_t at, bool from_only);
    std::size_t read_day_month_year(std::size_t at, bool from_only);
    std::size_t read_quarter(std::size_t at, bool from_only);
    std::size_t read_months(std::size_t at, bool from_only);
    std::optional<MonthYear> month_year(std::size_t at) const;
    std::optional<chrono::year_month> quarter_start(unsigned quarter, std::string_view year, std::size_t first,
                                                    std::size_t last);

    void add_day(chrono::year_month_day day, bool from_only, std::string wording);
    void add_span(TimescaleKind kind, chrono::year_month first, chrono::year_month last, bool from_only,
                  std::string wording);
    void add(TimescaleEntry entry);
    // The words as written, so a person finds them in a long timescale.
    void refuse(std::size_t first, std::size_t last, std::string_view problem);

    std::string_view text_;
    std::vector<Token> tokens_;
    int year_starts_month_;
};

void Reader::read() {
    std::size_t at = 0;
    while (at < tokens_.size()) {
        if (auto used = read_phrase(at)) {
            at += used;
            continue;
        }
        // "by" changes nothing (a dated entry falls due anyway); "from" and
        // "starting" say when work starts, so nothing falls due then.
        auto word = key(at);
        bool from = word == "from" || word == "starting" || word == "commencing";
        std::size_t start = at + (from || word == "by" ? 1 : 0);
        if (from && key(start) == "in") ++start;
        if (auto used = read_dated(start, from)) {
            at = start + used;
            continue;
        }
        ++at;
    }
}

std::size_t Reader::phrase_length(std::size_t at, std::string_view phrase) const {
    std::size_t used = 0;
    while (!phrase.empty()) {
        auto space = phrase.find(' ');
        auto word = phrase.substr(0, space);
        phrase = space == std::string_view::npos ? std::string_view{} : phrase.substr(space + 1);
        if (key(at + used) != word) return 0;
        ++used;
        // "6-monthly": a hyphen after a number is a word of its own.
        if (!phrase.empty() && key(at + used) == "-") ++used;
    }
    return used;
}

std::size_t Reader::read_phrase(std::size_t at) {
    for (const auto& phrase : phrases) {
        auto used = phrase_length(at, phrase.words);
        if (!used) continue;
        TimescaleEntry entry;
        entry.kind = phrase.recurrence ? TimescaleKind::recurrence : TimescaleKind::ongoing;
        entry.recurrence = phrase.recurrence;
        entry.wording = words(at, at + used - 1);
        add(std::move(entry));
        return used;
    }
    return 0;
}

std::size_t Reader::read_dated(std::size_t at, bool from_only) {
    if (at >= tokens_.size()) return 0;
    if (auto used = read_numeric_date(at, from_only)) return used;
    if (auto used = read_day_month_year(at, from_only)) return used;
    if (auto used = read_quarter(at, from_only)) return used;
    return read_months(at, from_only);
}

// "31/03/2012", "31-03-2012" or "2012-03-31".
std::size_t Reader::read_numeric_date(std::size_t at, bool from_only) {
    auto word = key(at);
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
        if (i < word.size() && word[i] != '/' && word[i] != '-') continue;
        parts.emplace_back(word.substr(start, i - start));
        start = i + 1;
    }
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), [](const auto& p) { return all_digits(p); })) {
        return 0;
    }
    bool year_first = parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2;
    bool year_last = parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4;
    if (!year_first && !year_last) return 0;
    auto year = year_number(year_first ? parts[0] : parts[2]);
    const auto& day = year_first ? parts[2] : parts[0];
    chrono::year_month_day date{chrono::year{year.value_or(0)},
                                chrono::month{static_cast<unsigned>(std::stoi(parts[1]))},
                                chrono::day{static_cast<unsigned>(std::stoi(day))}};
    if (!year || !date.ok()) {
        refuse(at, at, "is not a real date");
        return 1;
    }
    add_day(date, from_only, words(at, at));
    return 1;
}

// "31 March 2012", "1st Sept 2012".
std::size_t Reader::read_day_month_year(std::size_t at, bool from_only) {
    auto word = key(at);
    auto digits = std::min(word.find_first_not_of("0123456789"), word.size());
    auto suffix = word.substr(digits);
    bool ordinal = suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
    if (digits == 0 || digits > 2 || !ordinal) return 0;
    auto rest = month_year(at + 1);
    if (!rest) return 0;
    auto day = static_cast<unsigned>(std::stoi(std::string(word.substr(0, digits))));
    chrono::year_month_day date{chrono::year{rest->year}, chrono::month{rest->month}, chrono::day{day}};
    if (!date.ok()) {
        refuse(at, rest->year_at, "is not a real date");
    } else {
        add_day(date, from_only, words(at, rest->year_at));
    }
    return rest->year_at - at + 1;
}

// "Q1 2012" (a calendar quarter), "Q1 2011/12" or "Quarter 1 2011-12" (a
// quarter of the reporting year that starts in 2011).
std::size_t Reader::read_quarter(std::size_t at, bool from_only) {
    auto word = key(at);
    std::string_view number;
    std::size_t year_at = at + 1;
    if (word.size() >= 2 && word[0] == 'q' && all_digits(word.substr(1))) {
        number = word.substr(1);
    } else if (word == "quarter" && all_digits(key(at + 1))) {
        number = key(at + 1);
        year_at = at + 2;
    } else {
        return 0;
    }
    auto year = key(year_at);
    if (number.size() > 2 || year.size() < 4 || !all_digits(year.substr(0, 4))) return 0;
    auto quarter = static_cast<unsigned>(std::stoi(std::string(number)));
    if (quarter < 1 || quarter > 4) {
        refuse(at, year_at, "is not a quarter (Q1 to Q4)");
        return year_at - at + 1;
    }
    if (auto first = quarter_start(quarter, year, at, year_at)) {
        add_span(TimescaleKind::quarter, *first, *first + chrono::months{2}, from_only, words(at, year_at));
    }
    return year_at - at + 1;
}

std::optional<chrono::year_month> Reader::quarter_start(unsigned quarter, std::string_view year, std::size_t first,
                                                        std::size_t last) {
    auto offset = chrono::months{3 * (static_cast<int>(quarter) - 1)};
    if (auto calendar = year_number(year)) {
        return chrono::year{*calendar} / chrono::January + offset;
    }
    // A reporting year: "2011/12", "2011-12", "2011/2012".
    auto starts = year_number(year.substr(0, 4));
    auto mark = year.size() > 4 ? year[4] : ' ';
    auto ends = year.size() > 5 ? year.substr(5) : std::string_view{};
    auto next = starts ? std::to_string(*starts + 1) : std::string{};
    bool follows = starts && (mark == '/' || mark == '-') &&
                   (ends == next || (ends.size() == 2 && ends == std::string_view(next).substr(2)));
    if (!follows) {
        refuse(first, last, "is not a quarter of a year like 2011/12");
        return std::nullopt;
    }
    // A plan's reporting year starts in its first month (Southend: October).
    auto first_month = static_cast<unsigned>(std::clamp(year_starts_month_, 1, 12));
    return chrono::year{*starts} / chrono::month{first_month} + offset;
}

// "March 2012", "Sept 2012", "October 2011 and 2012" (October of each year).
std::size_t Reader::read_months(std::size_t at, bool from_only) {
    auto first = month_year(at);
    if (!first) return 0;
    chrono::month month{first->month};
    auto one = [&](int year, std::string wording) {
        chrono::year_month period{chrono::year{year}, month};
        add_span(TimescaleKind::month, period, period, from_only, std::move(wording));
    };
    one(first->year, words(at, first->year_at));
    std::size_t last = first->year_at;
    while (true) {
        auto joiner = key(last + 1);
        auto year = year_number(key(last + 2));
        if (!year || (joiner != "and" && joiner != "&" && joiner != ",")) break;
        last += 2;
        one(*year, words(at, at).append(" ").append(words(last, last)));
    }
    return last - at + 1;
}

// A month's name and a year after it: "March 2012", "Sept. 2012", "March, 2012".
std::optional<Reader::MonthYear> Reader::month_year(std::size_t at) const {
    auto month = month_number(key(at));
    if (!month) return std::nullopt;
    std::size_t year_at = at + 1;
    auto abbreviated = (key(at).size() == 3 && key(at) != "may") || key(at) == "sept";
    if (abbreviated && key(year_at) == ".") ++year_at;
    if (key(year_at) == ",") ++year_at;
    auto year = year_number(key(year_at));
    if (!year) return std::nullopt;
    return MonthYear{*month, *year, year_at};
}

void Reader::refuse(std::size_t first, std::size_t last, std::string_view problem) {
    std::string message = "\"";
    message.append(words(first, last)).append("\" in the timescale ").append(problem);
    errors.push_back({"timescale", std::move(message)});
}

void Reader::add_day(chrono::year_month_day day, bool from_only, std::string wording) {
    TimescaleEntry entry;
    entry.kind = TimescaleKind::date;
    entry.starts_on = entry.ends_on = iso(day);
    entry.from_only = from_only;
    entry.wording = std::move(wording);
    add(std::move(entry));
}

void Reader::add_span(TimescaleKind kind, chrono::year_month first, chrono::year_month last, bool from_only,
                      std::string wording) {
    TimescaleEntry entry;
    entry.kind = kind;
    entry.starts_on = iso(first_day(first));
    entry.ends_on = iso(last_day(last));
    entry.from_only = from_only;
    entry.wording = std::move(wording);
    add(std::move(entry));
}

// The same entry twice ("Ongoing ... ongoing") says nothing new.
void Reader::add(TimescaleEntry entry) {
    auto same = [&](const TimescaleEntry& other) {
        return other.kind == entry.kind && other.starts_on == entry.starts_on && other.ends_on == entry.ends_on &&
               other.from_only == entry.from_only && other.recurrence == entry.recurrence;
    };
    if (std::none_of(entries.begin(), entries.end(), same)) entries.push_back(std::move(entry));
}

// "October to December 2011", "November 2011 to January 2012".
std::string quarter_months(const Ymd& first, const Ymd& last) {
    std::string months(calendar::month_name(first.month));
    if (first.year != last.year) months.append(" ").append(std::to_string(first.year));
    return months.append(" to ").append(month_words(last.month, last.year));
}

std::string describe_dated(const TimescaleEntry& entry) {
    auto first = split_iso(entry.starts_on);
    auto last = split_iso(entry.ends_on);
    bool months_ok = first && last && first->month >= 1 && first->month <= 12 && last->month >= 1 && last->month <= 12;
    if (!months_ok) return entry.wording;
    switch (entry.kind) {
    case TimescaleKind::date:
        return std::to_string(first->day).append(" ").append(month_words(first->month, first->year));
    case TimescaleKind::month: return month_words(first->month, first->year);
    case TimescaleKind::quarter:
        if (entry.wording.empty()) return quarter_months(*first, *last);
        return std::string(entry.wording).append(" (").append(quarter_months(*first, *last)).append(")");
    default: return entry.wording;
    }
}

}  // namespace

std::optional<std::string> TimescaleEntry::due_on() const {
    bool dated = kind == TimescaleKind::date || kind == TimescaleKind::month || kind == TimescaleKind::quarter;
    if (!dated || from_only || ends_on.empty()) return std::nullopt;
    return ends_on;
}

Result<Timescale> parse_timescale(std::string_view text, int year_starts_month) {
    Timescale timescale;
    timescale.wording = trim(text);
    if (timescale.wording.empty()) return timescale;
    Reader reader(timescale.wording, year_starts_month);
    reader.read();
    if (!reader.errors.empty()) return invalid(std::move(reader.errors));
    if (reader.entries.empty()) return invalid({{"timescale", std::string(no_entry_message)}});
    timescale.entries = std::move(reader.entries);
    return timescale;
}

std::string describe(const TimescaleEntry& entry) {
    switch (entry.kind) {
    case TimescaleKind::ongoing: return "Ongoing";
    case TimescaleKind::recurrence:
        return entry.recurrence ? std::string(label_of(*entry.recurrence)) : std::string("Recurring");
    default: break;
    }
    auto words = describe_dated(entry);
    return entry.from_only ? std::string("From ").append(words) : words;
}

std::span<const Term<TimescaleKind>> timescale_kinds() { return kind_terms; }
std::span<const Term<Recurrence>> recurrences() { return recurrence_terms; }

}  // namespace safeboard::plans

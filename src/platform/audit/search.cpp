#include "platform/audit/search.hpp"

#include <stdexcept>

#include "platform/audit/dates.hpp"
#include "platform/audit/stored.hpp"
#include "platform/audit/text.hpp"
#include "platform/core/text.hpp"

namespace safeboard::audit {
namespace {

using Errors = std::vector<FieldError>;

void check_text(Errors& errors, const char* field, const std::optional<std::string>& value, std::size_t limit) {
    if (!value) return;
    if (value->empty()) {
        errors.push_back({field, "Enter a value, or leave the field out"});
    } else if (!is_utf8(*value) || value->find('\0') != std::string::npos) {
        errors.push_back({field, "Enter valid text"});
    } else if (utf8_length(*value).value_or(0) > limit) {
        errors.push_back({field, "Enter at most " + std::to_string(limit) + " characters"});
    }
}

void check_id(Errors& errors, const char* field, const std::optional<std::int64_t>& value) {
    if (value && *value < 1) errors.push_back({field, "Enter a number of 1 or more"});
}

void check_dates(Errors& errors, const Search& search) {
    bool from_ok = !search.from || dates::is_date(*search.from);
    bool to_ok = !search.to || dates::is_date(*search.to);
    if (!from_ok) errors.push_back({"from", "Enter a real date in the form YYYY-MM-DD"});
    if (!to_ok) errors.push_back({"to", "Enter a real date in the form YYYY-MM-DD"});
    if (from_ok && to_ok && search.from && search.to && *search.from > *search.to) {
        errors.push_back({"to", "Enter a date the same as or after the from date"});
    }
}

// '%', '_' and the escape character itself match literally.
std::string like_pattern(std::string_view substring) {
    std::string pattern = "%";
    for (char c : substring) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    pattern += '%';
    return pattern;
}

// Builds the WHERE clause with one numbered parameter per filter given, so
// each query uses the index for the filters it has.
class Query {
public:
    void where(std::string_view condition_before_parameter, db::Value value, std::string_view after = "") {
        params_.push_back(std::move(value));
        sql_ += " AND " + std::string(condition_before_parameter) + "$" + std::to_string(params_.size()) +
                std::string(after);
    }
    std::string sql(int limit) {
        params_.push_back(std::int64_t{limit});
        return "SELECT " + std::string(stored::kColumns) + " FROM audit_log WHERE 1 = 1" + sql_ +
               " ORDER BY seq DESC LIMIT $" + std::to_string(params_.size());
    }
    const std::vector<db::Value>& params() const { return params_; }

private:
    std::string sql_;
    std::vector<db::Value> params_;
};

}  // namespace

Status validate(const Search& search) {
    Errors errors;
    check_id(errors, "user_id", search.user_id);
    check_text(errors, "actor", search.actor, limits::label);
    check_text(errors, "entity_type", search.entity_type, limits::entity_type);
    check_text(errors, "action", search.action, limits::action);
    if (search.entity_id && !is_utf8(*search.entity_id)) {
        errors.push_back({"entity_id", "Enter valid text"});
    } else if (search.entity_id && utf8_length(*search.entity_id).value_or(0) > limits::entity_id) {
        errors.push_back({"entity_id", "Enter at most " + std::to_string(limits::entity_id) + " characters"});
    } else if (search.entity_id && !search.entity_type) {
        errors.push_back({"entity_id", "Choose the type of record as well as its id"});
    }
    check_dates(errors, search);
    check_id(errors, "before_seq", search.before_seq);
    if (search.limit < 1 || search.limit > kMaxSearchLimit) {
        errors.push_back({"limit", "Enter a limit from 1 to " + std::to_string(kMaxSearchLimit)});
    }
    if (errors.empty()) return {};
    return invalid(std::move(errors));
}

std::vector<StoredEntry> search(db::Connection& db, const Search& search) {
    if (auto valid = validate(search); !valid) {
        throw std::invalid_argument("audit search is not valid; call audit::validate first");
    }
    Query query;
    if (search.user_id) query.where("user_id = ", *search.user_id);
    if (search.actor) query.where("lower(actor) LIKE ", like_pattern(*search.actor), " ESCAPE '\\'");
    if (search.entity_type) query.where("entity_type = ", *search.entity_type);
    if (search.entity_id) query.where("entity_id = ", *search.entity_id);
    if (search.action) query.where("action = ", *search.action);
    if (search.from) query.where("at >= ", *search.from);
    if (search.to) query.where("at < ", dates::end_of_day(*search.to));
    if (search.before_seq) query.where("seq < ", *search.before_seq);
    std::string sql = query.sql(search.limit);
    auto result = db.query(sql, query.params());
    std::vector<StoredEntry> entries;
    entries.reserve(result.rows.size());
    for (const auto& row : result.rows) entries.push_back(stored::stored_entry(row));
    return entries;
}

}  // namespace safeboard::audit

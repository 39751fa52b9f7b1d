#include "modules/plans/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace safeboard::plans {

namespace {

constexpr std::array<Term<Status>, 6> status_terms{{
    {Status::not_started, "not_started", "Not started"},
    {Status::on_track, "on_track", "On track"},
    {Status::at_risk, "at_risk", "At risk"},
    {Status::off_track, "off_track", "Off track"},
    {Status::complete, "complete", "Complete"},
    {Status::superseded, "superseded", "Superseded"},
}};

constexpr std::array<Term<Rag>, 3> rag_terms{{
    {Rag::red, "red", "Red"},
    {Rag::amber, "amber", "Amber"},
    {Rag::green, "green", "Green"},
}};

constexpr std::array<Term<Source>, 7> source_terms{{
    {Source::case_review, "case_review", "Case review"},
    {Source::audit, "audit", "Audit"},
    {Source::scrutiny_committee, "scrutiny_committee", "Scrutiny committee"},
    {Source::inspection, "inspection", "Inspection"},
    {Source::peer_review, "peer_review", "Peer review"},
    {Source::external_review, "external_review", "External review"},
    {Source::other, "other", "Other"},
}};

constexpr std::array<Term<Acceptance>, 4> acceptance_terms{{
    {Acceptance::accepted, "accepted", "Accepted"},
    {Acceptance::accepted_in_part, "accepted_in_part", "Accepted in part"},
    {Acceptance::not_accepted, "not_accepted", "Not accepted"},
    {Acceptance::not_for_this_partnership, "not_for_this_partnership", "Not for this partnership"},
}};

constexpr std::array<Term<PartyKind>, 3> party_kind_terms{{
    {PartyKind::body, "body", "Body"},
    {PartyKind::person, "person", "Person"},
    {PartyKind::organisation, "organisation", "Organisation"},
}};

bool separates_codes(char c) {
    return c == ',' || c == ';' || c == '&' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char upper_ascii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::span<const Term<Status>> statuses() { return status_terms; }
std::span<const Term<Rag>> rags() { return rag_terms; }
std::span<const Term<Source>> sources() { return source_terms; }
std::span<const Term<Acceptance>> acceptances() { return acceptance_terms; }
std::span<const Term<PartyKind>> party_kinds() { return party_kind_terms; }

std::vector<std::string> parse_priority_codes(std::string_view text) {
    std::vector<std::string> codes;
    std::size_t at = 0;
    while (at < text.size()) {
        if (separates_codes(text[at])) {
            ++at;
            continue;
        }
        std::string code;
        for (; at < text.size() && !separates_codes(text[at]); ++at) code += upper_ascii(text[at]);
        // "A and B": the joining word is not a code.
        if (code == "AND") continue;
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
    }
    return codes;
}

}  // namespace safeboard::plans

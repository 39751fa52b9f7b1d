// The indicator suite every partnership asks for, modelled on the data a
// partnership's agencies return in practice: workforce safeguarding
// (checks, training, supervision) and referrals from every partner agency,
// a few figures from one sector or from the local authority, the business
// unit's own figures, a twice-yearly audit count and the annual section 11
// self-assessment. Targets rise over the years, as plans raise them.
#include <cctype>

#include "national/shape.hpp"

namespace safeboard::national {

namespace {

std::string capitalised(const std::string& text) {
    std::string out = text;
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

IndicatorSpec ratio(std::string code, std::string title, std::string numerator, std::string denominator) {
    IndicatorSpec i;
    i.code = std::move(code);
    i.title = std::move(title);
    i.definition = capitalised(numerator) + ", as a percentage of " + denominator + ".";
    i.unit = "percentage";
    i.numerator = capitalised(numerator);
    i.denominator = capitalised(denominator);
    i.polarity = "higher_is_better";
    i.frequency = "quarterly";
    i.returned_by = "partner_agencies";
    i.denominator_per_staff = 1;
    return i;
}

IndicatorSpec count(std::string code, std::string title, std::string definition, double per_100_staff) {
    IndicatorSpec i;
    i.code = std::move(code);
    i.title = std::move(title);
    i.definition = std::move(definition);
    i.unit = "count";
    i.polarity = "neither";
    i.frequency = "quarterly";
    i.returned_by = "partner_agencies";
    i.per_100_staff = per_100_staff;
    return i;
}

}  // namespace

std::vector<IndicatorSpec> make_suite() {
    std::vector<IndicatorSpec> suite;
    suite.push_back(count("ALG01", "Allegations against staff",
                          "The number of allegations of harm to a child made against a member of staff or a "
                          "volunteer, received in the quarter.",
                          0.4));

    auto audits = count("AUD01", "Multi-agency case audits completed",
                        "The number of multi-agency case file audits the partnership completed in the half year.", 0);
    audits.polarity = "higher_is_better";
    audits.frequency = "biannual";
    audits.returned_by = "partnership";
    audits.targets = {{"", 6, 2}};
    suite.push_back(audits);

    auto rereferrals = ratio("CSC01", "Re-referrals to children's social care within 12 months",
                             "referrals in the quarter within 12 months of an earlier referral",
                             "referrals to children's social care in the quarter");
    rereferrals.polarity = "lower_is_better";
    rereferrals.returned_by = "organisation";
    rereferrals.denominator_per_staff = 1.5;
    rereferrals.targets = {{"", 25, 3}, {"2018-04-01", 22, 3}};
    suite.push_back(rereferrals);

    auto checks = ratio("DBS01", "Relevant staff with a current DBS check",
                        "staff and volunteers in roles that need a check who hold a current DBS check",
                        "staff and volunteers in roles that need a DBS check");
    checks.denominator_per_staff = 0.9;
    checks.targets = {{"", 100, 5}};
    suite.push_back(checks);

    auto missing = count("EDU01", "Children missing education",
                         "The number of children on the school's roll missing education at the end of the quarter.", 0);
    missing.polarity = "lower_is_better";
    missing.returned_by = "sector";
    missing.sector = "education";
    missing.targets = {{"", 2, 1}};
    suite.push_back(missing);

    suite.push_back(count("EHA01", "Early help assessments started",
                          "The number of early help assessments the agency started in the quarter.", 2));

    auto health = ratio("HLT01", "Initial health assessments within 20 working days",
                        "initial health assessments of children coming into care done within 20 working days",
                        "initial health assessments of children coming into care");
    health.returned_by = "sector";
    health.sector = "nhs_trust";
    health.denominator_per_staff = 0;
    health.denominator_low = 10;
    health.denominator_high = 80;
    health.targets = {{"", 90, 10}};
    suite.push_back(health);

    auto fostering = count("PF01", "Private fostering arrangements known to the local authority",
                           "The number of private fostering arrangements known to the local authority at the end "
                           "of the quarter.",
                           0);
    fostering.polarity = "higher_is_better";
    fostering.returned_by = "partnership";
    fostering.targets = {{"", 9, 1}};
    suite.push_back(fostering);

    suite.push_back(count("REF01", "Child protection referrals",
                          "The number of child protection referrals the agency made to children's social care in "
                          "the quarter.",
                          4));

    auto section11 = ratio("S11", "Section 11 standards met", "the section 11 self-assessment's standards met",
                           "the section 11 self-assessment's standards");
    section11.frequency = "annual";
    section11.denominator_per_staff = 0;
    section11.denominator_low = 12;
    section11.denominator_high = 12;
    section11.targets = {{"", 100, 10}};
    suite.push_back(section11);

    auto supervision = ratio("SUP01", "Staff receiving safeguarding supervision",
                             "staff in child-facing roles who had safeguarding supervision in the quarter",
                             "staff in child-facing roles");
    supervision.denominator_per_staff = 0.3;
    supervision.targets = {{"", 80, 10}, {"2019-04-01", 90, 5}};
    suite.push_back(supervision);

    auto training = ratio("TRN01", "Staff trained in safeguarding to the appropriate level",
                          "staff and volunteers trained to the level appropriate to their role",
                          "staff and volunteers working with children and families");
    training.targets = {{"", 70, 5}, {"2016-04-01", 85, 5}};
    suite.push_back(training);
    return suite;
}

}  // namespace safeboard::national

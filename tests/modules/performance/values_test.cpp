// A return's values: type, range, ratios and their counts, every error at
// once and named by its field.
#include <gtest/gtest.h>

#include "field_errors.hpp"
#include "modules/performance/rules.hpp"

namespace safeboard::performance {
namespace {

using test_support::fields_of;
using test_support::indicator;
using test_support::message_of;

TEST(PerformanceValues, APercentageMayBeWrittenWithItsSign) {
    auto v = value_from({{"value", "96.2%"}, {"note", "Lead GPs"}}, indicator(Unit::percentage));
    ASSERT_TRUE(v);
    EXPECT_DOUBLE_EQ(v->value, 96.2);
    EXPECT_EQ(v->note, "Lead GPs");
    EXPECT_EQ(v->indicator_id, 7);
    EXPECT_FALSE(v->numerator);
}

TEST(PerformanceValues, EachUnitHasItsRange) {
    EXPECT_TRUE(value_from({{"value", "100"}}, indicator(Unit::percentage)));
    EXPECT_TRUE(value_from({{"value", "0"}}, indicator(Unit::percentage)));
    EXPECT_EQ(message_of(value_from({{"value", "100.1"}}, indicator(Unit::percentage)).error(), "value"),
              "A percentage must be 100 or less");
    EXPECT_EQ(message_of(value_from({{"value", "2.5"}}, indicator(Unit::count)).error(), "value"),
              "A count must be a whole number");
    EXPECT_TRUE(value_from({{"value", "12"}}, indicator(Unit::count)));
    EXPECT_TRUE(value_from({{"value", "312.5"}}, indicator(Unit::days)));
    EXPECT_TRUE(value_from({{"value", "250"}}, indicator(Unit::rate_per_10000)));
    for (auto unit : {Unit::count, Unit::percentage, Unit::rate_per_10000, Unit::days}) {
        EXPECT_EQ(message_of(value_from({{"value", "-1"}}, indicator(unit)).error(), "value"),
                  "Value must be 0 or more");
        EXPECT_EQ(message_of(value_from({{"value", "twelve"}}, indicator(unit)).error(), "value"),
                  "Value must be a number like 12 or 98.5");
        EXPECT_EQ(message_of(value_from({}, indicator(unit)).error(), "value"), "Enter the value");
    }
    EXPECT_FALSE(value_from({{"value", "1,200"}}, indicator(Unit::count)));
    EXPECT_FALSE(value_from({{"value", "1e3"}}, indicator(Unit::count)));
    EXPECT_FALSE(value_from({{"value", ".5"}}, indicator(Unit::days)));
    EXPECT_FALSE(value_from({{"value", "12%"}}, indicator(Unit::count)));
}

TEST(PerformanceValues, ARatioIsWorkedOutFromItsCounts) {
    auto v = value_from({{"numerator", "7"}, {"denominator", "9"}}, indicator(Unit::percentage));
    ASSERT_TRUE(v);
    EXPECT_NEAR(v->value, 77.777777, 1e-5);
    EXPECT_EQ(v->numerator, 7);
    EXPECT_EQ(v->denominator, 9);
    auto rate = value_from({{"numerator", "41"}, {"denominator", "36500"}}, indicator(Unit::rate_per_10000));
    ASSERT_TRUE(rate);
    EXPECT_NEAR(rate->value, 11.2328767, 1e-6);
}

TEST(PerformanceValues, AValueWithCountsMustBeTheirsRoundedAsWritten) {
    auto pct = indicator(Unit::percentage);
    EXPECT_DOUBLE_EQ(value_from({{"value", "77.8"}, {"numerator", "7"}, {"denominator", "9"}}, pct)->value, 77.8);
    EXPECT_DOUBLE_EQ(value_from({{"value", "78"}, {"numerator", "7"}, {"denominator", "9"}}, pct)->value, 78);
    EXPECT_DOUBLE_EQ(value_from({{"value", "77.78"}, {"numerator", "7"}, {"denominator", "9"}}, pct)->value, 77.78);
    auto wrong = value_from({{"value", "77"}, {"numerator", "7"}, {"denominator", "9"}}, pct);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(fields_of(wrong.error()), std::vector<std::string>{"value"});
    EXPECT_EQ(wrong.error().fields.front().message,
              "The value should be 77.8 (7 of 9), or leave it empty to work it out");
    EXPECT_FALSE(value_from({{"value", "77.7"}, {"numerator", "7"}, {"denominator", "9"}}, pct));
    // A half rounds either way: 1 of 8 is 12.5, written 12 or 13.
    EXPECT_TRUE(value_from({{"value", "12"}, {"numerator", "1"}, {"denominator", "8"}}, pct));
    EXPECT_TRUE(value_from({{"value", "13"}, {"numerator", "1"}, {"denominator", "8"}}, pct));
    EXPECT_FALSE(value_from({{"value", "14"}, {"numerator", "1"}, {"denominator", "8"}}, pct));
    auto rate = indicator(Unit::rate_per_10000);
    EXPECT_TRUE(value_from({{"value", "11.2"}, {"numerator", "41"}, {"denominator", "36500"}}, rate));
    EXPECT_FALSE(value_from({{"value", "1.1"}, {"numerator", "41"}, {"denominator", "36500"}}, rate));
}

TEST(PerformanceValues, ANumeratorCannotExceedItsDenominatorInAPercentage) {
    auto over = value_from({{"numerator", "10"}, {"denominator", "9"}}, indicator(Unit::percentage));
    ASSERT_FALSE(over);
    EXPECT_EQ(fields_of(over.error()), std::vector<std::string>{"numerator"});
    // A rate's numerator is not part of its denominator.
    EXPECT_TRUE(value_from({{"numerator", "10"}, {"denominator", "9"}}, indicator(Unit::rate_per_10000)));
    EXPECT_TRUE(value_from({{"numerator", "9"}, {"denominator", "9"}}, indicator(Unit::percentage)));
    // Beside a bad value the counts are still checked: both problems at once.
    auto both = value_from({{"value", "120"}, {"numerator", "130"}, {"denominator", "100"}},
                           indicator(Unit::percentage));
    ASSERT_FALSE(both);
    EXPECT_EQ(fields_of(both.error()), (std::vector<std::string>{"value", "numerator"}));
}

TEST(PerformanceValues, CountsComeInPairsAsWholeNumbersAboveZero) {
    auto pct = indicator(Unit::percentage);
    EXPECT_EQ(fields_of(value_from({{"value", "50"}, {"numerator", "5"}}, pct).error()),
              std::vector<std::string>{"denominator"});
    EXPECT_EQ(fields_of(value_from({{"value", "50"}, {"denominator", "5"}}, pct).error()),
              std::vector<std::string>{"numerator"});
    EXPECT_EQ(fields_of(value_from({{"numerator", "0"}, {"denominator", "0"}}, pct).error()),
              std::vector<std::string>{"denominator"});
    EXPECT_EQ(fields_of(value_from({{"numerator", "2.5"}, {"denominator", "-4"}}, pct).error()),
              (std::vector<std::string>{"numerator", "denominator"}));
    EXPECT_TRUE(value_from({{"numerator", "0"}, {"denominator", "4"}}, pct));
}

TEST(PerformanceValues, OnlyARatioHasCounts) {
    for (auto unit : {Unit::count, Unit::days}) {
        auto v = value_from({{"value", "3"}, {"numerator", "3"}, {"denominator", "4"}}, indicator(unit));
        ASSERT_FALSE(v);
        EXPECT_EQ(fields_of(v.error()), (std::vector<std::string>{"numerator", "denominator"}));
    }
}

TEST(PerformanceValues, AFormsValuesAreNamedByIndicatorAndAllWrongOnesAreReported) {
    std::vector<Indicator> owed{indicator(Unit::percentage, "DBS01", 1), indicator(Unit::count, "ALG01", 2),
                                indicator(Unit::count, "REF01", 3), indicator(Unit::percentage, "TRN01", 4)};
    Fields f{{"values[DBS01].value", "101"},
             {"values[DBS01].numerator", "12"},
             {"values[ALG01].value", "1.5"},
             {"values[TRN01].value", "88"},
             {"values[TRN01].note", "Reported as Southend Hospital"}};
    auto values = values_from(f, owed);
    ASSERT_FALSE(values);
    EXPECT_EQ(fields_of(values.error()),
              (std::vector<std::string>{"values[DBS01].value", "values[DBS01].denominator", "values[ALG01].value"}));
    f["values[DBS01].value"] = "";
    f["values[DBS01].denominator"] = "16";
    f["values[ALG01].value"] = "2";
    auto good = values_from(f, owed);
    ASSERT_TRUE(good);
    ASSERT_EQ(good->size(), 3u);  // REF01 left blank
    EXPECT_DOUBLE_EQ((*good)[0].value, 75);
    EXPECT_EQ((*good)[2].indicator_code, "TRN01");
    auto missing = missing_values(owed, *good);
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing.front().field, "values[REF01].value");
}

TEST(PerformanceValues, ANoteHasALimit) {
    auto v = value_from({{"value", "3"}, {"note", std::string(1001, 'x')}}, indicator(Unit::count));
    ASSERT_FALSE(v);
    EXPECT_EQ(fields_of(v.error()), std::vector<std::string>{"note"});
}

TEST(PerformanceValues, RatiosScaleByTheirUnit) {
    EXPECT_DOUBLE_EQ(ratio_value(Unit::percentage, 1, 4), 25);
    EXPECT_DOUBLE_EQ(ratio_value(Unit::rate_per_10000, 1, 4), 2500);
    EXPECT_DOUBLE_EQ(ratio_value(Unit::percentage, 1, 0), 0);
}

}  // namespace
}  // namespace safeboard::performance

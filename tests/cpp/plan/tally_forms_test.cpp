// Every tally phrase of a plan's text ("hoàn thành: 10/16", "đạt và vượt 13/15", "trên 50%:
// 04/16", "dưới 50%: 02/16", "06 chỉ tiêu vượt", "07 chỉ tiêu đạt") at the start, in the middle
// and at the end of a line, with one- and two-digit counts, the spaces and colon each allows,
// decimal percentages, and each one counted against a small appendix whose numbers are known:
// a percentage exactly at a row's ratio, a row without data, the count's own bound.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/plan/tally.hpp"
#include "dxkit/targets/evaluate.hpp"

using namespace dxkit;

namespace {

// Ten rows: four met (two of them exceeded), five not met at 50, 60, 30, 0 and 50,5 % of
// their targets, and one without data. So: met 4, exceeded 2, met and not exceeded 2; above
// 50 %: 60 and 50,5 (2), exactly 50: 1, below 50: 30 and 0 (2); above 0: 4, exactly 0: 1.
EvaluationTable appendix() {
  EvaluationTable e;
  e.ratio = {1.0, 1.2, 1.0, 1.5, 0.5, 0.6, 0.3, 0.0, 0.0, 0.505};
  e.has_data = {1, 1, 1, 1, 1, 1, 1, 1, 0, 1};
  e.met = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
  e.exceeded = {0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  return e;
}

std::vector<Tally> tallies(const std::string& text) { return check_tallies(text, appendix()); }

}  // namespace

TEST(TallyForms, MetAtEveryPlaceOfALineWithItsColonAndSpaces) {
  for (const std::string& line :
       {"hoàn thành: 4/10", "Có 4 chỉ tiêu hoàn thành: 4/10, còn lại chưa đạt",
        "Số mục tiêu đã hoàn thành: 4/10", "hoàn thành 4/10", "hoàn thành:4/10",
        "hoàn thành: 4 / 10", "hoàn thành: 04/10", "Đã HOÀN THÀNH: 4/10 chỉ tiêu"}) {
    const auto t = tallies(line);
    ASSERT_EQ(t.size(), 1u) << line;
    EXPECT_EQ(t[0].category, "met") << line;
    EXPECT_EQ(t[0].stated, 4u) << line;
    EXPECT_EQ(t[0].stated_total, 10u) << line;
    EXPECT_EQ(t[0].counted, 4u) << line;
    EXPECT_EQ(t[0].total, 10u) << line;
    EXPECT_TRUE(t[0].supported) << line;
  }
  // The quote is the phrase and its fraction, wherever it stands.
  EXPECT_EQ(tallies("Số mục tiêu đã hoàn thành: 4/10").at(0).quote, "hoàn thành: 4/10");
  EXPECT_EQ(tallies("hoàn thành: 4 / 10 chỉ tiêu").at(0).quote, "hoàn thành: 4 / 10");
  // Supported needs both numbers: the count and the total.
  const auto two_digits = tallies("hoàn thành: 10/10");
  ASSERT_EQ(two_digits.size(), 1u);
  EXPECT_EQ(two_digits[0].stated, 10u);
  EXPECT_FALSE(two_digits[0].supported);
  const auto other_total = tallies("hoàn thành: 4/11");
  ASSERT_EQ(other_total.size(), 1u);
  EXPECT_EQ(other_total[0].stated_total, 11u);
  EXPECT_FALSE(other_total[0].supported);  // 4 met, but of 10 rows, not 11
  EXPECT_FALSE(tallies("hoàn thành: 5/10").at(0).supported);
}

TEST(TallyForms, WhatIsNotAMetTally) {
  // A date after the phrase, numbers without a slash, a percentage, a slash without digits.
  for (const std::string& line :
       {"hoàn thành: 10/6/2023", "hoàn thành: 3 45 chỉ tiêu (xem 1/2)",
        "hoàn thành 50 chỉ tiêu/năm", "hoàn thành: 3/ x", "hoàn thành: /4", "đạt và vượt,4/10",
        "đạt và vượt kế hoạch 4/10"})
    EXPECT_TRUE(tallies(line).empty()) << line;
  // "hoàn thành 50%: 3/4" is no met tally, nor a share tally: "hoàn thành" is not "trên".
  EXPECT_TRUE(tallies("hoàn thành 50%: 3/4").empty());
}

TEST(TallyForms, MetOrExceededWithOneOrTwoSpaces) {
  for (const std::string& line : {"đạt và vượt 4/10", "Kết quả: đạt và vượt 4/10 chỉ tiêu",
                                  "Toàn tỉnh đạt và vượt  4/10", "đạt và vượt 4 / 10"}) {
    const auto t = tallies(line);
    ASSERT_EQ(t.size(), 1u) << line;
    EXPECT_EQ(t[0].category, "met") << line;
    EXPECT_EQ(t[0].stated, 4u) << line;
    EXPECT_TRUE(t[0].supported) << line;
  }
  EXPECT_EQ(tallies("Toàn tỉnh đạt và vượt  4/10").at(0).quote, "đạt và vượt  4/10");
  // The first "đạt và vượt" followed by its fraction counts; "hoàn thành" on that line does not.
  const auto both = tallies("đạt và vượt 4/10, hoàn thành: 3/10");
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].quote, "đạt và vượt 4/10");
}

TEST(TallyForms, AboveAndBelowAPercentage) {
  struct Case {
    std::string line, category, quote;
    std::size_t stated, counted, at;
  };
  const std::vector<Case> cases = {
      {"trên 50%: 02/10", "above 50%", "trên 50%: 02/10", 2, 2, 1},  // at the start of the line
      {"Số chỉ tiêu đạt trên 50%: 2/10", "above 50%", "trên 50%: 2/10", 2, 2, 1},
      {"trên 50 %: 2/10 chỉ tiêu", "above 50%", "trên 50 %: 2/10", 2, 2, 1},
      {"trên 50% 2/10", "above 50%", "trên 50% 2/10", 2, 2, 1},
      {"trên 50%:2/10", "above 50%", "trên 50%:2/10", 2, 2, 1},
      {"dưới 50%: 2/10", "below 50%", "dưới 50%: 2/10", 2, 2, 1},
      {"Có dưới 50%: 3/10 chỉ tiêu", "below 50%", "dưới 50%: 3/10", 3, 2, 1},
      {"trên 5%: 4/10", "above 5%", "trên 5%: 4/10", 4, 4, 0},
      {"dưới 60%: 4/10", "below 60%", "dưới 60%: 4/10", 4, 4, 1},
      // A decimal percentage: 50,5 % is one row's ratio exactly.
      {"trên 50,5%: 1/10", "above 50,5%", "trên 50,5%: 1/10", 1, 1, 1},
      {"dưới 50,5%: 3/10", "below 50,5%", "dưới 50,5%: 3/10", 3, 3, 1},
      // 0 %: the row at 0 is exactly there, not above; the row without data is nowhere.
      {"trên 0%: 4/10", "above 0%", "trên 0%: 4/10", 4, 4, 1},
      {"dưới 0%: 0/10", "below 0%", "dưới 0%: 0/10", 0, 0, 1},
  };
  for (const Case& c : cases) {
    const auto t = tallies(c.line);
    ASSERT_EQ(t.size(), 1u) << c.line;
    EXPECT_EQ(t[0].category, c.category) << c.line;
    EXPECT_EQ(t[0].quote, c.quote) << c.line;
    EXPECT_EQ(t[0].stated, c.stated) << c.line;
    EXPECT_EQ(t[0].stated_total, 10u) << c.line;
    EXPECT_EQ(t[0].counted, c.counted) << c.line;
    EXPECT_EQ(t[0].at_threshold, c.at) << c.line;
    EXPECT_EQ(t[0].supported, c.stated == c.counted) << c.line;
  }
  // Every one of a line, in order.
  const auto two = tallies("trên 50%: 2/10, dưới 50%: 2/10");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].category, "above 50%");
  EXPECT_EQ(two[1].category, "below 50%");
  EXPECT_EQ(two[1].quote, "dưới 50%: 2/10");
  // Not a share tally: no '%', a mark without decimals, no space after the word.
  for (const std::string& line :
       {"trên 50: 1/10", "trên 50,%: 1/10", "trên,50%: 1/10", "trên 50%/năm", "trên %: 1/10"})
    EXPECT_TRUE(tallies(line).empty()) << line;
}

TEST(TallyForms, CountsBeforeExceededAndMet) {
  struct Case {
    std::string line, category, quote;
    std::size_t stated, counted;
  };
  const std::vector<Case> cases = {
      {"2 chỉ tiêu vượt", "exceeded", "2 chỉ tiêu vượt", 2, 2},
      {"Có 02 chỉ tiêu vượt kế hoạch", "exceeded", "02 chỉ tiêu vượt", 2, 2},
      {"Trong đó 12 chỉ tiêu vượt", "exceeded", "12 chỉ tiêu vượt", 12, 2},
      {"12 chỉ tiêu vượt", "exceeded", "12 chỉ tiêu vượt", 12, 2},
      {"2 chỉ tiêu đạt", "met_not_exceeded", "2 chỉ tiêu đạt", 2, 2},
      {"và 02 chỉ tiêu đạt kế hoạch", "met_not_exceeded", "02 chỉ tiêu đạt", 2, 2},
      {"12 chỉ tiêu đạt", "met_not_exceeded", "12 chỉ tiêu đạt", 12, 2},
  };
  for (const Case& c : cases) {
    const auto t = tallies(c.line);
    ASSERT_EQ(t.size(), 1u) << c.line;
    EXPECT_EQ(t[0].category, c.category) << c.line;
    EXPECT_EQ(t[0].quote, c.quote) << c.line;
    EXPECT_EQ(t[0].stated, c.stated) << c.line;
    EXPECT_EQ(t[0].stated_total, 0u) << c.line;
    EXPECT_EQ(t[0].counted, c.counted) << c.line;
    EXPECT_EQ(t[0].supported, c.stated == c.counted) << c.line;
  }
  // Both on one line: exceeded first, then met.
  const auto both = tallies("02 chỉ tiêu vượt và 02 chỉ tiêu đạt");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].category, "exceeded");
  EXPECT_EQ(both[1].category, "met_not_exceeded");
  EXPECT_EQ(both[0].diagnostic.message, "the text says 2 exceeded; the appendix gives 2/10");
  // No count, a word before the phrase, or "chỉ tiêu đạt và ..." (met or exceeded, not met only).
  for (const std::string& line :
       {"chỉ tiêu vượt", "Các chỉ tiêu vượt", "Có 2 chỉ tiêu đạt và vượt", "a chỉ tiêu đạt"})
    EXPECT_TRUE(tallies(line).empty()) << line;
}

TEST(TallyForms, LinesColumnsAndTheCountsBound) {
  const auto t = check_tallies("Kết quả năm 2023\nhoàn thành: 4/10\n\n  Có trên 50%: 2/10",
                               appendix(), "plan.txt");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].line, 2u);
  EXPECT_EQ(t[0].diagnostic.where.column, 1u);
  EXPECT_EQ(t[0].diagnostic.to_string(),
            "plan.txt:2:1: note [tally]: the text says 4/10 met; the appendix gives 4/10");
  EXPECT_EQ(t[1].line, 4u);
  EXPECT_EQ(t[1].diagnostic.where.column, 6u);
  EXPECT_EQ(
      t[1].diagnostic.message,
      "the text says 2/10 above 50%; the appendix gives 2/10, and 1 exactly at the percentage");
  // A count is at most 10^9.
  EXPECT_EQ(tallies("1000000000 chỉ tiêu vượt").at(0).stated, 1000000000u);
  try {
    (void)check_tallies("Có 1000000001 chỉ tiêu vượt", appendix(), "plan.txt");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), "1000000001");
    EXPECT_EQ(e.where().column, 4u);
  }
  // The quote of a run too long is its first 40 digits.
  try {
    (void)check_tallies(std::string(400, '9') + " chỉ tiêu vượt", appendix());
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), std::string(40, '9'));
  }
}

TEST(TallyForms, ARunOfWhiteSpaceCountsAsOneSpace) {
  // Word text has double spaces, tabs and no-break spaces where one space was meant; in every
  // phrase of the vocabulary a run counts as one space (docs/vocabulary.md), in tallies too.
  struct Case {
    std::string line, category, quote;
  };
  const std::vector<Case> cases = {
      {"hoàn thành:  4/10", "met", "hoàn thành:  4/10"},
      {"hoàn thành:\t4/10", "met", "hoàn thành:\t4/10"},
      {"hoàn thành: \xC2\xA0"
       "4/10",
       "met",
       "hoàn thành: \xC2\xA0"
       "4/10"},
      {"hoàn thành: 4  /  10", "met", "hoàn thành: 4  /  10"},
      {"đạt và vượt   4/10", "met", "đạt và vượt   4/10"},
      {"đạt và vượt\xC2\xA0"
       "4/10",
       "met",
       "đạt và vượt\xC2\xA0"
       "4/10"},
      {"trên 50%:  2/10", "above 50%", "trên 50%:  2/10"},
      {"trên  50%: 2/10", "above 50%", "trên  50%: 2/10"},
      {"dưới 50\xC2\xA0%:\t2/10", "below 50%", "dưới 50\xC2\xA0%:\t2/10"},
  };
  for (const Case& c : cases) {
    const auto t = tallies(c.line);
    ASSERT_EQ(t.size(), 1u) << c.line;
    EXPECT_EQ(t[0].category, c.category) << c.line;
    EXPECT_EQ(t[0].quote, c.quote) << c.line;
    EXPECT_EQ(t[0].stated_total, 10u) << c.line;
    EXPECT_TRUE(t[0].supported) << c.line;
  }
  // White space is not any mark: a comma or a letter between still ends the phrase.
  for (const std::string& line : {"đạt và vượt,4/10", "đạt và vượt4/10", "trên50%: 2/10",
                                  "trên,50%: 2/10", "trên 50 x%: 2/10", "hoàn thành: 4 , /10"})
    EXPECT_TRUE(tallies(line).empty()) << line;
}

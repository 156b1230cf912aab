// Documents that disagree with themselves, on the seeds: the Thái Bình 2024 plan's fractions
// and shares, and the Đồng Tháp 2023 plan's health-record target stated twice.
#include "dxkit/plan/consistency.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dxkit/targets/evaluate.hpp"

using namespace dxkit;

namespace {
std::string seed(const std::string& name) {
  std::ifstream f(std::string(DXKIT_SEEDS_DIR) + "/" + name);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}
}  // namespace

TEST(CheckText, ThaiBinh2024FractionsAgainstShares) {
  const auto found = check_text(seed("thai_binh_2024_plan.txt"));
  ASSERT_EQ(found.size(), 3u);
  // "167.223/23.1038": a malformed number (a group of four digits), reported as such and not
  // read as 231.038 or 23,1038.
  EXPECT_EQ(found[0].kind(), "malformed_number");
  EXPECT_EQ(found[0].line(), 199u);
  EXPECT_EQ(found[0].quote, "167.223/23.1038 đạt 72,4%");
  // 1.095.000 / 1.645.260 is 66,55 %, printed 74,7 %.
  EXPECT_EQ(found[1].kind(), "ratio_mismatch");
  EXPECT_EQ(found[1].line(), 237u);
  EXPECT_NE(found[1].message().find("is 66,55%, not 74,7%"), std::string::npos);
  // 60 / 90 is 66,67 %, printed 60 %.
  EXPECT_EQ(found[2].line(), 585u);
  EXPECT_NE(found[2].message().find("60/90 is 66,67%, not 60%"), std::string::npos);
}

TEST(CheckText, DongThap2023HealthRecordsStatedTwice) {
  const auto found = check_text(seed("dong_thap_2023_plan.txt"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind(), "conflicting_target");
  EXPECT_EQ(found[0].line(), 742u);      // Phụ lục VII: 90%
  EXPECT_EQ(found[0].other_line, 316u);  // the plan's goals: 83%
  EXPECT_EQ(found[0].other_quote.rfind("83% dân số có hồ sơ sức khỏe điện tử", 0), 0u);
  EXPECT_EQ(found[0].quote.rfind("90% dân số có hồ sơ sức khỏe điện tử", 0), 0u);
}

TEST(CheckText, WhatIsNotAFindingAndTheRounding) {
  EXPECT_TRUE(check_text("218/280 đạt 78%.").empty());                    // 77,86 rounds to 78
  EXPECT_TRUE(check_text("1.030/1.685 đạt 61,1%.").empty());              // 61,13
  EXPECT_EQ(check_text("1.030/1.685 đạt 61,2%.").size(), 1u);             // off by more than 0,05
  EXPECT_TRUE(check_text("Quyết định ngày 6/2023) đạt 92,56%").empty());  // a date
  EXPECT_TRUE(
      check_text("xếp thứ 40/63 tỉnh; tỷ lệ hồ sơ chiếm 56,60%").empty());  // another clause
  EXPECT_TRUE(check_text("30% hộ gia đình có kết nối Internet\t70% hộ gia đình có kết nối Internet")
                  .empty());  // a target beside its result in one table row
  EXPECT_TRUE(check_text("").empty());
}

TEST(CheckText, ThaiBinhAndDongThapTalliesAgainstTheirAppendices) {
  const std::string examples = DXKIT_EXAMPLES_DIR;
  // Thái Bình 2024 plan on 2023: 10/16 hoàn thành, 04/16 trên 50 %, 02/16 dưới 50 %. The
  // appendix (Phụ lục 01) scored by the bands: 10 met; of the six not met, 3 are above 50 %,
  // one is at exactly 50 % ("Đạt 50% mục tiêu"), 2 below. "trên 50%" is strictly above, as
  // everywhere in dxkit, so 04/16 is not supported: the text counts the 50 % one as above.
  const auto tb = check_tallies(
      seed("thai_binh_2024_plan.txt"),
      evaluate(read_indicator_table(examples + "/thai_binh_2023_results.csv"), Scheme::bands()));
  ASSERT_EQ(tb.size(), 3u);
  EXPECT_EQ(tb[0].line, 16u);
  EXPECT_EQ(tb[0].category, "met");
  EXPECT_TRUE(tb[0].supported);  // 10/16
  EXPECT_EQ(tb[1].category, "above 50%");
  EXPECT_EQ(tb[1].stated, 4u);
  EXPECT_EQ(tb[1].counted, 3u);
  EXPECT_EQ(tb[1].at_threshold, 1u);
  EXPECT_FALSE(tb[1].supported);
  EXPECT_TRUE(tb[2].supported);  // 02/16 below 50 %
  // Đồng Tháp 2023 plan on 2022: "đạt và vượt 13/15 chỉ tiêu ... 06 chỉ tiêu vượt và 07 chỉ
  // tiêu đạt": all three supported by Phụ lục I.
  const auto dt = check_tallies(
      seed("dong_thap_2023_plan.txt"),
      evaluate(read_indicator_table(examples + "/dong_thap_2022_results.csv"), Scheme::exceed()));
  ASSERT_EQ(dt.size(), 3u);
  for (const Tally& t : dt) EXPECT_TRUE(t.supported) << t.quote;
  EXPECT_EQ(dt[1].category, "exceeded");
  EXPECT_EQ(dt[1].counted, 6u);
}

TEST(CheckText, FindingsAreDiagnosticsWithFileLineAndColumn) {
  const auto found = check_text("Kết quả:\n  Có 60/90 xã đạt 60%.", "plan.txt");
  ASSERT_EQ(found.size(), 1u);
  const Diagnostic& d = found[0].diagnostic;
  EXPECT_EQ(d.code, "ratio_mismatch");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.where.file, "plan.txt");
  EXPECT_EQ(d.where.line, 2u);
  EXPECT_EQ(d.where.column, 6u);  // characters, not bytes: "  Có " is five
  EXPECT_EQ(d.to_string(), "plan.txt:2:6: error [ratio_mismatch]: 60/90 is 66,67%, not 60%");
  EXPECT_EQ(found[0].quote, "60/90 xã đạt 60%");
  const auto twice =
      check_text("60% cán bộ được bồi dưỡng kỹ năng số\n70% cán bộ được bồi dưỡng kỹ năng số");
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_EQ(twice[0].diagnostic.severity, Severity::warning);
  EXPECT_EQ(twice[0].kind(), "conflicting_target");
}

TEST(CheckText, ResultWordsBeforeAShareOnWordBoundaries) {
  const std::string first = "60% cán bộ được bồi dưỡng kỹ năng số\n";
  // "dự kiến" and "ước đạt" (text::result_words) mark a result, not a second target...
  EXPECT_TRUE(check_text(first + "dự kiến 70% cán bộ được bồi dưỡng kỹ năng số").empty());
  EXPECT_TRUE(check_text(first + "ước đạt 70% cán bộ được bồi dưỡng kỹ năng số").empty());
  // ... but "ước" inside "nước" is not the word "ước".
  EXPECT_EQ(check_text(first + "cả nước 70% cán bộ được bồi dưỡng kỹ năng số").size(), 1u);
  // The verbs between a fraction and its share are whole words of text::consistency_words.
  EXPECT_EQ(check_text("3/4 xã tương đương tỷ lệ 70%").size(), 1u);
  EXPECT_TRUE(check_text("3/4 xã đạtx 70%").empty());
}

TEST(CheckText, ALineOf100KilobytesIsScannedNotACrash) {
  // libstdc++'s std::regex recursed once per character here and overflowed the stack.
  std::string line;
  while (line.size() < 100000) line += "1.030/1.685 hồ sơ ";
  line += "đạt 61,2%";
  const auto found = check_text(line, "long.txt");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].quote, "1.030/1.685 hồ sơ đạt 61,2%");  // the fraction of its clause
  EXPECT_TRUE(check_text(std::string(100000, '7') + "% " + std::string(100000, 'a')).empty());
  EXPECT_TRUE(check_text("1/2 đạt " + std::string(100000, '1') + "%").empty());
  // An unbounded digit run in a fraction: a finding, not std::out_of_range.
  const auto big = check_text(std::string(400, '9') + "/3 đạt 4%");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].kind(), "malformed_number");
}

TEST(CheckTallies, AnUnboundedCountIsALocatedParseError) {
  EvaluationTable none;
  try {
    (void)check_tallies("Có " + std::string(400, '9') + " chỉ tiêu vượt", none, "plan.txt");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.where().file, "plan.txt");
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.where().column, 4u);
    EXPECT_EQ(e.message(), "a tally's count is a whole number of at most 10 digits");
  }
  std::string line(100000, 'x');
  line += " hoàn thành: 3/4";
  const auto t = check_tallies(line, none);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].quote, "hoàn thành: 3/4");
  EXPECT_EQ(t[0].stated, 3u);
  // The quote is the tally's own words, not the rest of its line.
  const auto mid =
      check_tallies("Trong năm hoàn thành: 3/4 chỉ tiêu, còn lại đang triển khai.", none);
  ASSERT_EQ(mid.size(), 1u);
  EXPECT_EQ(mid[0].quote, "hoàn thành: 3/4");
  EXPECT_EQ(mid[0].stated, 3u);
  EXPECT_EQ(mid[0].stated_total, 4u);
}

// "đạt và vượt" counts only with its fraction right after it (one or two spaces); followed by
// other words it is no tally, and the line's "hoàn thành: 10/16" is. A tally's percentage may have
// decimals.
TEST(CheckTallies, EachTallyPhraseTakesOnlyItsOwnFraction) {
  EvaluationTable none;
  const auto both = check_tallies("Có 12 chỉ tiêu đạt và vượt kế hoạch, hoàn thành: 10/16", none);
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].quote, "hoàn thành: 10/16");
  EXPECT_EQ(both[0].category, "met");
  EXPECT_EQ(both[0].stated, 10u);
  EXPECT_EQ(both[0].stated_total, 16u);
  const auto own = check_tallies("Kết quả: đạt và vượt 13/15 chỉ tiêu", none);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].quote, "đạt và vượt 13/15");
  EXPECT_EQ(own[0].stated, 13u);
  EXPECT_EQ(own[0].stated_total, 15u);
  const auto spaced = check_tallies("Kết quả: đạt và vượt  13/15 chỉ tiêu", none);  // two spaces
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].quote, "đạt và vượt  13/15");
  EXPECT_EQ(spaced[0].stated, 13u);
  const auto decimal = check_tallies("Số chỉ tiêu đạt trên 50,5%: 04/16", none);
  ASSERT_EQ(decimal.size(), 1u);
  EXPECT_EQ(decimal[0].quote, "trên 50,5%: 04/16");
  EXPECT_EQ(decimal[0].category, "above 50,5%");
  EXPECT_EQ(decimal[0].stated, 4u);
  // A count at the very start of a line ("6 chỉ tiêu vượt"), one digit.
  const auto first = check_tallies("6 chỉ tiêu vượt kế hoạch", none);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].category, "exceeded");
  EXPECT_EQ(first[0].stated, 6u);
  EXPECT_EQ(first[0].quote, "6 chỉ tiêu vượt");
}

TEST(CheckTallies, TalliesAreDiagnosticsWithFileLineAndColumn) {
  // Thái Bình 2024 plan line 16 against Phụ lục 01 scored by the bands: "trên 50%: 04/16" is
  // not supported (3 above, 1 at exactly 50 %); the other two are notes.
  const std::string examples = DXKIT_EXAMPLES_DIR;
  const auto tb = check_tallies(
      seed("thai_binh_2024_plan.txt"),
      evaluate(read_indicator_table(examples + "/thai_binh_2023_results.csv"), Scheme::bands()),
      "thai_binh_2024_plan.txt", "thai_binh_2023_results.csv");
  ASSERT_EQ(tb.size(), 3u);
  const Diagnostic& bad = tb[1].diagnostic;
  EXPECT_EQ(bad.code, "tally_mismatch");
  EXPECT_EQ(bad.severity, Severity::warning);
  EXPECT_EQ(bad.where.file, "thai_binh_2024_plan.txt");
  EXPECT_EQ(bad.where.line, tb[1].line);
  EXPECT_EQ(bad.message,
            "the text says 4/16 above 50%; the appendix (thai_binh_2023_results.csv) gives "
            "3/16, and 1 exactly at the percentage");
  EXPECT_EQ(tb[0].diagnostic.code, "tally");
  EXPECT_EQ(tb[0].diagnostic.severity, Severity::note);
  EXPECT_EQ(tb[0].diagnostic.message,
            "the text says 10/16 met; the appendix (thai_binh_2023_results.csv) gives 10/16");
  // Characters, not bytes: the column of "hoàn thành: 3/4" after "Có 5 mục tiêu " is 15.
  EvaluationTable none;
  const auto t = check_tallies("Có 5 mục tiêu hoàn thành: 3/4", none, "plan.txt");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].diagnostic.to_string(),
            "plan.txt:1:15: warning [tally_mismatch]: the text says 3/4 met; the appendix gives "
            "0/0");
}

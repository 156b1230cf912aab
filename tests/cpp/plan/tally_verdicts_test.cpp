// Tallies as the document means them (issue 13 point 8): counted from the appendix's own
// verdict column where it has one.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dxkit/plan/consistency.hpp"
#include "dxkit/plan/tally.hpp"
#include "dxkit/targets/evaluate.hpp"

using namespace dxkit;

namespace {
std::string seed(const std::string& name) {
  std::ifstream f(std::string(DXKIT_SEEDS_DIR) + "/" + name);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}
const std::string kExamples = DXKIT_EXAMPLES_DIR;
}  // namespace

TEST(TallyVerdicts, ThaiBinh2024HasNoTallyFinding) {
  // "Số mục tiêu đã hoàn thành: 10/16; trên 50%: 04/16; dưới 50%: 02/16": Phụ lục 01's own
  // verdicts are 10 Hoàn thành; Đạt trên 90%, Đạt 50%, Đạt trên 50%, Đạt 78% mục tiêu (4);
  // Đạt 30%, Đạt 25% mục tiêu (2).
  const IndicatorTable table = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  ASSERT_EQ(verdict_column(table), std::optional<std::size_t>(0));
  const auto tb =
      check_tallies(seed("thai_binh_2024_plan.txt"), table, evaluate(table, Scheme::bands()),
                    "thai_binh_2024_plan.txt", "thai_binh_2023_results.csv");
  ASSERT_EQ(tb.size(), 3u);
  for (const Tally& t : tb) EXPECT_TRUE(t.supported) << t.quote;
  EXPECT_EQ(tb[1].category, "above 50%");
  EXPECT_EQ(tb[1].counted, 4u);
  EXPECT_EQ(tb[1].at_threshold, 0u);
  EXPECT_EQ(tb[1].diagnostic.code, "tally");
  EXPECT_EQ(tb[1].diagnostic.message,
            "the text says 4/16 above 50%; the appendix (thai_binh_2023_results.csv, verdict "
            "column 'document_status') gives 4/16");
  EXPECT_EQ(tb[2].counted, 2u);
  EXPECT_EQ(tb[0].counted, 10u);
  // The text's two false ratios and its malformed number are still found.
  const auto found = check_text(seed("thai_binh_2024_plan.txt"));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].kind(), "malformed_number");
  EXPECT_EQ(found[1].kind(), "ratio_mismatch");
  EXPECT_EQ(found[2].kind(), "ratio_mismatch");
}

TEST(TallyVerdicts, DongThapVerdictsSupportItsTalliesToo) {
  // Phụ lục I's "Đánh giá" column (Vượt / Đạt): "đạt và vượt 13/15", "06 chỉ tiêu vượt",
  // "07 chỉ tiêu đạt".
  const IndicatorTable table = read_indicator_table(kExamples + "/dong_thap_2022_results.csv");
  const auto column = verdict_column(table);
  ASSERT_TRUE(column.has_value());
  EXPECT_EQ(table.extra_names[*column], "Đánh giá");
  const auto dt =
      check_tallies(seed("dong_thap_2023_plan.txt"), table, evaluate(table, Scheme::exceed()));
  ASSERT_EQ(dt.size(), 3u);
  for (const Tally& t : dt) EXPECT_TRUE(t.supported) << t.quote;
  EXPECT_EQ(dt[1].counted, 6u);
}

TEST(TallyVerdicts, WithoutAVerdictColumnTheSchemeCounts) {
  // A column that is not all verdicts ("Ghi chú" with free text) is not one: the scheme's
  // evaluation counts, and "trên 50%" is strictly above (3/16, 1 at exactly 50 %).
  IndicatorTable table = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  table.extra_values[0][3] = "xem báo cáo 120/BC-STTTT";
  EXPECT_FALSE(verdict_column(table).has_value());
  const auto tb =
      check_tallies(seed("thai_binh_2024_plan.txt"), table, evaluate(table, Scheme::bands()));
  ASSERT_EQ(tb.size(), 3u);
  EXPECT_FALSE(tb[1].supported);
  EXPECT_EQ(tb[1].counted, 3u);
  EXPECT_EQ(tb[1].at_threshold, 1u);
  // A verdict column that disagrees with the text is a located mismatch naming the column.
  IndicatorTable other = read_indicator_table(kExamples + "/thai_binh_2023_results.csv");
  other.extra_values[0][9] = "Đạt 40% mục tiêu";  // row 10 leaves "trên 50%"
  const auto mismatch = check_tallies(seed("thai_binh_2024_plan.txt"), other,
                                      evaluate(other, Scheme::bands()), "plan.txt", "pl01.csv");
  ASSERT_EQ(mismatch.size(), 3u);
  EXPECT_EQ(mismatch[1].diagnostic.to_string(),
            "plan.txt:17:" + std::to_string(mismatch[1].diagnostic.where.column) +
                ": warning [tally_mismatch]: the text says 4/16 above 50%; the appendix "
                "(pl01.csv, verdict column 'document_status') gives 3/16");
  EXPECT_FALSE(mismatch[2].supported);  // and "dưới 50%" then counts 3
  EXPECT_EQ(mismatch[2].counted, 3u);
}

// Documents that disagree with themselves, on the seeds: the Thái Bình 2024 plan's fractions
// and shares, and the Đồng Tháp 2023 plan's health-record target stated twice.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dxkit/consistency.hpp"

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
  EXPECT_EQ(found[0].kind, "malformed_number");
  EXPECT_EQ(found[0].line, 199u);
  EXPECT_EQ(found[0].quote, "167.223/23.1038 đạt 72,4%");
  // 1.095.000 / 1.645.260 is 66,55 %, printed 74,7 %.
  EXPECT_EQ(found[1].kind, "ratio_mismatch");
  EXPECT_EQ(found[1].line, 237u);
  EXPECT_NE(found[1].message.find("is 66,55%, not 74,7%"), std::string::npos);
  // 60 / 90 is 66,67 %, printed 60 %.
  EXPECT_EQ(found[2].line, 585u);
  EXPECT_NE(found[2].message.find("60/90 is 66,67%, not 60%"), std::string::npos);
}

TEST(CheckText, DongThap2023HealthRecordsStatedTwice) {
  const auto found = check_text(seed("dong_thap_2023_plan.txt"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "conflicting_target");
  EXPECT_EQ(found[0].line, 742u);        // Phụ lục VII: 90%
  EXPECT_EQ(found[0].other_line, 316u);  // the plan's goals: 83%
  EXPECT_EQ(found[0].other_quote.rfind("83% dân số có hồ sơ sức khỏe điện tử", 0), 0u);
  EXPECT_EQ(found[0].quote.rfind("90% dân số có hồ sơ sức khỏe điện tử", 0), 0u);
}

TEST(CheckText, WhatIsNotAFindingAndTheRounding) {
  EXPECT_TRUE(check_text("218/280 đạt 78%.").empty());         // 77,86 rounds to 78
  EXPECT_TRUE(check_text("1.030/1.685 đạt 61,1%.").empty());   // 61,13
  EXPECT_EQ(check_text("1.030/1.685 đạt 61,2%.").size(), 1u);  // off by more than 0,05
  EXPECT_TRUE(check_text("Quyết định ngày 6/2023) đạt 92,56%").empty());  // a date
  EXPECT_TRUE(check_text("xếp thứ 40/63 tỉnh; tỷ lệ hồ sơ chiếm 56,60%").empty());  // another clause
  EXPECT_TRUE(check_text("30% hộ gia đình có kết nối Internet\t70% hộ gia đình có kết nối Internet")
                  .empty());  // a target beside its result in one table row
  EXPECT_TRUE(check_text("").empty());
}

// The DTI frameworks shipped and their names.
#include <gtest/gtest.h>

#include <cmath>

#include "../expect_throw_msg.hpp"
#include "dxkit/dti/dti.hpp"
#include "dxkit/error.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::dti::fixtures;

TEST(Dti, PresetsAreFrameworks) {
  EXPECT_EQ(dti::presets(),
            (std::vector<std::string>{"dti_922", "dti_1726", "haiduong_department"}));
  const index::Framework f = dti::preset_framework("dti_922");
  EXPECT_EQ(f.of_type(index::NodeType::indicator).size(), 9u);
  double total = 0;
  for (std::size_t i : f.of_type(index::NodeType::indicator)) total += dti::max_points(f.nodes[i]);
  EXPECT_EQ(total, 1000);
  // Effective weights are the DTI weights: 0,1 × 5, 0, 0,2, 0,15, 0,15.
  const auto w = f.effective_weights();
  EXPECT_DOUBLE_EQ(w.at("NT"), 0.1);
  EXPECT_DOUBLE_EQ(w.at("DTTM"), 0);
  EXPECT_DOUBLE_EQ(w.at("CQS"), 0.2);
  EXPECT_DOUBLE_EQ(w.at("XHS"), 0.15);
  const auto w1726 = dti::preset_framework("dti_1726").effective_weights();
  EXPECT_DOUBLE_EQ(w1726.at("CQS"), 0.4);
  EXPECT_DOUBLE_EQ(w1726.at("KTS"), 0.3);
  double hd = 0;
  const index::Framework h = dti::preset_framework("haiduong_department");
  for (std::size_t i : h.of_type(index::NodeType::indicator)) hd += dti::max_points(h.nodes[i]);
  EXPECT_EQ(hd, 500);
  EXPECT_THROW_MSG(
      (void)dti::preset_meta("dti_2030"), ValidationError,
      "unknown framework 'dti_2030'; accepted: dti_922, dti_1726, haiduong_department");
}

TEST(DtiNames, FrameworksAndRuleKindsComeFromTheirTables) {
  EXPECT_EQ(dti::kPresetNames.joined(), "dti_922, dti_1726, haiduong_department");
  EXPECT_EQ(dti::kRuleKinds.joined(), "points, ratio, steps, graded, yes_no");
  for (const auto& e : dti::kPresetNames.entries)
    EXPECT_EQ(index::top_node(dti::preset_framework(e.name)), "DTI") << e.name;
  EXPECT_EQ(dti::parse_rule("yes_no").kind, dti::Rule::Kind::yes_no);
  try {
    (void)dti::preset_meta("dti_2030");
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown framework 'dti_2030'; accepted: dti_922, dti_1726, haiduong_department");
  }
  try {
    (void)dti::choices("colour");
    ADD_FAILURE() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown kind of choice 'colour'; accepted: framework, rule");
  }
  const auto rules = dti::choices("rule");
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[4].first, "yes_no");
}

// Neutral defaults and the coinr_asem preset: a run changes nothing that was not asked for,
// and every step that changed a number is listed in the result's notes.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/index/pipeline.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

namespace {

std::size_t missing_in(const DataSet& d) {
  std::size_t n = 0;
  for (double v : d.values) n += std::isnan(v) ? 1 : 0;
  return n;
}

std::vector<std::string> codes(const PipelineResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.notes) out.push_back(d.code);
  return out;
}

}  // namespace

TEST(IndexPreset, DefaultsChangeNoNumber) {
  const Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework);
  EXPECT_TRUE(r.notes.empty());
  // No denomination: Goods is divided by GDP under COINr's choices, here it is the raw value.
  const std::size_t goods = *r.denominated.column("Goods");
  const std::size_t raw = *a.raw.data.column("Goods");
  for (std::size_t u = 0; u < r.denominated.rows(); ++u) {
    const double want = a.raw.data.col(raw)[u], got = r.denominated.col(goods)[u];
    if (std::isnan(want))
      EXPECT_TRUE(std::isnan(got));
    else
      EXPECT_EQ(got, want) << r.denominated.units[u];
  }
  // No imputation, screening or treatment: every unit and every gap is still there.
  EXPECT_EQ(r.treated.rows(), a.raw.data.rows());
  EXPECT_GT(missing_in(r.treated), 0u);
  EXPECT_EQ(missing_in(r.treated), missing_in(r.denominated));
  expect_same_bits(r.treated, r.denominated);
}

TEST(IndexPreset, CoinrAsemListsEveryStepThatChangedNumbers) {
  const Asem a;
  const PipelineResult r = run_pipeline(a.raw, a.framework, coinr_asem());
  const std::size_t filled = missing_in(r.denominated) - missing_in(r.imputed);
  ASSERT_GT(filled, 0u);
  std::vector<std::string> want = {"index.denominated", "index.imputed"};
  if (!r.screened_out.empty()) want.push_back("index.screened");
  want.push_back("index.treated");
  EXPECT_EQ(codes(r), want);
  EXPECT_EQ(r.notes[1].message, std::to_string(filled) + " missing value(s) imputed (group_mean)");
  EXPECT_NE(r.notes[0].message.find("Goods / GDP"), std::string::npos) << r.notes[0].message;
  // Services needed four points winsorised (COINr's treatment log).
  EXPECT_NE(r.notes.back().message.find("Services (4 point(s) winsorised"), std::string::npos)
      << r.notes.back().message;
  for (const Diagnostic& d : r.notes) EXPECT_EQ(d.severity, Severity::note);
}

TEST(IndexPreset, ExplicitOptionsOverrideThePreset) {
  const Asem a;
  PipelineOptions o;
  set_option(o, "preset", "coinr_asem");
  set_option(o, "treat", "false");
  const PipelineResult r = run_pipeline(a.raw, a.framework, o);
  EXPECT_TRUE(o.denominate);
  EXPECT_EQ(o.imputation, Imputation::group_mean);
  for (const Diagnostic& d : r.notes) EXPECT_NE(d.code, "index.treated");
  expect_same_bits(r.treated, r.screened);
  // "none" goes back to the neutral choices.
  set_option(o, "preset", "none");
  EXPECT_FALSE(o.denominate);
  EXPECT_FALSE(o.treat);
  EXPECT_EQ(o.imputation, Imputation::none);
  EXPECT_EQ(o.screen.min_availability, 0);
  EXPECT_EQ(o.impute_group, "");
}

TEST(IndexPreset, BadPresetAndGroupImputationWithoutGroup) {
  PipelineOptions o;
  try {
    set_option(o, "preset", "asem");
    FAIL() << "no error";
  } catch (const ValidationError& e) {
    EXPECT_STREQ(e.what(), "unknown preset 'asem'; accepted: none, coinr_asem");
  }
  const Asem a;
  set_option(o, "impute", "group_mean");
  EXPECT_EQ(error_of(a.raw, a.framework, o),
            "group imputation needs the group column: impute_group=<column> (--group)");
}

TEST(IndexPreset, DataWithoutAsemGroupsRunsWithTheDefaults) {
  const Framework f = two_level();
  const UnitData d =
      make_unit_data(csv::parse("uCode,uName,a,b\nX,x,1,5\nY,y,NA,3\nZ,z,3,1\n", "d.csv"), f);
  const PipelineResult r = run_pipeline(d, f);
  EXPECT_TRUE(r.notes.empty());
  EXPECT_EQ(r.aggregated.rows(), 3u);
  EXPECT_TRUE(std::isnan(at(r.normalised, "Y", "a")));
}

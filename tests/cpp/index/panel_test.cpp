// Panel data: panel imputation and the choice of a time.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>

#include "../expect_throw_msg.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexPanel, LatestConstantLinear) {
  const Framework f = two();
  const UnitData p = make_unit_data(csv::parse("uCode,Time,a,b\n"
                                               "X,2020,1,NA\nX,2021,NA,NA\nX,2022,3,6\n"
                                               "Y,2020,NA,1\nY,2021,2,NA\nY,2022,NA,NA\n",
                                               "panel.csv"),
                                    f);
  EXPECT_EQ(p.times(), (std::vector<double>{2020, 2021, 2022}));
  const double kX = 0, kY = 3;  // row of each unit's 2020
  auto cell = [](const UnitData& d, double row, const char* col) {
    return d.data.col(*d.data.column(col))[static_cast<std::size_t>(row)];
  };
  std::vector<PanelFill> filled;
  const UnitData latest = impute_panel(p, PanelImputation::latest, 0, &filled);
  EXPECT_EQ(cell(latest, kX + 1, "a"), 1);         // from 2020
  EXPECT_TRUE(std::isnan(cell(latest, kX, "b")));  // nothing earlier
  EXPECT_TRUE(std::isnan(cell(latest, kX + 1, "b")));
  EXPECT_EQ(cell(latest, kY + 2, "a"), 2);  // from 2021
  EXPECT_EQ(cell(latest, kY + 2, "b"), 1);  // from 2020, two back
  EXPECT_TRUE(std::isnan(cell(latest, kY, "a")));
  ASSERT_EQ(filled.size(), 4u);
  const UnitData near = impute_panel(p, PanelImputation::latest, 1);
  EXPECT_TRUE(std::isnan(cell(near, kY + 2, "b")));  // 2020 is two time points back
  EXPECT_EQ(cell(near, kY + 1, "b"), 1);
  const UnitData constant = impute_panel(p, PanelImputation::constant);
  EXPECT_EQ(cell(constant, kX, "b"), 6);  // the nearest later value
  EXPECT_EQ(cell(constant, kY, "a"), 2);
  const UnitData linear = impute_panel(p, PanelImputation::linear);
  EXPECT_EQ(cell(linear, kX + 1, "a"), 2);  // halfway between 1 and 3
  EXPECT_EQ(cell(linear, kY + 2, "a"), 2);  // nothing later: the nearest value
  EXPECT_EQ(cell(linear, kX + 1, "b"), 6);
  // A time is chosen for the pipeline: the latest unless said.
  PipelineOptions o;
  o.denominate = false;
  o.imputation = Imputation::none;
  o.screen.min_availability = 0;
  o.treat = false;
  o.panel_imputation = PanelImputation::linear;
  o.normalisation.method = Normalisation::none;
  const PipelineResult r = run_pipeline(p, f, o);
  ASSERT_TRUE(r.time.has_value());
  EXPECT_EQ(*r.time, 2022);
  EXPECT_EQ(r.denominated.units, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(at(r.denominated, "Y", "b"), 1);
  EXPECT_EQ(r.panel_filled.size(), 2u);  // Y's a and b in 2022
  o.time = 2021;
  EXPECT_EQ(at(run_pipeline(p, f, o).denominated, "X", "a"), 2);
  o.time = 2030;
  try {
    (void)run_pipeline(p, f, o);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("no data for Time 2030; the data has: 2020, 2021, 2022"),
              std::string::npos);
  }
  try {
    (void)make_unit_data(csv::parse("uCode,Time,a,b\nX,2020,1,2\nX,2020,3,4\n", "p.csv"), f);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "p.csv:3 (column 'uCode'): duplicate unit code 'X' at Time 2020"),
              std::string::npos);
  }
  EXPECT_THROW_MSG((void)impute_panel(make_unit_data(csv::parse("uCode,a,b\nX,1,2\n", "x"), f),
                                      PanelImputation::latest),
                   ValidationError, "panel imputation needs a Time column in iData");
}

TEST(IndexPanel, AsemPanelAsInCoinrsExample) {
  // COINr's impute_panel example: New Zealand's LPI of 2022 removed comes back as 2021's.
  const Framework f = read_framework(kDir + "/ASEM_iMeta.csv");
  csv::Table t = csv::read(kDir + "/ASEM_iData_p.csv");
  std::size_t lpi = 0, code = 0, time = 0;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == "LPI") lpi = c;
    if (t.header[c] == "uCode") code = c;
    if (t.header[c] == "Time") time = c;
  }
  std::string lpi_2021;
  for (std::size_t r = 0; r < t.rows(); ++r)
    if (t.columns[code][r] == "NZL") {
      if (t.columns[time][r] == "2021") lpi_2021 = t.columns[lpi][r];
      if (t.columns[time][r] == "2022") t.columns[lpi][r] = "NA";
    }
  const UnitData p = make_unit_data(t, f);
  EXPECT_EQ(p.times().size(), 5u);
  PipelineOptions o = coinr_asem();
  set_option(o, "panel_impute", "latest");
  const PipelineResult r = run_pipeline(p, f, o);
  EXPECT_EQ(*r.time, 2022);
  EXPECT_EQ(r.denominated.rows(), 51u);
  EXPECT_DOUBLE_EQ(at(r.denominated, "NZL", "LPI"), std::stod(lpi_2021));
  bool found = false;
  for (const PanelFill& fill : r.panel_filled)
    found = found || (fill.unit == "NZL" && fill.column == "LPI" && fill.from == 2021);
  EXPECT_TRUE(found);
}

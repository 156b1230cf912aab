// Screening of units by availability, zeros and forced units.
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

TEST(IndexScreen, ZerosAndForcedUnits) {
  DataSet d;
  d.units = {"full", "zeros", "gaps", "fine"};
  d.names.assign(4, "");
  const double na = std::nan("");
  const std::vector<std::vector<double>> cols = {
      {1, 0, na, 1}, {2, 0, na, 2}, {3, 0, 3, 0}, {4, 5, 4, 4}};
  for (std::size_t c = 0; c < cols.size(); ++c)
    std::copy(cols[c].begin(), cols[c].end(), d.col(d.add_column("c" + std::to_string(c))).begin());
  ScreenOptions o;
  o.min_availability = 0.75;  // "gaps" has 2 of 4
  o.min_nonzero = 0.5;        // "zeros" has 1 of 4 non-zero; "fine" 3 of 4
  std::vector<Screened> gone;
  DataSet kept = screen_units(d, o, &gone);
  EXPECT_EQ(kept.units, (std::vector<std::string>{"full", "fine"}));
  ASSERT_EQ(gone.size(), 2u);
  EXPECT_EQ(gone[0].reason, "zeros");
  EXPECT_DOUBLE_EQ(gone[0].nonzero, 0.25);
  EXPECT_EQ(gone[1].reason, "availability");
  EXPECT_DOUBLE_EQ(gone[1].availability, 0.5);
  o.include = {"gaps"};
  o.exclude = {"full"};
  gone.clear();
  kept = screen_units(d, o, &gone);
  EXPECT_EQ(kept.units, (std::vector<std::string>{"gaps", "fine"}));
  EXPECT_EQ(gone[0].reason, "forced");
  o.include = {"nobody"};
  EXPECT_THROW_MSG((void)screen_units(d, o), ValidationError,
                   "screening: forced unit 'nobody' is not in the data");
}

// The vector kernels give the same bits as the plain formulas.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>

#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/weights.hpp"
#include "fixtures.hpp"

using namespace dxkit;
using namespace dxkit::index;
using namespace dxkit::index::fixtures;

TEST(IndexKernels, SameBitsAsThePlainFormula) {
  // The min-max and weighted-mean kernels run on vectors (AVX2 where the processor has it);
  // this file is built for the baseline and computes the same numbers one by one, in R's
  // order of operations: they must agree to the bit, missing values and odd lengths included.
  const Large big;
  const DataSet& d = big.data.data;
  const std::size_t n = 1003;  // not a multiple of the vector width
  DataSet units;
  units.units.assign(d.units.begin(), d.units.begin() + n);
  std::vector<double> out(n);
  for (std::size_t c : {0u, 3u, 17u}) {
    const std::span<const double> x(d.col(c).data(), n);
    const double dir = c == 3 ? -1.0 : 1.0;
    normalise_column(x, out, dir, parse_norm_spec("minmax(lo=1,hi=100)"), nullptr, units, "x");
    double mn = INFINITY, mx = -INFINITY;
    for (double v : x)
      if (!std::isnan(v)) {
        mn = std::min(mn, v * dir);
        mx = std::max(mx, v * dir);
      }
    for (std::size_t u = 0; u < n; ++u) {
      const double want = (x[u] * dir - mn) / (mx - mn) * (100.0 - 1.0) + 1.0;
      ASSERT_EQ(std::bit_cast<std::uint64_t>(out[u]), std::bit_cast<std::uint64_t>(want))
          << c << " " << u;
    }
  }
  std::vector<Child> kids;
  for (std::size_t c = 0; c < 7; ++c)
    kids.push_back(
        {d.columns[c], std::span<const double>(d.col(c).data(), n), 0.5 + static_cast<double>(c)});
  AggregateScratch scratch;
  aggregate_children(kids, AggSpec{}, out, scratch, "T", units.units);
  for (std::size_t u = 0; u < n; ++u) {
    double acc = 0, w = 0;
    for (const Child& k : kids)
      if (!std::isnan(k.values[u])) {
        acc += k.weight * k.values[u];
        w += k.weight;
      }
    const double want = w > 0 ? acc / w : std::nan("");
    if (std::isnan(want))
      ASSERT_TRUE(std::isnan(out[u]));
    else
      ASSERT_EQ(std::bit_cast<std::uint64_t>(out[u]), std::bit_cast<std::uint64_t>(want)) << u;
  }
}

#pragma once
// The innermost loops of the index pipeline on large data: the statistics and the min-max
// transform of a column, and the weighted mean of an aggregate's children. Written on
// four-wide vectors; on x86-64 with GCC or Clang each is built twice, for AVX2 and for the
// baseline (SSE2), and the loader picks one for the processor it runs on. Both give the same
// result to the bit: every operation is an exactly rounded IEEE addition, multiplication,
// division or comparison, done per lane in the order of the plain loop (no fused
// multiply-add, no reassociation). Internal to the library.
#include <cstddef>
#include <span>

#include "dxkit/index/pipeline.hpp"

namespace dxkit::index::kernels {

/// out = in × direction (a missing value stays NaN), and the min, max, sum and count of the
/// non-missing values, each kept in four lanes (lane = position mod 4) combined at the end
/// as (l0 ∘ l1) ∘ (l2 ∘ l3).
struct DirectedStats {
  double min, max, sum, n;
};
[[nodiscard]] DirectedStats directed_stats(std::span<const double> in, std::span<double> out,
                                           double direction);

/// x = (x - min) / (max - min) × (hi - lo) + lo, COINr's min-max formula as R computes it.
void minmax(std::span<double> x, double min, double max, double lo, double hi);

/// The weighted arithmetic mean of the children that have a value, weights renormalised over
/// them; missing (NaN) where none has.
void weighted_mean(std::span<const Child> kids, std::span<double> result);

}  // namespace dxkit::index::kernels

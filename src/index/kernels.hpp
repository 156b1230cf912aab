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

#include "dxkit/index/aggregate.hpp"

namespace dxkit::index::kernels {

/// The min, max, sum and count of the non-missing values of in × direction, each kept in
/// four lanes (lane = position mod 4) combined at the end as (l0 ∘ l1) ∘ (l2 ∘ l3); and
/// out = in × direction (a missing value stays NaN) unless `out` is empty.
struct DirectedStats {
  double min, max, sum, n;
};
[[nodiscard]] DirectedStats directed_stats(std::span<const double> in, std::span<double> out,
                                           double direction);

/// out = (in × direction - min) / (max - min) × (hi - lo) + lo: COINr's min-max formula as R
/// computes it. `in` and `out` may be the same memory.
void minmax(std::span<const double> in, double direction, std::span<double> out, double min,
            double max, double lo, double hi);

/// The weighted arithmetic mean of the children that have a value, weights renormalised over
/// them; missing (NaN) where none has.
void weighted_mean(std::span<const Child> kids, std::span<double> result);

}  // namespace dxkit::index::kernels

// Why: scoring a DataFrame's float64 columns from Python was three passes over memory (the
// direction flags gathered from the categorical's codes, the ratios, the statuses). Here
// the same kernel runs block by block, each block's flags gathered and its statuses
// classified while the block is still in cache.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/columns.hpp"
#include "scorer.hpp"
#include "simd.hpp"

namespace dxkit {

namespace {

template <class Code>
void gather(const void* codes, std::size_t from, std::size_t count,
            std::span<const std::uint8_t> table, std::uint8_t* out) {
  const Code* c = static_cast<const Code*>(codes) + from;
  for (std::size_t j = 0; j < count; ++j) {
    const Code k = c[j];
    if (k >= 0 && static_cast<std::size_t>(k) >= table.size())
      throw ValidationError("a direction code beyond its categories");
    out[j] = k < 0 ? 0 : table[static_cast<std::size_t>(k)];
  }
}

// The kernel's checks, here so that the row named is the table's, not the block's: one pass
// without branches over the block, and the row looked for only when there is one.
void check_block(std::span<const double> target, std::span<const double> actual, std::size_t from,
                 std::size_t count) {
  bool bad = false;
  for (std::size_t i = from; i < from + count; ++i)
    bad = bad | !std::isfinite(target[i]) | std::isinf(actual[i]);
  if (!bad) return;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isfinite(target[i]))
      throw ValidationError("row " + std::to_string(i + 1) + ": the target is not a number");
    if (std::isinf(actual[i]))
      throw ValidationError("row " + std::to_string(i + 1) + ": the result is infinite");
  }
}

#if DXKIT_VECTORS
// The exceed scheme's rows of one block four at a time, as score_block's loop scores them:
// each lane's numerator and denominator picked as achievement_ratio picks them, so the
// divisions, clamps and comparisons are the same and so are the bits. `flags` null: higher is
// better on every row. Returns the rows done (a multiple of four); the loop does the rest.
DXKIT_CLONES std::size_t score_exceed_lanes(const double* x, const double* v,
                                            const std::uint8_t* flags, std::size_t count,
                                            double cap, std::uint8_t no_data, double* ratio,
                                            std::uint8_t* met, std::uint8_t* exceeded,
                                            std::uint8_t* has_data, std::uint8_t* status) {
  using simd::all, simd::keep, simd::kLanes, simd::load, simd::M, simd::select, simd::store,
      simd::V;
  const V hi = all(cap), lo = all(-cap), one = all(1.0), zero = all(0.0);
  std::size_t j = 0;
  for (; j + kLanes <= count; j += kLanes) {
    const V b = load(x + j), a = load(v + j);
    M lower = {0, 0, 0, 0};
    if (flags)
      for (std::size_t l = 0; l < kLanes; ++l) lower[l] = flags[j + l] != 0 ? -1 : 0;
    const M has = a == a;
    const M m = (lower & (a <= b)) | (~lower & (a >= b));  // false against NaN
    const M e = (lower & (a < b)) | (~lower & (a > b));
    // achievement_ratio: lower is better reads x / v, except against a bound below 0 (v / x).
    const M swap = lower & ~(b < zero);
    const V num = select(swap, b, a), den = select(swap, a, b);
    const V by_zero = select(num == zero, one, select(num > zero, hi, lo));
    V r = select(den == zero, by_zero, num / den);  // safe_ratio
    r = select(r < lo, lo, select(hi < r, hi, r));  // std::clamp(r, -cap, cap)
    // A lower-is-better result of 0 or less against a bound >= 0: the best (0/0 is 1).
    const M best = lower & (a <= zero) & (b >= zero);
    r = select(best, select((b == zero) & (a == zero), one, hi), r);
    store(ratio + j, keep(has, r));  // no data: 0
    for (std::size_t l = 0; l < kLanes; ++l) {
      met[j + l] = m[l] != 0;
      exceeded[j + l] = e[l] != 0;
      has_data[j + l] = has[l] != 0;
      status[j + l] = has[l] != 0 ? (e[l] != 0 ? 0 : (m[l] != 0 ? 1 : 2)) : no_data;
    }
  }
  return j;
}
#endif

// evaluate_numeric and Scheme::classify for one block, in one loop and the same bits: a row
// without a result (NaN) is selected, not branched over, since it and the direction are
// unpredictable from row to row (a mispredicted branch cost more than the arithmetic).
template <bool kFlags>
void score_block(std::span<const double> target, std::span<const double> actual,
                 std::span<const std::uint8_t> flags, std::size_t from, std::size_t count,
                 const Scheme& scheme, double cap, EvaluationTable& out) {
  const bool exceed = scheme.thresholds().empty();
  const auto no_data = static_cast<std::uint8_t>(scheme.statuses().size() - 1);
  double* ratio = out.ratio.data() + from;
  std::uint8_t* met = out.met.data() + from;
  std::uint8_t* exceeded = out.exceeded.data() + from;
  std::uint8_t* has_data = out.has_data.data() + from;
  std::uint8_t* status = out.status.data() + from;
  const double* x = target.data() + from;
  const double* v = actual.data() + from;
  std::size_t j = 0;
#if DXKIT_VECTORS
  if (exceed)
    j = score_exceed_lanes(x, v, kFlags ? flags.data() : nullptr, count, cap, no_data, ratio, met,
                           exceeded, has_data, status);
#endif
  for (; j < count; ++j) {
    const bool lower = kFlags && flags[j] != 0;
    const bool has = !std::isnan(v[j]);
    const bool m = lower ? v[j] <= x[j] : v[j] >= x[j];  // false against NaN
    const bool e = lower ? v[j] < x[j] : v[j] > x[j];
    const double r = targets_detail::achievement_ratio(v[j], x[j], lower, cap);
    ratio[j] = has ? r : 0.0;
    met[j] = m;
    exceeded[j] = e;
    has_data[j] = has;
    // The exceed scheme's classify without its branches: no data 3, exceeded 0, met 1, else 2.
    status[j] = exceed ? static_cast<std::uint8_t>(has ? (e ? 0 : (m ? 1 : 2)) : no_data)
                       : scheme.classify(ratio[j], has, m, e);
  }
}

}  // namespace

EvaluationTable evaluate_numeric_fused(std::span<const double> target,
                                       std::span<const double> actual,
                                       const DirectionCodes& direction, const Scheme& scheme,
                                       const ScoringOptions& options) {
  const std::size_t n = target.size();
  if (actual.size() != n) throw ValidationError("the columns differ in length");
  if (direction.codes && direction.width != 1 && direction.width != 2 && direction.width != 4 &&
      direction.width != 8)
    throw ValidationError("direction codes must be 1, 2, 4 or 8 bytes wide");
  EvaluationTable out;
  out.scheme = scheme;
  out.ratio.resize(n);
  out.has_data.resize(n);
  out.met.resize(n);
  out.exceeded.resize(n);
  out.estimate.assign(n, 0);
  out.status.resize(n);
  constexpr std::size_t kBlock = 4096;
  std::array<std::uint8_t, kBlock> lower{};
  for (std::size_t from = 0; from < n; from += kBlock) {
    if (from % (16 * kBlock) == 0 && from) check_cancelled();
    const std::size_t count = std::min(kBlock, n - from);
    std::span<const std::uint8_t> flags;
    if (direction.codes) {
      switch (direction.width) {
        case 1:
          gather<std::int8_t>(direction.codes, from, count, direction.lower_of_code, lower.data());
          break;
        case 2:
          gather<std::int16_t>(direction.codes, from, count, direction.lower_of_code, lower.data());
          break;
        case 4:
          gather<std::int32_t>(direction.codes, from, count, direction.lower_of_code, lower.data());
          break;
        default:
          gather<std::int64_t>(direction.codes, from, count, direction.lower_of_code, lower.data());
      }
      flags = std::span<const std::uint8_t>(lower.data(), count);
    }
    check_block(target, actual, from, count);
    if (flags.empty())
      score_block<false>(target, actual, flags, from, count, scheme, options.ratio_cap, out);
    else
      score_block<true>(target, actual, flags, from, count, scheme, options.ratio_cap, out);
  }
  return out;
}

}  // namespace dxkit

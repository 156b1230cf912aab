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
    // The kernel's own checks, here so that the row named is the table's, not the block's.
    for (std::size_t i = from; i < from + count; ++i) {
      if (!std::isfinite(target[i]))
        throw ValidationError("row " + std::to_string(i + 1) + ": the target is not a number");
      if (std::isinf(actual[i]))
        throw ValidationError("row " + std::to_string(i + 1) + ": the result is infinite");
    }
    evaluate_numeric(target.subspan(from, count), actual.subspan(from, count), flags,
                     std::span<double>(out.ratio).subspan(from, count),
                     std::span<std::uint8_t>(out.met).subspan(from, count),
                     std::span<std::uint8_t>(out.exceeded).subspan(from, count),
                     std::span<std::uint8_t>(out.has_data).subspan(from, count), options);
    for (std::size_t i = from; i < from + count; ++i)
      out.status[i] = scheme.classify(out.ratio[i], out.has_data[i], out.met[i], out.exceeded[i]);
  }
  return out;
}

}  // namespace dxkit

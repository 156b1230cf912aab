#pragma once
// Scoring a table row by row: what evaluate() needs besides the options is read once per table
// (the ratio cap as a decimal), and the exact ratio of an evaluation is left unreduced (the
// bands compare it by value; the public evaluate() reduces it for its callers).
#include <cmath>
#include <cstdint>

#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit::targets_detail {

/// One part scored without an Evaluation: what the table kernel writes, with the exact ratio
/// as 64-bit terms, num / den with den > 0, or den 0 where a rule (the cap, 0/0) decides the
/// ratio.
struct QuickScore {
  double ratio = 0;
  std::int64_t num = 0;
  std::int64_t den = 0;
  bool met = false;
  bool exceeded = false;
};

class Scorer {
 public:
  /// `general_only`: every part by the general (128-bit, reduced) arithmetic, never the fast
  /// path; for the tests that hold the two paths to the same verdicts.
  explicit Scorer(const ScoringOptions& options, bool general_only = false) noexcept
      : options_(options),
        cap_(detail::decimal_of(options.ratio_cap)),
        capped_(std::isfinite(options.ratio_cap)),
        cap_at_least_one_(options.ratio_cap >= 1),
        general_only_(general_only) {}

  /// evaluate(target, result, options), with exact_ratio not necessarily in lowest terms.
  [[nodiscard]] Evaluation score(const Target& target, const Result& result) const;

  /// A one-part target against a one-part result, when every number is a short decimal and
  /// nothing can fail: true with `out` as score() would give it (has_data, the result's
  /// estimate flag); false when score() must decide (it may raise the error).
  [[nodiscard]] bool quick(const TargetPart& target, const ResultPart& result,
                           QuickScore& out) const noexcept;

  [[nodiscard]] const ScoringOptions& options() const noexcept { return options_; }
  /// The ratio cap as a decimal (places -1 when it is infinite or not a short decimal).
  [[nodiscard]] const detail::Decimal& cap() const noexcept { return cap_; }
  /// Whether the ratio cap is finite.
  [[nodiscard]] bool capped() const noexcept { return capped_; }
  /// Whether the ratio cap is at least 1 (a ratio within [-1, 1] is then never capped).
  [[nodiscard]] bool cap_at_least_one() const noexcept { return cap_at_least_one_; }
  [[nodiscard]] bool general_only() const noexcept { return general_only_; }

 private:
  ScoringOptions options_;
  detail::Decimal cap_;
  bool capped_ = true;
  bool cap_at_least_one_ = true;
  bool general_only_ = false;
};

}  // namespace dxkit::targets_detail

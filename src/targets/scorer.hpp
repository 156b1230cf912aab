#pragma once
// Scoring a table row by row: what evaluate() needs besides the options is read once per table
// (the ratio cap as a decimal), and the exact ratio of an evaluation is left unreduced (the
// bands compare it by value; the public evaluate() reduces it for its callers).
#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit::targets_detail {

class Scorer {
 public:
  /// `general_only`: every part by the general (128-bit, reduced) arithmetic, never the fast
  /// path; for the tests that hold the two paths to the same verdicts.
  explicit Scorer(const ScoringOptions& options, bool general_only = false) noexcept
      : options_(options),
        cap_(detail::decimal_of(options.ratio_cap)),
        general_only_(general_only) {}

  /// evaluate(target, result, options), with exact_ratio not necessarily in lowest terms.
  [[nodiscard]] Evaluation score(const Target& target, const Result& result) const;

  [[nodiscard]] const ScoringOptions& options() const noexcept { return options_; }
  /// The ratio cap as a decimal (places -1 when it is infinite or not a short decimal).
  [[nodiscard]] const detail::Decimal& cap() const noexcept { return cap_; }
  [[nodiscard]] bool general_only() const noexcept { return general_only_; }

 private:
  ScoringOptions options_;
  detail::Decimal cap_;
  bool general_only_ = false;
};

}  // namespace dxkit::targets_detail

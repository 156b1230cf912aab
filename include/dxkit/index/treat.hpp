#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// Sample skewness and kurtosis as COINr computes them (type-2 formulas), missing values
/// skipped.
[[nodiscard]] DXKIT_API double skewness(std::span<const double> x);
[[nodiscard]] DXKIT_API double kurtosis(std::span<const double> x);

/// What treatment did to one indicator.
struct DXKIT_API Treatment {
  std::string code;
  bool passed_before = true;
  double skew_before = 0, kurt_before = 0;
  int points = 0;         ///< winsorised points (0 when it passed at once)
  bool log = false;       ///< a transform replaced the winsorised values
  std::string transform;  ///< its name (log_ct, log_ct_neg, log_ct_orig, boxcox), or ""
  std::optional<bool> passed_after;
  double skew_after = 0, kurt_after = 0;
  std::vector<std::size_t> high, low;  ///< units winsorised at the top / bottom
};

/// Outlier treatment per indicator: passes if |skew| < 2 or kurtosis < 3.5; else the maximum
/// (skew >= 0) or minimum (skew < 0), ties together, is replaced by the next value until it
/// passes or max_points distinct points have changed (a point moved again, as the top values
/// are pulled down together, counts once); then, if it still fails,
/// log(x - min + 0.01 (max - min)) of the original values.
[[nodiscard]] DXKIT_API DataSet treat_outliers(
    DataSet data, const TreatOptions& options = {}, std::vector<Treatment>* details = nullptr,
    const std::map<std::string, TreatOptions>* by_indicator = nullptr);

}  // namespace dxkit::index

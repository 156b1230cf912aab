#pragma once
/// Analysis of an index's data, as COINr offers it: descriptive statistics with outlier
/// flags, data availability, correlations with flags, and Cronbach's alpha.
#include <optional>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::index {

/// Statistics of one column over its non-missing values.
struct DXKIT_API ColumnStats {
  std::string code;
  std::size_t n = 0, missing = 0;
  double mean = 0, sd = 0, min = 0, max = 0, median = 0;
  double skew = 0, kurt = 0;  ///< COINr's type-2 formulas (as in outlier treatment)
  bool outliers = false;      ///< fails the treatment test: |skew| >= 2 and kurtosis >= 3.5
};

/// Per column; sd is the sample standard deviation. A column with fewer than 4 values has
/// skew and kurtosis 0 and no outlier flag.
[[nodiscard]] DXKIT_API std::vector<ColumnStats> describe(const DataSet& data);

/// Share of non-missing values per unit (over all columns) and per column (over all units).
struct DXKIT_API Availability {
  std::vector<double> by_unit, by_column;
};
[[nodiscard]] DXKIT_API Availability availability(const DataSet& data);

/// Pearson correlation of two columns over the units where both have a value; nullopt with
/// fewer than 3 such units or a constant column.
[[nodiscard]] DXKIT_API std::optional<double> correlation(std::span<const double> x,
                                                          std::span<const double> y);

/// A correlation flagged as COINr does: weak (|r| < weak) or negative (r < -weak); between
/// each indicator and its parent, and between siblings.
struct DXKIT_API CorrelationFlag {
  std::string a, b;
  double r = 0;
  std::string flag;  ///< "negative" or "weak"
};
[[nodiscard]] DXKIT_API std::vector<CorrelationFlag> flag_correlations(const DataSet& aggregated,
                                                                       const Framework& framework,
                                                                       double weak = 0.2);

/// Cronbach's alpha of the children of an aggregate, over complete units:
/// k / (k - 1) × (1 - Σ var(child) / var(Σ children)). nullopt with fewer than 2 children or
/// fewer than 2 complete units.
[[nodiscard]] DXKIT_API std::optional<double> cronbach_alpha(const DataSet& data,
                                                             const Framework& framework,
                                                             std::string_view aggregate);

}  // namespace dxkit::index

#pragma once
#include <map>
#include <span>
#include <string>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// Missing values replaced by the mean of the indicator over the units of the same group.
/// A group with no value for an indicator leaves its cells missing.
[[nodiscard]] DXKIT_API DataSet impute_group_mean(const DataSet& data,
                                                  std::span<const std::string> group);
/// Imputation by a method (group methods need one group label per unit).
[[nodiscard]] DXKIT_API DataSet impute(DataSet data, Imputation method,
                                       std::span<const std::string> group = {});
/// Imputation with the method of each column (by_indicator, else `method`).
[[nodiscard]] DXKIT_API DataSet impute(DataSet data, Imputation method,
                                       const std::map<std::string, Imputation>& by_indicator,
                                       std::span<const std::string> group);

}  // namespace dxkit::index

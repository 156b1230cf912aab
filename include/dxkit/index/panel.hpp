#pragma once
/// Panel data (iData with a Time column): panel imputation and the choice of one time.
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// A value filled by panel imputation: the unit, the column, and the time it came from.
struct DXKIT_API PanelFill {
  std::string unit, column;
  double time = 0, from = 0;
};

/// Panel imputation of every numeric column of a panel; `filled` records each value filled.
[[nodiscard]] DXKIT_API UnitData impute_panel(const UnitData& data, PanelImputation method,
                                              int max_time = 0,
                                              std::vector<PanelFill>* filled = nullptr);
/// The units of one time of a panel (throws ValidationError listing the times if absent).
[[nodiscard]] DXKIT_API UnitData select_time(const UnitData& data, double time);

}  // namespace dxkit::index

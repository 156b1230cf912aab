#pragma once
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// A unit removed by screening, and why ("availability", "zeros" or "forced").
struct DXKIT_API Screened {
  std::string unit;
  double availability = 0, nonzero = 0;
  std::string reason;
};

/// Units whose share of non-missing indicator values is below `threshold` (0..1) removed;
/// their codes go to `removed` if given.
[[nodiscard]] DXKIT_API DataSet screen_by_availability(const DataSet& data, double threshold,
                                                       std::vector<std::string>* removed = nullptr);
/// Screening with ScreenOptions; unknown forced units are a ValidationError.
[[nodiscard]] DXKIT_API DataSet screen_units(DataSet data, const ScreenOptions& options,
                                             std::vector<Screened>* removed = nullptr);

}  // namespace dxkit::index

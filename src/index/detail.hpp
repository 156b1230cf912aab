#pragma once
// Pieces shared by the index sources. Internal to the library.
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index::detail {

/// The units of `raw` and the names of the framework's indicator columns, with room reserved
/// for the indicators' numbers and every aggregate; no numbers. `from` receives each
/// indicator's column in `raw` (a missing one is a ValidationError).
[[nodiscard]] DataSet indicator_columns_of(const DataSet& raw, const Framework& framework,
                                           std::vector<std::size_t>& from);

/// Whether screening with these options can remove no unit whatever the data.
[[nodiscard]] inline bool screens_nothing(const ScreenOptions& o) {
  return o.min_availability <= 0 && o.min_nonzero <= 0 && o.include.empty() && o.exclude.empty();
}

/// Normalises column c of `out` from `in` by the column's spec (options.normalise_by_indicator,
/// else options.normalisation): the step normalise() runs on every column, and run_pipeline
/// inside the aggregation on its fused path.
void normalise_one(DataSet& out, std::size_t c, std::span<const double> in,
                   const Framework& framework, const PipelineOptions& options);

}  // namespace dxkit::index::detail

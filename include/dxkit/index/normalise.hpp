#pragma once
#include <span>
#include <string_view>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// Direction applied, then min-max to [lo, hi] per indicator. Throws ValidationError for a
/// constant indicator (its min-max is undefined).
[[nodiscard]] DXKIT_API DataSet normalise_minmax(const DataSet& data, const Framework& framework,
                                                 double lo = 0, double hi = 100);

/// Normalisation of every column by its spec (by_indicator, else options.normalisation).
[[nodiscard]] DXKIT_API DataSet normalise(DataSet data, const Framework& framework,
                                          const PipelineOptions& options);
/// One column by one spec; `direction` is applied first.
DXKIT_API void normalise_column(std::span<double> x, double direction, const NormSpec& spec,
                                const Node* node, const DataSet& data, std::string_view code);
/// The same reading `in` and writing `out` (same size; they may be the same memory). `data`
/// gives the units (for a reference unit).
DXKIT_API void normalise_column(std::span<const double> in, std::span<double> out, double direction,
                                const NormSpec& spec, const Node* node, const DataSet& data,
                                std::string_view code);

}  // namespace dxkit::index

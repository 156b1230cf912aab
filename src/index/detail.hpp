#pragma once
// Pieces shared by the index sources. Internal to the library.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index::detail {

/// Each code's first position in `codes`, as DataSet::column and Framework::find give it,
/// for loops that would otherwise search once per column (quadratic in the columns: at 250
/// columns that was most of a small index's run). The keys view `codes`: valid while it is
/// unchanged.
[[nodiscard]] std::unordered_map<std::string_view, std::size_t> positions(
    std::span<const std::string> codes);

/// Each parent's children in iMeta order (Framework::children for every parent in one pass;
/// the keys view the nodes' parent codes).
[[nodiscard]] std::unordered_map<std::string_view, std::vector<std::size_t>> children_by_parent(
    const Framework& framework);

/// The framework node of each column of `data` (nullptr for a column no node has).
[[nodiscard]] std::vector<const Node*> nodes_of_columns(const DataSet& data,
                                                        const Framework& framework);

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
/// `node` is the column's framework node (nodes_of_columns; nullptr: none).
/// Column c of `set` (its name, and its units for errors) is written to `dst` (set.col(c), or
/// a scratch column when the normalised indicators are not kept).
void normalise_one(const DataSet& set, std::size_t c, std::span<const double> in,
                   std::span<double> dst, const Node* node, const PipelineOptions& options);

}  // namespace dxkit::index::detail

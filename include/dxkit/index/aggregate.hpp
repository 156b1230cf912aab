#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"

namespace dxkit::index {

/// The data with one column per aggregate appended, level by level: the weighted arithmetic
/// mean of the children that have a value (weights renormalised over them); missing when
/// none has.
[[nodiscard]] DXKIT_API DataSet aggregate_mean(const DataSet& normalised,
                                               const Framework& framework);

/// Aggregation by one method for every aggregate.
[[nodiscard]] DXKIT_API DataSet aggregate(DataSet data, const Framework& framework,
                                          Aggregation method);
/// One child of an aggregate: its values over the units and its weight.
struct DXKIT_API Child {
  std::string_view code;
  std::span<const double> values;
  double weight = 1;
};
/// Work space of aggregate_children, reused between calls.
struct DXKIT_API AggregateScratch {
  std::vector<double> acc, weights, have;
};
/// The aggregate of `kids` into `result` (one value per unit) by one method: the kernel of
/// aggregate(), also used by the uncertainty analysis. `parent` and `units` name the place
/// in errors.
DXKIT_API void aggregate_children(const std::vector<Child>& kids, const AggSpec& spec,
                                  std::span<double> result, AggregateScratch& scratch,
                                  const std::string& parent, std::span<const std::string> units);
/// The method for one aggregate: its own, else its level's, else the default.
[[nodiscard]] DXKIT_API const AggSpec& aggregation_for(const PipelineOptions& options,
                                                       const Node& aggregate);

/// Aggregation with the method of each parent (aggregate_by_parent, then _by_level, then
/// the default). The geometric and harmonic means need positive values (ValidationError).
[[nodiscard]] DXKIT_API DataSet aggregate(DataSet data, const Framework& framework,
                                          const PipelineOptions& options);

}  // namespace dxkit::index

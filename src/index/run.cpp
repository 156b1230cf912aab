// The driver of an index run: checks the options against the framework, then calls the
// steps in order (each in its own file), or, when nothing before the normalisation changes a
// number, normalises inside the aggregation (see aggregate_levels.hpp).
#include "dxkit/index/run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "dxkit/error.hpp"
#include "dxkit/index/aggregate.hpp"
#include "dxkit/index/denominate.hpp"
#include "dxkit/index/impute.hpp"
#include "dxkit/index/normalise.hpp"
#include "index/aggregate_levels.hpp"
#include "index/detail.hpp"

namespace dxkit::index {

const DataSet& PipelineResult::data(std::string_view name) const {
  const DataSetName which = kDataSets.parse(name);
  if (!kept && which != DataSetName::aggregated)
    throw ValidationError("data set '" + std::string(name) +
                          "' was not kept (the run had keep_data_sets = false)");
  switch (which) {
    case DataSetName::denominated:
      return denominated;
    case DataSetName::imputed:
      return imputed;
    case DataSetName::screened:
      return screened;
    case DataSetName::treated:
      return treated;
    case DataSetName::normalised:
      return normalised;
    case DataSetName::aggregated:
      break;
  }
  return aggregated;
}

namespace {

// Options that name indicators, aggregates or levels must name existing ones.
void check_names(const PipelineOptions& o, const Framework& f) {
  auto indicator = [&](const std::string& code, const char* what) {
    auto i = f.find(code);
    if (!i || f.nodes[*i].type != NodeType::indicator)
      throw ValidationError(std::string(what) + ": '" + code +
                            "' is not an indicator of the framework");
  };
  for (const auto& [code, _] : o.impute_by_indicator) indicator(code, "impute");
  for (const auto& [code, _] : o.treat_by_indicator) indicator(code, "treat");
  for (const auto& [code, _] : o.normalise_by_indicator) indicator(code, "normalise");
  for (const auto& [code, _] : o.aggregate_by_parent) {
    auto i = f.find(code);
    if (!i || f.nodes[*i].type != NodeType::aggregate)
      throw ValidationError("aggregate: '" + code + "' is not an aggregate of the framework");
  }
  for (const auto& [level, _] : o.aggregate_by_level)
    if (level < 2 || level > f.max_level())
      throw ValidationError("aggregate: level " + std::to_string(level) +
                            " is not an aggregation level (2.." + std::to_string(f.max_level()) +
                            ")");
}

bool group_method(Imputation m) {
  return m == Imputation::group_mean || m == Imputation::group_median;
}

// Whether denominate, impute, screen and treat would all leave the numbers as they are.
bool passes_through(const Framework& used, const PipelineOptions& o) {
  for (const Node& n : used.nodes)
    if (!n.denominator.empty()) return false;
  if (o.imputation != Imputation::none) return false;
  for (const auto& [_, m] : o.impute_by_indicator)
    if (m != Imputation::none) return false;
  return detail::screens_nothing(o.screen) && !o.treat;
}

}  // namespace

PipelineResult run_pipeline(const UnitData& data, const Framework& f, const PipelineOptions& o) {
  check_names(o, f);
  PipelineResult r;
  const UnitData* source = &data;
  UnitData panel;
  const std::vector<double> times = data.times();
  if (times.size() > 1 || o.time || o.panel_imputation != PanelImputation::none) {
    if (times.empty())
      throw ValidationError(
          "the data has no Time column (a time or panel imputation was asked for)");
    std::vector<PanelFill> filled;
    panel = impute_panel(data, o.panel_imputation, o.max_time, &filled);
    r.time = o.time ? *o.time : times.back();
    panel = select_time(panel, *r.time);
    for (PanelFill& p : filled)
      if (p.time == *r.time) r.panel_filled.push_back(std::move(p));
    source = &panel;
  }
  Framework used = f.with_weights(o.weight_set);
  for (const auto& [code, w] : o.weights) {
    auto i = used.find(code);
    if (!i || !used.nodes[*i].in_tree())
      throw ValidationError("weight: '" + code +
                            "' is not an indicator or aggregate of the framework");
    if (!std::isfinite(w) || w < 0)
      throw ValidationError("weight of '" + code + "' must be a number >= 0");
    used.nodes[*i].weight = w;
  }
  if (!o.denominate)
    for (Node& n : used.nodes) n.denominator.clear();
  r.kept = o.keep_data_sets;  // without the intermediate sets every step works in place
  if (!r.kept && passes_through(used, o)) {
    // Nothing before the normalisation changes a number: it reads the source itself.
    std::vector<std::size_t> from;
    DataSet current = detail::indicator_columns_of(source->data, used, from);
    current.values.resize(current.columns.size() * current.rows());
    // Each indicator is normalised inside the job of the aggregate that reads it, while it
    // is in cache (same numbers as normalise then aggregate).
    r.aggregated =
        detail::aggregate_with(std::move(current), used, o, true, [&](DataSet& out, std::size_t c) {
          detail::normalise_one(out, c, source->col(from[c]), used, o);
        });
    r.framework = std::move(used);
    return r;
  }
  DataSet current = denominate(*source, used);
  const auto keep = [&](DataSet& slot) {
    if (r.kept) slot = current;
  };
  keep(r.denominated);
  std::vector<std::string> group;
  bool needs_group = group_method(o.imputation);
  for (const auto& [_, m] : o.impute_by_indicator) needs_group = needs_group || group_method(m);
  if (needs_group) {
    auto it = source->groups.find(o.impute_group);
    if (it == source->groups.end())
      throw ValidationError("no group column '" + o.impute_group + "' in the data for imputation");
    group = it->second;
  }
  current = impute(std::move(current), o.imputation, o.impute_by_indicator, group);
  keep(r.imputed);
  current = screen_units(std::move(current), o.screen, &r.screening);
  for (const Screened& s : r.screening) r.screened_out.push_back(s.unit);
  keep(r.screened);
  if (o.treat)
    current = treat_outliers(std::move(current), o.treatment, &r.treatment, &o.treat_by_indicator);
  keep(r.treated);
  current = normalise(std::move(current), used, o);
  keep(r.normalised);
  r.aggregated = aggregate(std::move(current), used, o);
  r.framework = std::move(used);
  return r;
}

}  // namespace dxkit::index

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

const DataSet& PipelineResult::aggregated_with_indicators(std::string_view what) const {
  if (!indicators)
    throw ValidationError(std::string(what) +
                          " needs the normalised indicators, which a run with keep_indicators = "
                          "false does not keep");
  return aggregated;
}

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

void note(PipelineResult& r, std::string code, std::string message) {
  r.notes.push_back(Diagnostic{{}, Severity::note, std::move(code), std::move(message)});
}

std::size_t missing(const DataSet& d) {
  return static_cast<std::size_t>(
      std::count_if(d.values.begin(), d.values.end(), [](double v) { return std::isnan(v); }));
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A parent whose children all weigh 0 has nothing to average: its scores are NA, said once.
void warn_zero_weights(PipelineResult& r, const Framework& used) {
  const auto children = detail::children_by_parent(used);
  for (std::size_t i : used.of_type(NodeType::aggregate)) {
    const auto kids = children.find(used.nodes[i].code);
    if (kids == children.end()) continue;
    double sum = 0;
    for (std::size_t k : kids->second) sum += used.nodes[k].weight;
    if (sum > 0) continue;
    const Node& first = used.nodes[kids->second.front()];
    Location where;
    if (first.line > 0) {
      where.file = used.source;
      where.line = first.line;
      where.column_name = "Weight";
    }
    r.notes.push_back(Diagnostic{where, Severity::warning, "index.zero_weights",
                                 "every child of '" + used.nodes[i].code +
                                     "' has weight 0: its scores are NA (nothing to average)"});
  }
}

// One note per step that changed numbers, in the order the steps ran.
void note_steps(PipelineResult& r, const Framework& used, std::size_t missing_before,
                std::size_t missing_after, const PipelineOptions& o) {
  if (!r.panel_filled.empty())
    note(r, "index.panel_imputed",
         std::to_string(r.panel_filled.size()) + " value(s) filled from other times (" +
             std::string(kPanelImputations.name(o.panel_imputation)) + ")");
  std::vector<std::string> divided;
  for (const Node& n : used.nodes)
    if (!n.denominator.empty()) divided.push_back(n.code + " / " + n.denominator);
  if (!divided.empty())
    note(r, "index.denominated", "divided by the iMeta denominator: " + joined(divided));
  if (missing_after < missing_before)
    note(r, "index.imputed",
         std::to_string(missing_before - missing_after) + " missing value(s) imputed (" +
             std::string(kImputations.name(o.imputation)) + ")");
  if (!r.screened_out.empty()) note(r, "index.screened", "screened out: " + joined(r.screened_out));
  std::vector<std::string> treated;
  for (const Treatment& t : r.treatment)
    if (t.points > 0 || t.log)
      treated.push_back(t.code + " (" + std::to_string(t.points) + " point(s) winsorised" +
                        (t.log ? ", then " + t.transform : std::string()) + ")");
  if (!treated.empty()) note(r, "index.treated", "outliers treated: " + joined(treated));
}

}  // namespace

PipelineResult run_pipeline(const UnitData& data, const Framework& f, const PipelineOptions& o) {
  validate_framework(f);
  check_names(o, f);
  if (!o.keep_indicators && o.keep_data_sets)
    throw ValidationError(
        "keep_indicators = false needs keep_data_sets = false (a run that keeps every data set "
        "keeps the normalised indicators)");
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
  warn_zero_weights(r, used);
  r.indicators = o.keep_indicators;
  r.kept = o.keep_data_sets;  // without the intermediate sets every step works in place
  if (!r.kept && passes_through(used, o)) {
    // Nothing before the normalisation changes a number: it reads the source itself.
    std::vector<std::size_t> from;
    DataSet current = detail::indicator_columns_of(source->data, used, from);
    const std::vector<const Node*> nodes = detail::nodes_of_columns(current, used);
    // Each indicator is normalised inside the job of the aggregate that reads it, while it
    // is in cache (same numbers as normalise then aggregate); not stored at all when the
    // indicators are not kept.
    r.aggregated = detail::aggregate_with(
        std::move(current), used, o, true,
        [&](const DataSet& set, std::span<double> dst, std::size_t c) {
          detail::normalise_one(set, c, source->col(from[c]), dst, nodes[c], o);
        });
    note_steps(r, used, 0, 0, o);
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
    if (o.impute_group.empty())
      throw ValidationError(
          "group imputation needs the group column: impute_group=<column> (--group)");
    auto it = source->groups.find(o.impute_group);
    if (it == source->groups.end())
      throw ValidationError("no group column '" + o.impute_group + "' in the data for imputation");
    group = it->second;
  }
  const std::size_t missing_before = missing(current);
  current = impute(std::move(current), o.imputation, o.impute_by_indicator, group);
  const std::size_t missing_after = missing(current);
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
  note_steps(r, used, missing_before, missing_after, o);
  r.framework = std::move(used);
  return r;
}

}  // namespace dxkit::index

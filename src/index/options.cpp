// Pipeline options from text ("normalise.LPI" = "goalposts(lo=1,hi=5)"), shared by the
// command line and Python so that both accept the same words.
#include "dxkit/index/options.hpp"

#include <charconv>
#include <cmath>

#include "dxkit/error.hpp"
#include "dxkit/index/ranks.hpp"
#include "dxkit/index/run.hpp"
#include "dxkit/index/weights.hpp"

namespace dxkit::index {

namespace {

double to_number(std::string_view key, std::string_view text) {
  double v = 0;
  const char* first = text.data();
  if (!text.empty() && text[0] == '+') ++first;
  auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    throw ValidationError("option '" + std::string(key) + "': '" + std::string(text) +
                          "' is not a number");
  return v;
}

bool to_bool(std::string_view key, std::string_view text) {
  if (text == "true" || text == "TRUE" || text == "1" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "FALSE" || text == "0" || text == "no" || text == "off")
    return false;
  throw ValidationError("option '" + std::string(key) + "': '" + std::string(text) +
                        "' is not true or false");
}

std::vector<std::string> to_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

// "name(k=v,k=v)" -> name and its parameters.
struct Call {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;
};

Call parse_call(std::string_view text) {
  Call c;
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos) {
    c.name = std::string(text);
    return c;
  }
  if (text.back() != ')')
    throw ValidationError("'" + std::string(text) +
                          "': a method's parameters are written "
                          "name(key=value,key=value)");
  c.name = std::string(text.substr(0, open));
  for (const std::string& item : to_list(text.substr(open + 1, text.size() - open - 2))) {
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      throw ValidationError("'" + std::string(text) + "': parameter '" + item +
                            "' needs a value (key=value)");
    c.params.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return c;
}

[[noreturn]] void unknown_parameter(const std::string& method, const std::string& key,
                                    const char* accepted) {
  throw ValidationError("'" + method + "' has no parameter '" + key + "'; accepted: " + accepted);
}

TreatOptions parse_treat(const TreatOptions& base, std::string_view text) {
  TreatOptions t = base;
  if (text == "none") {
    t.enabled = false;
    return t;
  }
  const Call c = parse_call(text);
  t.enabled = true;
  t.transform = parse_transform(c.name);
  for (const auto& [k, v] : c.params) {
    if (k == "lambda")
      t.boxcox_lambda = to_number(k, v);
    else if (k == "max_points")
      t.max_points = static_cast<int>(to_number(k, v));
    else if (k == "winsorise")
      t.winsorise = to_bool(k, v);
    else
      unknown_parameter(c.name, k, "lambda, max_points, winsorise");
  }
  return t;
}

}  // namespace

NormSpec parse_norm_spec(std::string_view text) {
  const Call c = parse_call(text);
  NormSpec s;
  s.method = parse_normalisation(c.name);
  for (const auto& [k, v] : c.params) {
    if (k == "lo")
      s.lo = to_number(k, v);
    else if (k == "hi")
      s.hi = to_number(k, v);
    else if (k == "mean")
      s.mean = to_number(k, v);
    else if (k == "sd")
      s.sd = to_number(k, v);
    else if (k == "scale")
      s.scale = to_number(k, v);
    else if (k == "truncate")
      s.truncate = to_bool(k, v);
    else if (k == "target")
      s.target = to_number(k, v);
    else if (k == "cap")
      s.cap = to_bool(k, v);
    else if (k == "reference")
      s.reference = v;
    else if (k == "meta")
      s.from_meta = to_bool(k, v);
    else
      unknown_parameter(c.name, k,
                        "lo, hi, mean, sd, scale, truncate, target, cap, reference, meta");
  }
  if (s.method == Normalisation::zscore && !(s.sd > 0))
    throw ValidationError("zscore: the target sd must be positive");
  if (s.method == Normalisation::distance_to_reference && s.reference.empty())
    throw ValidationError(
        "distance_to_reference needs a reference unit: "
        "distance_to_reference(reference=CODE)");
  return s;
}

AggSpec parse_agg_spec(std::string_view text) {
  const Call c = parse_call(text);
  AggSpec s;
  s.method = parse_aggregation(c.name);
  for (const auto& [k, v] : c.params) {
    if (k == "power" || k == "p")
      s.power = to_number(k, v);
    else if (k == "min_share")
      s.min_share = to_number(k, v);
    else
      unknown_parameter(c.name, k, "power, min_share");
  }
  if (s.method == Aggregation::generalised && s.power == 0)
    throw ValidationError(
        "generalised: the power must not be 0 (that limit is the geometric mean)");
  if (s.min_share < 0 || s.min_share > 1)
    throw ValidationError("min_share must be between 0 and 1");
  return s;
}

void apply_preset(PipelineOptions& o, Preset preset) {
  const bool asem = preset == Preset::coinr_asem;
  o.denominate = asem;
  o.imputation = asem ? Imputation::group_mean : Imputation::none;
  o.impute_group = asem ? "EurAsia_group" : "";
  o.screen.min_availability = asem ? 0.9 : 0;
  o.treat = asem;
}

void set_option(PipelineOptions& o, std::string_view key, std::string_view value) {
  const std::string k(key);
  auto starts = [&](std::string_view prefix) { return key.substr(0, prefix.size()) == prefix; };
  auto rest = [&](std::string_view prefix) {
    const std::string r(key.substr(prefix.size()));
    if (r.empty()) throw ValidationError("option '" + k + "' needs a code after the dot");
    return r;
  };
  if (k == "preset")
    apply_preset(o, kPresets.parse(value));
  else if (k == "time")
    o.time = to_number(k, value);
  else if (k == "panel_impute")
    o.panel_imputation = parse_panel_imputation(value);
  else if (k == "max_time")
    o.max_time = static_cast<int>(to_number(k, value));
  else if (k == "denominate")
    o.denominate = to_bool(k, value);
  else if (k == "impute")
    o.imputation = parse_imputation(value);
  else if (k == "impute_group")
    o.impute_group = std::string(value);
  else if (starts("impute."))
    o.impute_by_indicator[rest("impute.")] = parse_imputation(value);
  else if (k == "screen")
    o.screen.min_availability = to_number(k, value);
  else if (k == "min_nonzero")
    o.screen.min_nonzero = to_number(k, value);
  else if (k == "include")
    o.screen.include = to_list(value);
  else if (k == "exclude")
    o.screen.exclude = to_list(value);
  else if (k == "treat")
    o.treat = to_bool(k, value);
  else if (k == "max_points")
    o.treatment.max_points = static_cast<int>(to_number(k, value));
  else if (k == "skew_limit")
    o.treatment.skew_limit = to_number(k, value);
  else if (k == "kurt_limit")
    o.treatment.kurt_limit = to_number(k, value);
  else if (k == "winsorise")
    o.treatment.winsorise = to_bool(k, value);
  else if (k == "transform")
    o.treatment = parse_treat(o.treatment, value);
  else if (k == "boxcox_lambda")
    o.treatment.boxcox_lambda = to_number(k, value);
  else if (starts("treat."))
    o.treat_by_indicator[rest("treat.")] = parse_treat(o.treatment, value);
  else if (k == "normalise")
    o.normalisation = parse_norm_spec(value);
  else if (starts("normalise."))
    o.normalise_by_indicator[rest("normalise.")] = parse_norm_spec(value);
  else if (k == "weight_set")
    o.weight_set = std::string(value);
  else if (starts("weight."))
    o.weights[rest("weight.")] = to_number(k, value);
  else if (k == "aggregate")
    o.aggregation = parse_agg_spec(value);
  else if (k == "keep_data_sets")
    o.keep_data_sets = to_bool(k, value);
  else if (k == "keep_indicators")
    o.keep_indicators = to_bool(k, value);
  else if (k == "threads") {
    const double t = to_number(k, value);
    if (!(t >= 1 && t <= 256 && t == std::floor(t)))
      throw ValidationError("option 'threads': a whole number from 1 to 256, not '" +
                            std::string(value) + "'");
    o.threads = static_cast<unsigned>(t);
  } else if (starts("aggregate.level.")) {
    const double level = to_number(k, rest("aggregate.level."));
    o.aggregate_by_level[static_cast<int>(level)] = parse_agg_spec(value);
  } else if (starts("aggregate."))
    o.aggregate_by_parent[rest("aggregate.")] = parse_agg_spec(value);
  else
    throw ValidationError(
        "unknown option '" + k +
        "'; accepted: preset, time, panel_impute, max_time, denominate, impute, impute.<iCode>, "
        "impute_group, screen, min_nonzero, include, exclude, treat, max_points, skew_limit, "
        "kurt_limit, winsorise, transform, boxcox_lambda, treat.<iCode>, normalise, "
        "normalise.<iCode>, weight_set, weight.<iCode>, aggregate, aggregate.level.<N>, "
        "aggregate.<iCode>, keep_data_sets, keep_indicators, threads");
  if (o.screen.min_availability < 0 || o.screen.min_availability > 1 || o.screen.min_nonzero < 0 ||
      o.screen.min_nonzero > 1)
    throw ValidationError("screening thresholds are shares between 0 and 1");
}

namespace {
template <class Table>
std::vector<std::pair<std::string_view, std::string_view>> pairs(const Table& table) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& e : table.entries) out.emplace_back(e.name, e.meaning);
  return out;
}
}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> choices(std::string_view kind) {
  if (kind == "imputation") return pairs(kImputations);
  if (kind == "panel_imputation") return pairs(kPanelImputations);
  if (kind == "normalisation") return pairs(kNormalisations);
  if (kind == "aggregation") return pairs(kAggregations);
  if (kind == "transform") return pairs(kTransforms);
  if (kind == "ties") return pairs(kTies);
  if (kind == "objective") return pairs(kWeightObjectives);
  if (kind == "data_set") return pairs(kDataSets);
  // A preset is a named set of choices rather than one option: listed apart (kPresets).
  if (kind == "preset") return pairs(kPresets);
  throw ValidationError("unknown kind of choice '" + std::string(kind) +
                        "'; accepted: imputation, panel_imputation, normalisation, aggregation, "
                        "transform, ties, objective, data_set");
}

Imputation parse_imputation(std::string_view name) { return kImputations.parse(name); }
PanelImputation parse_panel_imputation(std::string_view name) {
  return kPanelImputations.parse(name);
}
Normalisation parse_normalisation(std::string_view name) { return kNormalisations.parse(name); }
Aggregation parse_aggregation(std::string_view name) { return kAggregations.parse(name); }
Transform parse_transform(std::string_view name) { return kTransforms.parse(name); }

}  // namespace dxkit::index

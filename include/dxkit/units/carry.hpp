#pragma once
/// Series carried into the units of a date: observations per former unit and year become
/// values of the units valid at `as_of`, by a rule declared per indicator (sum for counts and
/// money, a weighted mean for shares, min / max, or not comparable for ranks and verdicts).
/// Every value says where it came from, by which rule, and whether a predecessor was missing.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/names.hpp"
#include "dxkit/units/registry.hpp"

namespace dxkit::units {

/// How the predecessors' values of one indicator combine.
enum class Rule : std::uint8_t { sum, weighted_mean, mean, min, max, not_comparable };

/// The rules by name (`weighted_mean` takes its weight: "weighted_mean(population)").
inline constexpr NameTable kRules{
    "carry rule",
    std::array{
        Named<Rule>{Rule::sum, "sum",
                    "total of the predecessors (counts, money: exact for integers), times shares"},
        Named<Rule>{Rule::weighted_mean, "weighted_mean",
                    "mean weighted by another indicator: weighted_mean(population), (GRDP)"},
        Named<Rule>{Rule::mean, "mean", "unweighted mean of the predecessors"},
        Named<Rule>{Rule::min, "min", "the smallest of the predecessors' values"},
        Named<Rule>{Rule::max, "max", "the largest of the predecessors' values"},
        Named<Rule>{Rule::not_comparable, "not_comparable",
                    "no value for a merged unit (ranks, verdicts); a renamed unit keeps its own"}}};

/// A rule and, for weighted_mean, the indicator that weighs.
struct DXKIT_API RuleSpec {
  Rule rule = Rule::not_comparable;
  std::string weight;
  /// "sum", "weighted_mean(population)".
  [[nodiscard]] std::string to_string() const;
};

/// "sum", "weighted_mean(GRDP)", ...; throws ValidationError listing the rules for an unknown
/// name, and for weighted_mean without a weight or another rule with one.
[[nodiscard]] DXKIT_API RuleSpec parse_rule(std::string_view text);

/// One value of one unit for one indicator and year, as read (`exact` when it was an integer).
struct DXKIT_API Observation {
  std::string unit;
  std::string indicator;
  int year = 0;
  double value = 0;
  std::optional<std::int64_t> exact;
  Location where;
};

/// A value of a unit valid at the date, with its provenance.
struct DXKIT_API Carried {
  std::size_t unit = 0;  ///< index in the registry
  std::string indicator;
  int year = 0;
  std::optional<double> value;        ///< nullopt: not comparable, or a sum missing a part
  std::optional<std::int64_t> exact;  ///< the integer total of a sum of integers, whole shares
  RuleSpec rule;
  std::vector<std::string> from;     ///< predecessors whose values were used ("name (share)")
  std::vector<std::string> missing;  ///< predecessors without a value (or without a weight)
  bool derived = false;              ///< false: the unit's own value, passed through
  [[nodiscard]] bool complete() const noexcept { return missing.empty(); }
};

/// The carried values (by unit in registry order, then indicator, then year) and warnings.
struct DXKIT_API Carry {
  std::vector<Carried> values;
  Diagnostics notes;
};

/// Carries `observations` into the units valid at `as_of`. Each observation's unit is the one
/// of that name valid at the end of its year, else the one valid during its year. Rules:
/// `rules[indicator]`; an indicator without one is a ValidationError naming it. A sum missing a
/// predecessor has no value; other rules use the predecessors present; both get a warning.
/// weighted_mean(population) with no population among the observations weighs by the shipped
/// 2024 population of the 63 provinces (population.hpp), whatever the year, and a note says so
/// (as compare_rankings does); a unit outside the 63 then has no weight (missing). Throws
/// ValidationError for a unit unknown or ambiguous in its year, a duplicate observation, or integer
/// overflow of an exact sum.
[[nodiscard]] DXKIT_API Carry carry(const Registry& registry,
                                    const std::vector<Observation>& observations,
                                    const std::map<std::string, RuleSpec>& rules,
                                    const Date& as_of);

}  // namespace dxkit::units

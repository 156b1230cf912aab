#pragma once
/// A ranking of the units of one year (the 34 provinces of DTI 2025) beside the previous
/// year's ranking of the units they were formed from (the 63 of DTI 2024): each unit's
/// predecessors with their ranks and scores, a previous score carried by a declared rule
/// (population-weighted by default) and ranked among the carried scores, and every change
/// marked "across the reorganisation" unless the unit is the same unit as the year before.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/units/carry.hpp"

namespace dxkit::units {

/// One unit's score in a ranking, as read (higher is better; ranks are computed).
struct DXKIT_API RankedScore {
  std::string unit;
  double score = 0;
  Location where;
};

/// One unit of the current ranking and what it was the year before.
struct DXKIT_API RankAcross {
  std::size_t unit = 0;  ///< index in the registry
  double score = 0;
  int rank = 0;                           ///< competition rank, 1 = highest score
  std::vector<std::string> predecessors;  ///< "Thái Bình (rank 3, 0.41)", previous year
  std::optional<double> previous_score;   ///< carried by the rule; nullopt when not computable
  std::optional<int> previous_rank;       ///< rank of the carried score among the carried
  std::optional<double> score_change;     ///< score - previous_score
  std::optional<int> rank_change;         ///< previous_rank - rank (positive = moved up)
  bool across = false;  ///< true: compared across the reorganisation, not like for like
  std::vector<std::string> missing;  ///< predecessors without a previous score or weight
};

/// The comparison, ordered by current rank, with the rule used and the warnings.
struct DXKIT_API RankingAcross {
  std::vector<RankAcross> rows;
  RuleSpec rule;
  Diagnostics notes;
};

/// Compares `current` (units valid at `as_of`, scores of `year`) with `previous` (units of
/// `previous_year`). `rule` carries the previous scores (default weighted_mean(population));
/// `weights` gives the weight of each previous unit by name. Without weights,
/// weighted_mean(population) over provinces() weighs by the shipped population (2024, see
/// population.hpp), stated in the notes; any other weight, a registry of the user's, or scores
/// of a year after 2024 have no default, a ValidationError saying what to pass (or use rule
/// "mean" to compare unweighted, stated in the result). Unknown or ambiguous names are located
/// errors.
[[nodiscard]] DXKIT_API RankingAcross compare_rankings(
    const Registry& registry, const std::vector<RankedScore>& current, int year,
    const std::vector<RankedScore>& previous, int previous_year,
    const std::map<std::string, double>& weights, const RuleSpec& rule, const Date& as_of);

/// A ranking of `year` (the 63 of DTI 2024) expressed in the units valid at `as_of`: each
/// unit's score carried from its predecessors by `rule` (weighted_mean(population) by default,
/// with `weights` by former unit, else the shipped population as in compare_rankings; or mean,
/// min, max), ranked among the carried scores (competition ranks), `across` true for a merged
/// unit. `previous_*` stay empty. Throws ValidationError as compare_rankings does (a weighted
/// rule without weights and without a shipped default, an unknown or ambiguous name at its
/// location, listing the close matches).
[[nodiscard]] DXKIT_API RankingAcross carry_ranking(const Registry& registry,
                                                    const std::vector<RankedScore>& scores,
                                                    int year,
                                                    const std::map<std::string, double>& weights,
                                                    const RuleSpec& rule, const Date& as_of);

}  // namespace dxkit::units

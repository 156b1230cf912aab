// Rankings across the reorganisation: the previous year's scores are carried into the current
// units by carry(), then ranked among themselves, so a merged province is compared with what
// its predecessors were together, never with one of them as if nothing had changed.
#include "dxkit/units/ranking.hpp"

#include <algorithm>
#include <cstdio>

#include "dxkit/units/population.hpp"

namespace dxkit::units {

namespace {

// Competition ranks ("1224"), highest first.
std::vector<int> ranks(const std::vector<double>& scores) {
  std::vector<int> out(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    int above = 0;
    for (double s : scores) above += s > scores[i] ? 1 : 0;
    out[i] = above + 1;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// The weights of a weighted rule: the user's when given; else, for weighted_mean(population)
// over the shipped provinces, the shipped population, stated in `notes`. Any other weight, or a
// registry without the 63 provinces, has no default: the error says what to pass.
std::map<std::string, double> weights_for(const Registry& registry,
                                          const std::map<std::string, double>& weights,
                                          const RuleSpec& rule, int year, Diagnostics& notes) {
  if (rule.rule != Rule::weighted_mean || !weights.empty()) return weights;
  const Population& p = shipped_population();
  const std::string pass = ", so pass them (weights), or choose the rule 'mean'";
  if (!is_population(rule.weight))
    throw ValidationError("the rule " + rule.to_string() +
                          " needs the weight of each previous unit: dxkit ships only the "
                          "population (" +
                          std::to_string(p.year) + ") of the 63 provinces" + pass);
  std::map<std::string, double> out;
  try {
    out = shipped_population_weights(registry, year);
  } catch (const ValidationError& e) {
    throw ValidationError("the rule " + rule.to_string() + " needs the weight of each previous " +
                          "unit: " + e.message());
  }
  notes.push_back({{},
                   Severity::note,
                   "weights",
                   std::to_string(year) + " scores weighted by the population of " +
                       std::to_string(p.year) + " (source: " + p.source +
                       "), shipped with dxkit; pass weights to use others"});
  return out;
}

// The previous scores as observations, carried by `rule` (weights added for weighted_mean).
Carry carry_scores(const Registry& registry, const std::vector<RankedScore>& scores, int year,
                   const std::map<std::string, double>& given, const RuleSpec& rule,
                   const Date& as_of) {
  if (rule.rule == Rule::sum || rule.rule == Rule::not_comparable)
    throw ValidationError("a previous score is carried by weighted_mean, mean, min or max, not " +
                          rule.to_string());
  Diagnostics notes;
  const std::map<std::string, double> weights = weights_for(registry, given, rule, year, notes);
  std::vector<Observation> obs;
  for (const RankedScore& s : scores)
    obs.push_back({s.unit, "score", year, s.score, std::nullopt, s.where});
  if (rule.rule == Rule::weighted_mean)
    for (const auto& [name, w] : weights)
      obs.push_back({name, rule.weight, year, w, std::nullopt, {}});
  Carry out = carry(registry, obs, {{"score", rule}}, as_of);
  out.notes.insert(out.notes.begin(), notes.begin(), notes.end());
  return out;
}

// "Thái Bình (rank 3, 0.41)" for each unit of `year` that became (part of) `unit` by `as_of`.
std::vector<std::string> predecessor_labels(
    const Registry& registry, std::size_t unit, int year, const Date& as_of,
    const std::map<std::size_t, std::pair<int, double>>& before) {
  std::vector<std::string> out;
  for (std::size_t u = 0; u < registry.units().size(); ++u) {
    if (!registry.unit(u).valid_during(Date(year, 1, 1), Date(year, 12, 31))) continue;
    for (const Destination& d : registry.destinations(u, as_of))
      if (d.unit == unit) {
        auto b = before.find(u);
        out.push_back(registry.unit(u).name + (b == before.end()
                                                   ? " (not ranked)"
                                                   : " (rank " + std::to_string(b->second.first) +
                                                         ", " + number(b->second.second) + ")"));
      }
  }
  return out;
}

// Registry index -> (rank, score) of each unit of a ranking of `year`.
std::map<std::size_t, std::pair<int, double>> ranked(const Registry& registry,
                                                     const std::vector<RankedScore>& scores,
                                                     int year) {
  std::vector<double> values;
  for (const RankedScore& s : scores) values.push_back(s.score);
  const std::vector<int> r = ranks(values);
  std::map<std::size_t, std::pair<int, double>> out;
  for (std::size_t k = 0; k < scores.size(); ++k)
    out[registry.resolve_during(scores[k].unit, Date(year, 1, 1), Date(year, 12, 31),
                                scores[k].where)] = {r[k], scores[k].score};
  return out;
}

}  // namespace

RankingAcross compare_rankings(const Registry& registry, const std::vector<RankedScore>& current,
                               int year, const std::vector<RankedScore>& previous,
                               int previous_year, const std::map<std::string, double>& weights,
                               const RuleSpec& rule, const Date& as_of) {
  RankingAcross out;
  out.rule = rule;
  const Carry carried = carry_scores(registry, previous, previous_year, weights, rule, as_of);
  out.notes = carried.notes;
  const auto before = ranked(registry, previous, previous_year);
  std::vector<double> scores;
  for (const RankedScore& s : current) {
    RankAcross row;
    row.unit = registry.resolve(s.unit, as_of, s.where);
    row.score = s.score;
    scores.push_back(s.score);
    for (const Carried& c : carried.values)
      if (c.unit == row.unit) {
        row.previous_score = c.value;
        row.across = c.derived;
        row.missing = c.missing;
      }
    row.predecessors = predecessor_labels(registry, row.unit, previous_year, as_of, before);
    out.rows.push_back(std::move(row));
  }
  const std::vector<int> now = ranks(scores);
  std::vector<double> carried_scores;
  for (std::size_t k = 0; k < out.rows.size(); ++k) {
    out.rows[k].rank = now[k];
    if (out.rows[k].previous_score) carried_scores.push_back(*out.rows[k].previous_score);
  }
  const std::vector<int> carried_ranks = ranks(carried_scores);
  for (std::size_t k = 0, j = 0; k < out.rows.size(); ++k) {
    RankAcross& r = out.rows[k];
    if (!r.previous_score) continue;
    r.previous_rank = carried_ranks[j++];
    r.score_change = r.score - *r.previous_score;
    r.rank_change = *r.previous_rank - r.rank;
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const RankAcross& a, const RankAcross& b) { return a.rank < b.rank; });
  out.notes.push_back({{},
                       Severity::note,
                       "carried",
                       std::to_string(previous_year) + " scores carried into the units of " +
                           as_of.iso() + " by " + rule.to_string() + " and ranked among " +
                           "themselves; a change marked across the reorganisation compares " +
                           "a unit with its predecessors, not like for like with " +
                           std::to_string(year)});
  return out;
}

RankingAcross carry_ranking(const Registry& registry, const std::vector<RankedScore>& scores,
                            int year, const std::map<std::string, double>& weights,
                            const RuleSpec& rule, const Date& as_of) {
  RankingAcross out;
  out.rule = rule;
  const Carry carried = carry_scores(registry, scores, year, weights, rule, as_of);
  out.notes = carried.notes;
  const auto before = ranked(registry, scores, year);
  std::vector<double> values;
  for (const Carried& c : carried.values) {
    if (c.indicator != "score" || !c.value) continue;
    RankAcross row;
    row.unit = c.unit;
    row.score = *c.value;
    row.across = c.derived;
    row.missing = c.missing;
    row.predecessors = predecessor_labels(registry, c.unit, year, as_of, before);
    values.push_back(row.score);
    out.rows.push_back(std::move(row));
  }
  const std::vector<int> r = ranks(values);
  for (std::size_t k = 0; k < out.rows.size(); ++k) out.rows[k].rank = r[k];
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const RankAcross& a, const RankAcross& b) { return a.rank < b.rank; });
  out.notes.push_back({{},
                       Severity::note,
                       "carried",
                       std::to_string(year) + " scores carried into the units of " + as_of.iso() +
                           " by " + rule.to_string() + " and ranked among themselves: a rank " +
                           "marked across the reorganisation is a merged unit's, computed from " +
                           "its predecessors, not a published one"});
  return out;
}

}  // namespace dxkit::units

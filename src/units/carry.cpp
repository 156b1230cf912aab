// Carrying series across a reorganisation. Which predecessors a new unit should have in a year
// comes from the registry (the units valid that year that became it), not from the data, so a
// province left out of the input shows as missing rather than as a smaller total.
#include "dxkit/units/carry.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <tuple>

#include "dxkit/units/population.hpp"

namespace dxkit::units {

namespace {

std::string share_text(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", share);
  return buf;
}

struct Part {
  std::size_t unit;
  double share;
  const Observation* obs;
};

}  // namespace

std::string RuleSpec::to_string() const {
  std::string out(kRules.name(rule));
  if (!weight.empty()) out += "(" + weight + ")";
  return out;
}

RuleSpec parse_rule(std::string_view text) {
  std::string s(text);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  RuleSpec spec;
  const std::size_t open = s.find('(');
  if (open != std::string::npos) {
    if (s.back() != ')')
      throw ValidationError("carry rule '" + s + "': write weighted_mean(INDICATOR)");
    spec.weight = s.substr(open + 1, s.size() - open - 2);
    s = s.substr(0, open);
  }
  spec.rule = kRules.parse(s);
  if (spec.rule == Rule::weighted_mean && spec.weight.empty())
    throw ValidationError("carry rule 'weighted_mean' needs its weight: weighted_mean(population)");
  if (spec.rule != Rule::weighted_mean && !spec.weight.empty())
    throw ValidationError("carry rule '" + s + "' takes no weight; only weighted_mean does");
  return spec;
}

Carry carry(const Registry& registry, const std::vector<Observation>& observations,
            const std::map<std::string, RuleSpec>& rules, const Date& as_of) {
  Carry out;
  using Key = std::tuple<std::size_t, std::string, int>;
  std::map<Key, const Observation*> seen;
  for (const Observation& o : observations) {
    if (!rules.count(o.indicator)) {
      bool is_weight = false;
      for (const auto& [name, spec] : rules) is_weight = is_weight || spec.weight == o.indicator;
      if (!is_weight)
        throw ValidationError(
            "no carry rule for indicator '" + o.indicator + "'; declare one of: " + kRules.joined(),
            o.where);
    }
    // A year of the change has two units of one name: the year's figure belongs to the one
    // valid at the year's end; a unit that ended in the year is found by the whole year.
    std::size_t u = 0;
    try {
      u = registry.resolve(o.unit, Date(o.year, 12, 31), o.where);
    } catch (const ValidationError&) {
      u = registry.resolve_during(o.unit, Date(o.year, 1, 1), Date(o.year, 12, 31), o.where);
    }
    auto [at, fresh] = seen.emplace(Key{u, o.indicator, o.year}, &o);
    if (!fresh)
      throw ValidationError("a second value of '" + o.indicator + "' for " + o.unit + " in " +
                                std::to_string(o.year) + " (the first at " +
                                at->second->where.to_string() + ")",
                            o.where);
  }
  // weighted_mean(population) without a population in the input: the shipped one (2024, the
  // 63 provinces), said in a note per indicator with the years it weighed.
  std::set<std::string> given;
  for (const auto& [key, o] : seen) given.insert(std::get<1>(key));
  std::map<std::string, std::set<int>> shipped_for;        // indicator -> years weighed by it
  std::map<std::string, std::set<std::string>> unweighed;  // indicator -> units without it
  const auto shipped_weight = [&](const RuleSpec& spec) {
    return spec.rule == Rule::weighted_mean && !given.count(spec.weight) &&
           is_population(spec.weight);
  };
  std::map<Key, std::vector<Part>> groups;
  for (const auto& [key, o] : seen) {
    const auto& [u, indicator, year] = key;
    if (!rules.count(indicator)) continue;  // a weight only
    const auto dest = registry.destinations(u, as_of);
    if (dest.empty())
      out.notes.push_back({o->where, Severity::warning, "no_successor",
                           registry.unit(u).label() + " has no successor valid on " + as_of.iso() +
                               "; its '" + indicator + "' is not carried"});
    for (const Destination& d : dest) groups[{d.unit, indicator, year}].push_back({u, d.share, o});
  }
  for (auto& [key, parts] : groups) {
    const auto& [target, indicator, year] = key;
    const RuleSpec& spec = rules.at(indicator);
    Carried c{target, indicator, year, std::nullopt, std::nullopt, spec, {}, {}, true};
    const auto& unit = target;  // a lambda may not capture a structured binding (clang 14)
    const auto own =
        std::find_if(parts.begin(), parts.end(), [&unit](const Part& p) { return p.unit == unit; });
    if (own != parts.end()) {
      c.value = own->obs->value;
      c.exact = own->obs->exact;
      c.derived = false;
      c.from.push_back(registry.unit(target).name);
      out.values.push_back(std::move(c));
      continue;
    }
    // The predecessors the registry expects: units valid in the year that became the target.
    const Date first(year, 1, 1), last(year, 12, 31);
    std::set<std::size_t> present;
    for (const Part& p : parts) present.insert(p.unit);
    std::vector<std::size_t> expected;
    for (std::size_t u = 0; u < registry.units().size(); ++u) {
      if (u == target || !registry.unit(u).valid_during(first, last)) continue;
      for (const Destination& d : registry.destinations(u, as_of))
        if (d.unit == target) expected.push_back(u);
    }
    for (std::size_t u : expected)
      if (!present.count(u)) c.missing.push_back(registry.unit(u).name);
    std::vector<Part> used;
    std::vector<double> weights;
    for (const Part& p : parts) {
      if (spec.rule == Rule::weighted_mean && shipped_weight(spec)) {
        const auto persons = shipped_population_of(registry, p.unit);
        if (!persons) {
          c.missing.push_back(registry.unit(p.unit).name + " (no " + spec.weight + ")");
          unweighed[indicator].insert(registry.unit(p.unit).name);
          continue;
        }
        weights.push_back(static_cast<double>(*persons) * p.share);
        shipped_for[indicator].insert(year);
      } else if (spec.rule == Rule::weighted_mean) {
        auto w = seen.find(Key{p.unit, spec.weight, year});
        if (w == seen.end()) {
          c.missing.push_back(registry.unit(p.unit).name + " (no " + spec.weight + ")");
          continue;
        }
        weights.push_back(w->second->value * p.share);
      }
      used.push_back(p);
      c.from.push_back(registry.unit(p.unit).name +
                       (p.share < 1 ? " (share " + share_text(p.share) + ")" : ""));
    }
    const std::string what = registry.unit(target).name + " " + std::to_string(year) + " '" +
                             indicator + "' (" + spec.to_string() + ")";
    if (!c.missing.empty()) {
      std::string list;
      for (const auto& m : c.missing) list += (list.empty() ? "" : ", ") + m;
      out.notes.push_back(
          {parts.front().obs->where, Severity::warning, "missing_predecessor",
           what + ": no value for " + list +
               (spec.rule == Rule::sum ? "; the sum is left empty" : "; carried from the others")});
    }
    const bool rename =
        used.size() == 1 && used.front().share == 1 && expected.size() == 1 && c.missing.empty();
    if (used.empty()) {
      // nothing to compute from
    } else if (rename) {
      c.value = used.front().obs->value;
      c.exact = used.front().obs->exact;
    } else if (spec.rule == Rule::not_comparable) {
      // A merged unit has no value of a rank or a verdict.
    } else if (spec.rule == Rule::sum) {
      if (c.missing.empty()) {
        const bool integers = std::all_of(
            used.begin(), used.end(), [](const Part& p) { return p.obs->exact && p.share == 1; });
        if (integers) {
          std::int64_t total = 0;
          for (const Part& p : used)
            if (__builtin_add_overflow(total, *p.obs->exact, &total))
              throw ValidationError(what + ": the sum overflows 64-bit integers", p.obs->where);
          c.exact = total;
          c.value = static_cast<double>(total);
        } else {
          double total = 0;
          for (const Part& p : used) total += p.obs->value * p.share;
          c.value = total;
        }
      }
    } else if (spec.rule == Rule::weighted_mean || spec.rule == Rule::mean) {
      double num = 0, den = 0;
      for (std::size_t k = 0; k < used.size(); ++k) {
        const double w = spec.rule == Rule::mean ? used[k].share : weights[k];
        num += used[k].obs->value * w;
        den += w;
      }
      if (den > 0)
        c.value = num / den;
      else
        out.notes.push_back({parts.front().obs->where, Severity::warning, "zero_weight",
                             what + ": the weights sum to 0; no value"});
    } else {
      double v = used.front().obs->value;
      for (const Part& p : used)
        v = spec.rule == Rule::min ? std::min(v, p.obs->value) : std::max(v, p.obs->value);
      c.value = v;
    }
    out.values.push_back(std::move(c));
  }
  Diagnostics stated;
  for (const auto& [indicator, years] : shipped_for) {
    const Population& p = shipped_population();
    std::string list;
    for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    const auto none = unweighed.find(indicator);
    std::string others;
    if (none != unweighed.end())
      for (const auto& n : none->second) others += (others.empty() ? "" : ", ") + n;
    stated.push_back({{},
                      Severity::note,
                      "weights",
                      "'" + indicator + "' of " + list + " weighted by the population of " +
                          std::to_string(p.year) + " (source: " + p.source +
                          "), shipped with dxkit; give '" + rules.at(indicator).weight +
                          "' observations to use others" +
                          (others.empty() ? "" : "; no shipped population for " + others)});
  }
  out.notes.insert(out.notes.begin(), stated.begin(), stated.end());
  return out;
}

}  // namespace dxkit::units

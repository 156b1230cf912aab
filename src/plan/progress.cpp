// Progress toward targets: required and observed pace, status, projection.
#include "dxkit/plan/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "dxkit/error.hpp"

namespace dxkit {

namespace {

bool meets(const Target& t, double v) {
  const TargetPart& p = t.parts[0];
  switch (p.condition) {
    case Condition::at_least:
      return v >= p.low;
    case Condition::more_than:
      return v > p.low;
    case Condition::at_most:
      return v <= p.low;
    case Condition::less_than:
      return v < p.low;
    case Condition::within:
      return v >= p.low;  // within reach of the range: at least its start
    case Condition::milestone:
      return false;
  }
  return false;
}

double pace(double from, double to, double years, bool compound) {
  if (compound) return std::pow(to / from, 1.0 / years) - 1;
  return (to - from) / years;
}

}  // namespace

std::vector<Progress> progress(const std::vector<Observation>& all, const ProgressOptions& o) {
  std::map<std::string, std::vector<const Observation*>> by;
  std::vector<std::string> order;
  for (const Observation& x : all) {
    if (o.as_of_year && x.kind != Observation::Kind::target && x.year > *o.as_of_year) continue;
    if (!by.count(x.indicator)) order.push_back(x.indicator);
    by[x.indicator].push_back(&x);
  }
  std::vector<Progress> out;
  for (const std::string& code : order) {
    auto& xs = by[code];
    std::stable_sort(xs.begin(), xs.end(), [](auto a, auto b) { return a->year < b->year; });
    const Observation* base = nullptr;
    const Observation* latest = nullptr;
    std::vector<const Observation*> targets;
    for (const Observation* x : xs) {
      if (x->kind == Observation::Kind::baseline && !base) base = x;
      if (x->kind == Observation::Kind::result) {
        if (!base) base = x;
        latest = x;
      }
      if (x->kind == Observation::Kind::target) {
        // A later document restating the same year's target replaces the earlier one.
        if (!targets.empty() && targets.back()->year == x->year)
          targets.back() = x;
        else
          targets.push_back(x);
      }
    }
    if (latest && base && latest->year < base->year) latest = base;
    // Path points: the baseline, then every target after it.
    std::optional<std::pair<double, double>> start;
    std::string start_label;
    if (base) {
      start = std::pair{static_cast<double>(base->year), base->value};
      start_label = "baseline " + std::to_string(base->year);
    }
    for (const Observation* tg : targets) {
      Progress p;
      p.indicator = code;
      p.name = tg->name.empty() ? (base ? base->name : "") : tg->name;
      p.target_year = tg->year;
      p.target_text = tg->text;
      p.target = tg->value;
      p.lower_is_better = tg->target->parts[0].direction() == Direction::lower_is_better;
      if (base) {
        p.baseline_year = base->year;
        p.baseline = base->value;
      }
      if (latest) {
        p.latest_year = latest->year;
        p.latest = latest->value;
      }
      if (latest && tg->year <= latest->year) {
        // A target year already reached by the data: met or missed, no pace to judge. The
        // result of that year (or the latest before it) decides.
        const Observation* at = nullptr;
        for (const Observation* x : xs)
          if (x->kind == Observation::Kind::result && x->year <= tg->year) at = x;
        if (at) {
          p.latest_year = at->year;
          p.latest = at->value;
          p.status = meets(*tg->target, at->value) ? "achieved" : "missed";
          out.push_back(std::move(p));
          continue;
        }
      }
      if (base && tg->year <= base->year) continue;  // a target for a year before the data
      const bool enough = base && latest && latest->year > base->year;
      if (start) {
        p.path_from = start_label;
        const double years = tg->year - start->first;
        if (years > 0 && (!o.compound || (start->second > 0 && tg->value > 0)))
          p.required = pace(start->second, tg->value, years, o.compound);
      }
      if (latest && meets(*tg->target, latest->value)) {
        p.status = "achieved";
      } else if (!enough || !p.required) {
        p.status = "insufficient_data";
      } else {
        const double years = latest->year - base->year;
        if (o.compound && !(base->value > 0 && latest->value > 0)) {
          p.status = "insufficient_data";
        } else {
          p.observed = pace(base->value, latest->value, years, o.compound);
          const double remaining = tg->year - latest->year;
          p.projected = o.compound ? latest->value * std::pow(1 + *p.observed, remaining)
                                   : latest->value + *p.observed * remaining;
          if (*p.required == 0) {
            p.status = "insufficient_data";  // nothing required, yet not met: no pace to judge
          } else {
            p.ratio = *p.observed / *p.required;
            p.status = *p.ratio >= o.on_track       ? "on_track"
                       : *p.ratio >= o.acceleration ? "acceleration_needed"
                       : *p.ratio >= o.limited      ? "limited_progress"
                                                    : "deteriorating";
          }
          // The year the target is reached at the observed pace, if it is ever reached.
          const double gap = tg->value - latest->value;
          if (!o.compound && *p.observed != 0 && gap / *p.observed > 0)
            p.year_reached = latest->year + gap / *p.observed;
          if (o.compound && *p.observed > 0 && tg->value > latest->value)
            p.year_reached =
                latest->year + std::log(tg->value / latest->value) / std::log(1 + *p.observed);
          if (o.compound && *p.observed < 0 && tg->value < latest->value)
            p.year_reached =
                latest->year + std::log(tg->value / latest->value) / std::log(1 + *p.observed);
        }
      }
      out.push_back(std::move(p));
      // The next stretch of the path starts at this target.
      start = std::pair{static_cast<double>(tg->year), tg->value};
      start_label = "target " + std::to_string(tg->year);
    }
  }
  return out;
}

}  // namespace dxkit

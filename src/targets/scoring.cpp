#include "dxkit/targets/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dxkit/error.hpp"
#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double safe_ratio(double num, double den, double cap) noexcept {
  double r;
  if (den == 0) {
    r = num == 0 ? 1.0 : (num > 0 ? cap : -cap);
  } else {
    r = num / den;
  }
  return std::clamp(r, -cap, cap);
}

// The achievement ratio of value v against bound x (see ScoringOptions for the zero rules):
// v / x when higher is better, x / v when lower is better; a lower-is-better value of 0 or
// less against a bound >= 0 is the best possible (the cap), 0/0 is 1. Against a bound below
// 0 (a fall to reach) lower is better reads v / x: -1 against -2 is half way, any v >= 0 none.
double achievement_ratio(double v, double x, bool lower, double cap) noexcept {
  if (lower && v <= 0 && x >= 0) return (x == 0 && v == 0) ? 1.0 : cap;
  if (lower && x < 0) return safe_ratio(v, x, cap);
  return lower ? safe_ratio(x, v, cap) : safe_ratio(v, x, cap);
}

// What a result is known to be: the closed or open interval [lo, hi].
struct Known {
  double lo, hi;
  bool lo_open, hi_open;
};

Known known_of(double v, ResultKind kind) {
  switch (kind) {
    case ResultKind::above:
      return {v, kInf, true, false};
    case ResultKind::below:
      return {-kInf, v, false, true};
    default:
      return {v, v, false, false};
  }
}

Evaluation score_milestone(const ResultPart& r) {
  Evaluation e;
  e.has_data = true;
  e.estimate = r.estimate;
  switch (r.kind) {
    case ResultKind::done:
      e.ratio = 1;
      e.met = true;
      return e;
    case ResultKind::not_done:
      e.ratio = 0;
      return e;
    case ResultKind::fraction:
      e.ratio = r.value / r.denominator;
      break;
    default:
      if (!r.percent)
        throw ValidationError(
            "the target is a milestone; its result must be Hoàn thành, Chưa hoàn thành or the "
            "percentage done (78%), not '" +
            r.describe() + "'");
      e.ratio = r.value / 100.0;
  }
  // "trên 50%" done: the progress is above 50%, so the milestone is not known to be done.
  e.met = r.kind != ResultKind::below && e.ratio >= 1;
  e.ratio = std::clamp(e.ratio, 0.0, 1.0);
  return e;
}

Evaluation score_part(const TargetPart& t, const ResultPart& r, const ScoringOptions& o) {
  if (t.condition == Condition::milestone) return score_milestone(r);
  if (r.kind == ResultKind::done || r.kind == ResultKind::not_done)
    throw ValidationError("the target is numeric (" + t.describe() +
                          "); its result must be a number, not '" + r.describe() + "'");
  if (r.percent && !t.percent && r.kind != ResultKind::fraction)
    throw ValidationError("the result is a percentage (" + r.describe() +
                          ") but the target is a count (" + t.describe() + ")");
  double v = r.value;
  if (r.kind == ResultKind::fraction) v = r.value / r.denominator * (t.percent ? 100.0 : 1.0);
  const Known k = known_of(v, r.kind);

  Evaluation e;
  e.has_data = true;
  e.estimate = r.estimate;
  const double x = t.low;
  switch (t.condition) {
    case Condition::at_least:
      e.met = k.lo >= x;
      e.exceeded = e.met && (k.lo > x || k.lo_open);
      e.ratio = achievement_ratio(v, x, false, o.ratio_cap);
      break;
    case Condition::more_than:
      e.met = k.lo > x || (k.lo_open && k.lo >= x);
      e.exceeded = e.met;
      e.ratio = achievement_ratio(v, x, false, o.ratio_cap);
      break;
    case Condition::at_most:
      e.met = k.hi <= x;
      e.exceeded = e.met && (k.hi < x || k.hi_open);
      e.ratio = achievement_ratio(v, x, true, o.ratio_cap);
      break;
    case Condition::less_than:
      e.met = k.hi < x || (k.hi_open && k.hi <= x);
      e.exceeded = e.met;
      e.ratio = achievement_ratio(v, x, true, o.ratio_cap);
      break;
    case Condition::within:
      // Higher is better: the lower end is the bar to meet, above the upper end exceeds.
      e.met = k.lo >= t.low;
      e.exceeded = k.lo > t.high || (k.lo_open && k.lo >= t.high);
      e.ratio = achievement_ratio(v, t.low, false, o.ratio_cap);
      break;
    case Condition::milestone:
      break;
  }
  e.ratio = std::clamp(e.ratio, -o.ratio_cap, o.ratio_cap);
  return e;
}

std::string labels_of(const Target& t) {
  std::string out;
  for (const TargetPart& p : t.parts) {
    if (!out.empty()) out += ", ";
    out += p.label.empty() ? std::string("(no label)") : p.label;
  }
  return out;
}

}  // namespace

Evaluation evaluate(const Target& target, const Result& result, const ScoringOptions& options) {
  if (!result.has_data()) return {};
  if (target.parts.empty()) throw ValidationError("the target has no parts");
  if (target.parts.size() == 1 && result.parts.size() == 1)
    return score_part(target.parts[0], result.parts[0], options);

  // Compound: match result parts to target parts by label, else by position.
  const std::size_t n = target.parts.size();
  std::vector<const ResultPart*> matched(n, nullptr);
  bool labelled = false;
  for (const ResultPart& r : result.parts) labelled = labelled || !r.label.empty();
  if (labelled) {
    for (const ResultPart& r : result.parts) {
      const std::string key = text::label_key(r.label);
      std::size_t found = n;
      for (std::size_t i = 0; i < n; ++i)
        if (text::label_key(target.parts[i].label) == key) found = i;
      if (r.label.empty() || found == n)
        throw ValidationError("the result's label '" + r.label +
                              "' matches none of the target's parts (" + labels_of(target) + ")");
      if (matched[found])
        throw ValidationError("the result gives the label '" + r.label + "' twice");
      matched[found] = &r;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!matched[i])
        throw ValidationError("the result has no value for the target's part '" +
                              target.parts[i].label + "' (target parts: " + labels_of(target) +
                              ")");
  } else {
    if (result.parts.size() != n)
      throw ValidationError("the target has " + std::to_string(n) + " parts (" + labels_of(target) +
                            ") but the result has " + std::to_string(result.parts.size()) +
                            "; give one value per part, 'label: X; label: Y'");
    for (std::size_t i = 0; i < n; ++i) matched[i] = &result.parts[i];
  }
  Evaluation all;
  all.has_data = true;
  all.met = true;
  all.exceeded = true;
  all.ratio = options.ratio_cap;
  for (std::size_t i = 0; i < n; ++i) {
    Evaluation e = score_part(target.parts[i], *matched[i], options);
    all.ratio = std::min(all.ratio, e.ratio);
    all.met = all.met && e.met;
    all.exceeded = all.exceeded && e.exceeded;
    all.estimate = all.estimate || e.estimate;
  }
  return all;
}

void evaluate_numeric(std::span<const double> target, std::span<const double> actual,
                      std::span<const std::uint8_t> lower_is_better, std::span<double> ratio,
                      std::span<std::uint8_t> met, std::span<std::uint8_t> exceeded,
                      std::span<std::uint8_t> has_data, const ScoringOptions& o) {
  const std::size_t n = target.size();
  if (actual.size() != n || ratio.size() != n || met.size() != n || exceeded.size() != n ||
      has_data.size() != n || (!lower_is_better.empty() && lower_is_better.size() != n))
    throw ValidationError("evaluate_numeric: the arrays differ in length");
  const double cap = o.ratio_cap;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = target[i];
    const double v = actual[i];
    if (!std::isfinite(x))
      throw ValidationError("row " + std::to_string(i + 1) + ": the target is not a number");
    if (std::isnan(v)) {
      ratio[i] = 0;
      met[i] = exceeded[i] = has_data[i] = 0;
      continue;
    }
    if (std::isinf(v))
      throw ValidationError("row " + std::to_string(i + 1) + ": the result is infinite");
    has_data[i] = 1;
    const bool lower = !lower_is_better.empty() && lower_is_better[i] != 0;
    ratio[i] = achievement_ratio(v, x, lower, cap);
    met[i] = lower ? v <= x : v >= x;
    exceeded[i] = lower ? v < x : v > x;
  }
}

Scheme Scheme::exceed() {
  Scheme s;
  s.name_ = kSchemes.name(SchemeKind::exceed);
  using text::Verdict;
  const auto& v = text::verdicts();
  s.statuses_ = {{"exceeded", std::string(v.first(Verdict::exceeded))},
                 {"met", std::string(v.first(Verdict::met))},
                 {"not_met", std::string(v.first(Verdict::not_met))},
                 {"no_data", std::string(v.first(Verdict::no_data))}};
  return s;
}

Scheme Scheme::bands(std::vector<double> thresholds) {
  if (thresholds.empty()) throw ValidationError("the bands scheme needs at least one threshold");
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    double t = thresholds[i];
    if (!(t > 0 && t <= 100))
      throw ValidationError("band thresholds must lie in (0, 100]; got " + format_number(t));
    if (i > 0 && !(t < thresholds[i - 1]))
      throw ValidationError("band thresholds must be strictly decreasing (e.g. 90,50)");
  }
  Scheme s;
  s.name_ = kSchemes.name(SchemeKind::bands);
  s.thresholds_ = std::move(thresholds);
  s.statuses_.push_back({"met", std::string(text::verdicts().first(text::Verdict::completed))});
  for (double t : s.thresholds_) {
    std::string id = format_number(t, 4, NumberFormat::plain);
    s.statuses_.push_back({"ge_" + id, "Đạt trên " + format_number(t, 4) + "% mục tiêu"});
  }
  const std::string last = format_number(s.thresholds_.back(), 4);
  s.statuses_.push_back({"lt_" + format_number(s.thresholds_.back(), 4, NumberFormat::plain),
                         "Đạt dưới " + last + "% mục tiêu"});
  s.statuses_.push_back({"no_data", std::string(text::verdicts().first(text::Verdict::no_data))});
  return s;
}

Scheme Scheme::from_name(std::string_view name, std::vector<double> thresholds) {
  switch (kSchemes.parse(name)) {
    case SchemeKind::exceed:
      return exceed();
    case SchemeKind::bands:
      return bands(std::move(thresholds));
  }
  throw ValidationError("unknown scheme '" + std::string(name) + "'");  // not reached
}

std::vector<std::pair<std::string_view, std::string_view>> target_choices(std::string_view kind) {
  if (kind != "scheme")
    throw ValidationError("unknown kind of choice '" + std::string(kind) + "'; accepted: scheme");
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& e : kSchemes.entries) out.emplace_back(e.name, e.meaning);
  return out;
}

}  // namespace dxkit

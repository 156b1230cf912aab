#include "dxkit/targets/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "dxkit/error.hpp"
#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "targets/scorer.hpp"

namespace dxkit {

namespace {

// Exact values: every comparison a verdict depends on is made on the decimals as written
// (detail/exact.hpp), never on their binary approximations.
using detail::compare;
using detail::exact;
using detail::Int128;
using detail::Rational;
using targets_detail::achievement_ratio;
using targets_detail::lower_is_better;
using targets_detail::milestone_fast;
using targets_detail::numeric_fast;
using targets_detail::QuickScore;
using targets_detail::Scorer;
using targets_detail::verdict;

// An Evaluation of the fast path's score.
Evaluation evaluation_of(const QuickScore& q, bool estimate) noexcept {
  Evaluation e;
  e.has_data = true;
  e.estimate = estimate;
  e.met = q.met;
  e.exceeded = q.exceeded;
  e.ratio = q.ratio;
  e.exact_ratio = Rational{q.num, q.den};
  return e;
}

// ---- The general path ---------------------------------------------------------------------

// The exact ratio of value v against bound x under the rules of achievement_ratio; den 0 where
// a rule (the cap, 0/0) decides the ratio, or where it lies beyond the cap (then clamped).
Rational exact_ratio(const Rational& v, const Rational& x, bool lower, double cap) {
  const Rational none{0, 0};
  const Rational zero{0, 1};
  Rational r;
  if (lower && compare(v, zero) <= 0 && compare(x, zero) >= 0) {
    if (x.num == 0 && v.num == 0) return Rational{1, 1};
    return none;
  }
  if (lower && x.num < 0) {
    r = detail::divided(v, x);
  } else if (lower) {
    r = detail::divided(x, v);
  } else {
    if (x.num == 0) return v.num == 0 ? Rational{1, 1} : none;
    r = detail::divided(v, x);
  }
  if (!std::isfinite(cap)) return r;
  const Rational c = exact(cap);
  if (compare(r, c) > 0 || compare(r, Rational{-c.num, c.den}) < 0) return none;
  return r;
}

Evaluation score_milestone(const ResultPart& r, bool general_only) {
  Evaluation e;
  e.has_data = true;
  e.estimate = r.estimate;
  Rational done;
  switch (r.kind) {
    case ResultKind::done:
      e.ratio = 1;
      e.met = true;
      e.exact_ratio = Rational{1, 1};
      return e;
    case ResultKind::not_done:
      e.ratio = 0;
      e.exact_ratio = Rational{0, 1};
      return e;
    case ResultKind::fraction:
      if (QuickScore q; !general_only && milestone_fast(r, q)) return evaluation_of(q, r.estimate);
      done = detail::divided(exact(r.value), exact(r.denominator));
      break;
    default:
      if (!r.percent)
        throw ValidationError(
            "the target is a milestone; its result must be Hoàn thành, Chưa hoàn thành or the "
            "percentage done (78%), not '" +
            r.describe() + "'");
      if (QuickScore q; !general_only && milestone_fast(r, q)) return evaluation_of(q, r.estimate);
      done = detail::divided(exact(r.value), Rational{100, 1});
  }
  // "trên 50%" done: the progress is above 50%, so the milestone is not known to be done.
  e.met = r.kind != ResultKind::below && compare(done, Rational{1, 1}) >= 0;
  if (compare(done, Rational{1, 1}) > 0) done = Rational{1, 1};
  if (compare(done, Rational{0, 1}) < 0) done = Rational{0, 1};
  e.exact_ratio = done;
  e.ratio = detail::to_double(done);
  return e;
}

Evaluation score_part(const TargetPart& t, const ResultPart& r, const Scorer& s) {
  if (t.condition == Condition::milestone) return score_milestone(r, s.general_only());
  if (r.kind == ResultKind::done || r.kind == ResultKind::not_done)
    throw ValidationError("the target is numeric (" + t.describe() +
                          "); its result must be a number, not '" + r.describe() + "'");
  if (r.percent && !t.percent && r.kind != ResultKind::fraction)
    throw ValidationError("the result is a percentage (" + r.describe() +
                          ") but the target is a count (" + t.describe() + ")");
  if (QuickScore q; !s.general_only() && numeric_fast(t, r, s.limits(), q))
    return evaluation_of(q, r.estimate);
  Evaluation e;
  e.has_data = true;
  e.estimate = r.estimate;

  const ScoringOptions& o = s.options();
  Rational v = exact(r.value);
  if (r.kind == ResultKind::fraction) {
    v = detail::divided(v, exact(r.denominator));
    if (t.percent) v = detail::times(v, Rational{100, 1});
  }
  // What the result is known to be: v itself, or an open side above / below it.
  const bool above = r.kind == ResultKind::above;
  const bool below = r.kind == ResultKind::below;
  const Rational low = exact(t.low);
  const Rational high = exact(t.high);
  const double vd = detail::to_double(v);
  const bool lower = lower_is_better(t.condition);
  verdict(
      t.condition, above, below, [&] { return compare(v, low); }, [&] { return compare(v, high); },
      e);
  e.ratio = std::clamp(achievement_ratio(vd, t.low, lower, o.ratio_cap), -o.ratio_cap, o.ratio_cap);
  e.exact_ratio = exact_ratio(v, low, lower, o.ratio_cap);
  if (e.exact_ratio.den != 0) e.ratio = detail::to_double(e.exact_ratio);
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

namespace targets_detail {

Evaluation Scorer::score(const Target& target, const Result& result) const {
  if (!result.has_data()) return {};
  if (target.parts.empty()) throw ValidationError("the target has no parts");
  if (target.parts.size() == 1 && result.parts.size() == 1)
    return score_part(target.parts[0], result.parts[0], *this);

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
  all.ratio = options_.ratio_cap;
  for (std::size_t i = 0; i < n; ++i) {
    Evaluation e = score_part(target.parts[i], *matched[i], *this);
    all.ratio = std::min(all.ratio, e.ratio);
    all.met = all.met && e.met;
    all.exceeded = all.exceeded && e.exceeded;
    all.estimate = all.estimate || e.estimate;
  }
  return all;
}

}  // namespace targets_detail

Evaluation evaluate(const Target& target, const Result& result, const ScoringOptions& options) {
  Evaluation e = Scorer(options).score(target, result);
  if (e.exact_ratio.den != 0) e.exact_ratio = detail::lowest_terms(e.exact_ratio);
  return e;
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

// A band's ratio against the exact thresholds (has data, not met, an exact ratio).
std::uint8_t Scheme::classify_exact(const Evaluation& e) const noexcept {
  for (std::size_t i = 0; i < exact_thresholds_.size(); ++i) {
    auto c = detail::compare_small(e.exact_ratio, exact_thresholds_[i]);
    if (!c) c = detail::compare_if_fits(e.exact_ratio, exact_thresholds_[i]);
    // A table's evaluations keep the ratio unreduced: in lowest terms it may fit.
    if (!c) c = detail::compare_if_fits(detail::lowest_terms(e.exact_ratio), exact_thresholds_[i]);
    if (!c) return classify(e.ratio, e.has_data, e.met, e.exceeded);
    if (*c >= 0) return static_cast<std::uint8_t>(i + 1);
  }
  return static_cast<std::uint8_t>(statuses_.size() - 2);
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
  for (double t : s.thresholds_)
    s.exact_thresholds_.push_back(detail::divided(exact(t), Rational{100, 1}));
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

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

// Exact values: every comparison a verdict depends on is made on the decimals as written
// (detail/exact.hpp), never on their binary approximations.
using detail::compare;
using detail::exact;
using detail::Int128;
using detail::Rational;
using targets_detail::QuickScore;
using targets_detail::Scorer;

// met and exceeded from how the result compares with the bound (`low`) and with the upper
// end of a range (`high`), for the fast path and the general one alike. The comparisons are
// functions, called only when the verdict needs them (a general one can throw on overflow).
template <class Low, class High, class Out>
[[gnu::always_inline]] inline void verdict(Condition condition, bool above, bool below, Low low,
                                           High high, Out& e) {
  switch (condition) {
    case Condition::at_least:
    case Condition::within: {
      // The result's lower end: v, open when "trên v". Higher is better.
      const auto c = below ? std::strong_ordering::less : low();
      e.met = c >= 0;
      if (condition == Condition::at_least) {
        e.exceeded = e.met && (c > 0 || above);
      } else {
        const auto h = below ? std::strong_ordering::less : high();
        e.exceeded = h > 0 || (above && h >= 0);
      }
      break;
    }
    case Condition::more_than: {
      const auto c = below ? std::strong_ordering::less : low();
      e.met = c > 0 || (above && c >= 0);
      e.exceeded = e.met;
      break;
    }
    case Condition::at_most: {
      const auto c = above ? std::strong_ordering::greater : low();
      e.met = c <= 0;
      e.exceeded = e.met && (c < 0 || below);
      break;
    }
    case Condition::less_than: {
      const auto c = above ? std::strong_ordering::greater : low();
      e.met = c < 0 || (below && c <= 0);
      e.exceeded = e.met;
      break;
    }
    case Condition::milestone:
      break;
  }
}

bool lower_is_better(Condition c) noexcept {
  return c == Condition::at_most || c == Condition::less_than;
}

// ---- The fast path ------------------------------------------------------------------------
// Every number is a short decimal (detail::Decimal, read when the part was parsed): integers
// num / den, and a comparison a <=> b is a.num b.den <=> b.num a.den, taken in 64 bits with
// the overflow flag checked. Nothing is reduced (no gcd), which changes no comparison; a ratio
// becomes a double only when both its terms are at most 2^53, where they are exact doubles
// and one division rounds the exact quotient, as to_double() of the reduced ratio does.
// Whatever does not fit (a long decimal, a product beyond 2^63, a term beyond 2^53) returns
// false before anything is written, and the general path below scores it: the same verdicts,
// and the overflow errors.

constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;

struct Small {
  std::int64_t num;
  std::int64_t den;  // > 0
};

bool mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}

// -2^53 <= x <= 2^53, in one unsigned comparison (the sum wraps for x below -2^53).
inline bool within_2_53(std::int64_t x) noexcept {
  constexpr auto k = static_cast<std::uint64_t>(kExactInDouble);
  return static_cast<std::uint64_t>(x) + k <= 2 * k;
}

inline bool exact_in_double(std::int64_t num, std::int64_t den) noexcept {
  return within_2_53(num) && within_2_53(den);
}

// The decimal read when the number was parsed, or read now (a part built by hand).
inline bool small_of(double value, const detail::Decimal& read, Small& out) noexcept {
  if (read.reads(value)) [[likely]] {
    out = {read.digits, read.scale()};
    return true;
  }
  const detail::Decimal d = detail::decimal_of(value);
  if (d.places < 0) return false;
  out = {d.digits, d.scale()};
  return true;
}

// The result's value: a fraction's quotient (x 100 against a percentage when `times100`).
inline bool small_result(const ResultPart& r, bool times100, Small& v) noexcept {
  if (!small_of(r.value, r.exact_value, v)) return false;
  if (r.kind != ResultKind::fraction) return true;
  Small b;
  std::int64_t num;
  std::int64_t den;
  if (!small_of(r.denominator, r.exact_denominator, b) || b.num == 0 || !mul(v.num, b.den, num) ||
      !mul(v.den, b.num, den) || (times100 && !mul(num, 100, num)) || !exact_in_double(num, den))
    return false;
  v = den < 0 ? Small{-num, -den} : Small{num, den};
  return true;
}

// score_milestone for a numeric result (a percentage done, or a fraction).
bool milestone_fast(const ResultPart& r, QuickScore& q) noexcept {
  Small done;
  if (r.kind == ResultKind::fraction) {
    if (!small_result(r, false, done)) return false;
  } else if (!small_of(r.value, r.exact_value, done) || !mul(done.den, 100, done.den)) {
    return false;
  }
  const bool met = r.kind != ResultKind::below && done.num >= done.den;
  if (done.num > done.den) done = {1, 1};
  if (done.num < 0) done = {0, 1};
  if (done.den > kExactInDouble) return false;  // 0 <= num <= den
  q.met = met;
  q.exceeded = false;
  q.num = done.num;
  q.den = done.den;
  q.ratio = static_cast<double>(done.num) / static_cast<double>(done.den);
  return true;
}

// score_part for a numeric target, its checks made.
// Inline: the table kernel (Scorer::quick) calls it once per row.
[[gnu::always_inline]] inline bool numeric_fast(const TargetPart& t, const ResultPart& r,
                                                const Scorer& s, QuickScore& e) {
  Small v;
  Small low;
  // A decimal's terms are below 10^15 (so within 2^53); a fraction's were checked.
  if (!small_result(r, t.percent, v) || !small_of(t.low, t.exact_low, low)) return false;
  const double cap = s.options().ratio_cap;
  const bool capped = s.capped();
  if (capped && s.cap().places < 0) return false;
  // v <=> low is p <=> q; v / low is p / q, low / v is q / p.
  std::int64_t p;
  std::int64_t q;
  if (!mul(v.num, low.den, p) || !mul(low.num, v.den, q)) return false;
  auto high = std::strong_ordering::equal;
  if (t.condition == Condition::within) {
    Small h;
    std::int64_t a;
    std::int64_t b;
    if (!small_of(t.high, t.exact_high, h) || !mul(v.num, h.den, a) || !mul(h.num, v.den, b))
      return false;
    high = a <=> b;
  }

  // The ratio by the rules of exact_ratio (below): a rule's value (1, or none: den 0), or a
  // quotient within the cap.
  const bool lower = lower_is_better(t.condition);
  std::int64_t num = 1;
  std::int64_t den = 1;
  bool rule = false;
  if (lower && v.num <= 0 && low.num >= 0) {
    rule = true;
    if (!(low.num == 0 && v.num == 0)) den = 0;
  } else if (lower && low.num < 0) {
    num = p;
    den = q;
  } else if (lower) {
    num = q;
    den = p;
  } else if (low.num == 0) {
    rule = true;
    if (v.num != 0) den = 0;
  } else {
    num = p;
    den = q;
  }
  if (!rule) {
    if (!exact_in_double(num, den)) return false;
    if (den < 0) {
      num = -num;
      den = -den;
    }
    // A ratio within [-1, 1] is within a cap of at least 1 (the usual row: no products).
    if (capped && !(s.cap_at_least_one() && num <= den && num >= -den)) {
      std::int64_t a;
      std::int64_t b;
      if (!mul(num, s.cap().scale(), a) || !mul(s.cap().digits, den, b) ||
          b == std::numeric_limits<std::int64_t>::min())
        return false;
      if (a > b || a < -b) den = 0;
    }
  }

  verdict(
      t.condition, r.kind == ResultKind::above, r.kind == ResultKind::below,
      [&] { return p <=> q; }, [&] { return high; }, e);
  e.num = num;
  e.den = den;
  if (den == 0) {
    const double vd = static_cast<double>(v.num) / static_cast<double>(v.den);
    e.num = 0;
    e.ratio = std::clamp(achievement_ratio(vd, t.low, lower, cap), -cap, cap);
  } else {
    e.ratio = static_cast<double>(num) / static_cast<double>(den);
  }
  return true;
}

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
  if (QuickScore q; !s.general_only() && numeric_fast(t, r, s, q))
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

bool Scorer::quick(const TargetPart& t, const ResultPart& r, QuickScore& out) const noexcept {
  if (general_only_) return false;
  if (t.condition == Condition::milestone) {
    switch (r.kind) {
      case ResultKind::done:
        out = QuickScore{1, 1, 1, true, false};
        return true;
      case ResultKind::not_done:
        out = QuickScore{0, 0, 1, false, false};
        return true;
      case ResultKind::fraction:
        return milestone_fast(r, out);
      default:
        return r.percent && milestone_fast(r, out);
    }
  }
  // The cases score_part refuses: the general path raises their errors.
  if (r.kind == ResultKind::done || r.kind == ResultKind::not_done ||
      (r.percent && !t.percent && r.kind != ResultKind::fraction))
    return false;
  return numeric_fast(t, r, *this, out);
}

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

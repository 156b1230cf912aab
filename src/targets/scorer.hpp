#pragma once
// Scoring a table row by row: what evaluate() needs besides the options is read once per table
// (the ratio cap as a decimal), and the exact ratio of an evaluation is left unreduced (the
// bands compare it by value; the public evaluate() reduces it for its callers). The fast path
// (targets_detail::quick and what it calls) is defined here, inline, so that the table loop of
// evaluate.cpp compiles it into its own body: one call per row was a tenth of its cost.
#include <algorithm>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>

#include "dxkit/targets/detail/exact.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit::targets_detail {

/// One part scored without an Evaluation: what the table kernel writes, with the exact ratio
/// as 64-bit terms, num / den with den > 0, or den 0 where a rule (the cap, 0/0) decides the
/// ratio.
struct QuickScore {
  double ratio = 0;
  std::int64_t num = 0;
  std::int64_t den = 0;
  bool met = false;
  bool exceeded = false;
};

/// What the fast path reads of the options: the ratio cap, as a double and as a decimal. A
/// table's loop keeps a copy of its own (in registers, not read again after every write).
struct Limits {
  double cap = 0;
  std::int64_t cap_digits = 0;  ///< the cap as digits / cap_scale when cap_short
  std::int64_t cap_scale = 1;
  bool capped = true;      ///< the cap is finite
  bool cap_short = false;  ///< the cap is a short decimal
  bool numeric = true;     ///< !capped || cap_short: else a numeric target goes the general way
  bool cap_at_least_one = true;  ///< a ratio within [-1, 1] is then never capped
};

inline Limits limits_of(const ScoringOptions& options) noexcept {
  const detail::Decimal cap = detail::decimal_of(options.ratio_cap);
  Limits l;
  l.cap = options.ratio_cap;
  l.capped = std::isfinite(options.ratio_cap);
  l.cap_short = cap.places >= 0;
  if (l.cap_short) {
    l.cap_digits = cap.digits;
    l.cap_scale = cap.scale();
  }
  l.numeric = !l.capped || l.cap_short;
  l.cap_at_least_one = options.ratio_cap >= 1;
  return l;
}

class Scorer {
 public:
  /// `general_only`: every part by the general (128-bit, reduced) arithmetic, never the fast
  /// path; for the tests that hold the two paths to the same verdicts.
  explicit Scorer(const ScoringOptions& options, bool general_only = false) noexcept
      : options_(options), limits_(limits_of(options)), general_only_(general_only) {}

  /// evaluate(target, result, options), with exact_ratio not necessarily in lowest terms.
  [[nodiscard]] Evaluation score(const Target& target, const Result& result) const;

  [[nodiscard]] const ScoringOptions& options() const noexcept { return options_; }
  [[nodiscard]] const Limits& limits() const noexcept { return limits_; }
  [[nodiscard]] bool general_only() const noexcept { return general_only_; }

 private:
  ScoringOptions options_;
  Limits limits_;
  bool general_only_ = false;
};

inline double safe_ratio(double num, double den, double cap) noexcept {
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
inline double achievement_ratio(double v, double x, bool lower, double cap) noexcept {
  if (lower && v <= 0 && x >= 0) return (x == 0 && v == 0) ? 1.0 : cap;
  if (lower && x < 0) return safe_ratio(v, x, cap);
  return lower ? safe_ratio(x, v, cap) : safe_ratio(v, x, cap);
}

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

inline bool lower_is_better(Condition c) noexcept {
  return c == Condition::at_most || c == Condition::less_than;
}

// ---- The fast path ------------------------------------------------------------------------
// Every number is a short decimal (detail::Decimal, read when the part was parsed): integers
// num / den, and a comparison a <=> b is a.num b.den <=> b.num a.den, taken in 64 bits with
// the overflow flag checked. Nothing is reduced (no gcd), which changes no comparison; a ratio
// becomes a double only when both its terms are at most 2^53, where they are exact doubles
// and one division rounds the exact quotient, as to_double() of the reduced ratio does.
// Whatever does not fit (a long decimal, a product beyond 2^63, a term beyond 2^53) returns
// false before anything is written, and the general path (scoring.cpp) scores it: the same
// verdicts, and the overflow errors.

constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;

struct Small {
  std::int64_t num;
  std::int64_t den;  // > 0
};

inline bool mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
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
inline bool milestone_fast(const ResultPart& r, QuickScore& q) noexcept {
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
[[gnu::always_inline]] inline bool numeric_fast(const TargetPart& t, const ResultPart& r,
                                                const Limits& s, QuickScore& e) noexcept {
  Small v;
  Small low;
  // A decimal's terms are below 10^15 (so within 2^53); a fraction's were checked.
  if (!small_result(r, t.percent, v) || !small_of(t.low, t.exact_low, low)) return false;
  const double cap = s.cap;
  const bool capped = s.capped;
  if (!s.numeric) return false;
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
    if (capped && !(s.cap_at_least_one && num <= den && num >= -den)) {
      std::int64_t a;
      std::int64_t b;
      if (!mul(num, s.cap_scale, a) || !mul(s.cap_digits, den, b) ||
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

// A one-part target against a one-part result, when every number is a short decimal and nothing
// can fail: true with `out` as Scorer::score() would give it (has_data, the result's estimate
// flag); false when score() must decide (it may raise the error). A table's loop calls it with
// its own copy of the scorer's limits (the fast path, so never for a general_only scorer).
[[gnu::always_inline]] inline bool quick(const TargetPart& t, const ResultPart& r,
                                         const Limits& limits, QuickScore& out) noexcept {
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
  return numeric_fast(t, r, limits, out);
}

}  // namespace dxkit::targets_detail

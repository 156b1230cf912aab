#include "dxkit/targets/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "targets/bare_share.hpp"
#include "targets/scorer.hpp"

namespace dxkit {

namespace targets_detail {

void warn_bare_shares(const Target& t, const Result& result, double ratio, const Location& where,
                      Diagnostics& warnings) {
  bool percent_target = false;
  for (const TargetPart& p : t.parts)
    percent_target = percent_target || (p.percent && p.condition != Condition::milestone);
  if (!percent_target) return;
  for (const ResultPart& r : result.parts) {
    if (!bare_share(r)) continue;
    const std::string v = format_number(r.value, 4);
    std::string message = "the result '" + (r.label.empty() ? "" : r.label + ": ") + v +
                          "' has no '%' against the percentage target '" + t.text + "': read as " +
                          v + "%";
    if (t.parts.size() == 1 && result.parts.size() == 1)
      message += " (" + format_number(ratio * 100, 2) + "% of the target)";
    message += "; if it is the share " + format_number(r.value * 100, 4) + "%, write '" +
               format_number(r.value * 100, 4) + "%' (or format the cell as a percentage)";
    warnings.push_back(Diagnostic{where, Severity::warning, "bare_share", std::move(message)});
  }
}

}  // namespace targets_detail

namespace {

using targets_detail::bare_share;

// Row `i`, which has data and scored `ratio`; called from the scoring loop, while the row's
// target and result are in cache.
void warn_bare_shares(const IndicatorTable& table, std::size_t i, double ratio,
                      Diagnostics& warnings) {
  Location where = table.where(i, table.actual_header);
  where.column = table.actual_column;
  targets_detail::warn_bare_shares(table.targets[i], table.results[i], ratio, where, warnings);
}

// Scheme::classify of a quick score without building an Evaluation: the bands compared on the
// 64-bit terms, a/b (the threshold / 100 in lowest terms) against num/den, by the sign of
// num·b − a·den; Scheme::classify of the Evaluation when a product overflows.
class QuickStatus {
 public:
  explicit QuickStatus(const Scheme& scheme)
      : scheme_(scheme),
        no_bands_(scheme.thresholds().empty()),
        last_band_(static_cast<std::uint8_t>(scheme.statuses().size() - 2)) {
    for (double t : scheme.thresholds()) {
      const detail::Rational x = detail::divided(detail::exact(t), detail::Rational{100, 1});
      // 0 < x <= 1 (Scheme::bands checked the thresholds), so only the denominator can fail
      // to fit; the rest is checked too, as the kernel's int64 products rely on all of it.
      if (x.num != static_cast<std::int64_t>(x.num) || x.den != static_cast<std::int64_t>(x.den) ||
          x.den <= 0) {
        bands_.clear();
        exact_ = false;
        return;
      }
      bands_.push_back({static_cast<std::int64_t>(x.num), static_cast<std::int64_t>(x.den)});
    }
  }

  std::uint8_t operator()(const targets_detail::QuickScore& q) const noexcept {
    // Scheme::classify's first rules, without reading the scheme again.
    if (no_bands_) return q.exceeded ? 0 : (q.met ? 1 : 2);
    if (q.met) return 0;
    if (q.den == 0) return scheme_.classify(q.ratio, true, false, q.exceeded);
    if (exact_) {
      for (std::size_t i = 0; i < bands_.size(); ++i) {
        std::int64_t left;
        std::int64_t right;
        if (__builtin_mul_overflow(q.num, bands_[i].den, &left) ||
            __builtin_mul_overflow(bands_[i].num, q.den, &right))
          return by_evaluation(q);
        if (left >= right) return static_cast<std::uint8_t>(i + 1);
      }
      return last_band_;
    }
    return by_evaluation(q);
  }

 private:
  struct Band {
    std::int64_t num;
    std::int64_t den;
  };

  std::uint8_t by_evaluation(const targets_detail::QuickScore& q) const noexcept {
    Evaluation e;
    e.ratio = q.ratio;
    e.has_data = true;
    e.met = q.met;
    e.exceeded = q.exceeded;
    e.exact_ratio = detail::Rational{q.num, q.den};
    return scheme_.classify(e);
  }

  const Scheme& scheme_;
  bool no_bands_;
  std::uint8_t last_band_;  // below every band
  std::vector<Band> bands_;
  bool exact_ = true;
};

}  // namespace

std::vector<std::size_t> EvaluationTable::counts() const {
  std::vector<std::size_t> out(scheme.statuses().size(), 0);
  for (std::uint8_t s : status) ++out[s];
  return out;
}

void EvaluationTable::classify() {
  status.resize(ratio.size());
  for (std::size_t i = 0; i < ratio.size(); ++i)
    status[i] = scheme.classify(ratio[i], has_data[i], met[i], exceeded[i]);
}

EvaluationTable evaluate(const IndicatorTable& table, const Scheme& scheme,
                         const ScoringOptions& options) {
  const std::size_t n = table.size();
  EvaluationTable out;
  out.scheme = scheme;
  out.ratio.resize(n);
  out.has_data.resize(n);
  out.met.resize(n);
  out.exceeded.resize(n);
  out.estimate.resize(n);
  out.status.resize(n);
  const targets_detail::Scorer scorer(options);
  const targets_detail::Limits limits = scorer.limits();  // a copy: kept in registers
  const QuickStatus quick_status(scheme);
  const auto no_data = static_cast<std::uint8_t>(scheme.statuses().size() - 1);
  // The columns and the rows through local pointers: a byte written through a column may alias
  // anything, so the vectors' own pointers would be read again after every write.
  const Target* const targets = table.targets.data();
  const Result* const results = table.results.data();
  double* const ratio = out.ratio.data();
  std::uint8_t* const has_data = out.has_data.data();
  std::uint8_t* const met = out.met.data();
  std::uint8_t* const exceeded = out.exceeded.data();
  std::uint8_t* const estimate = out.estimate.data();
  std::uint8_t* const status = out.status.data();
  // Compounds, long decimals, and the rows that may be errors: out of the loop's body.
  const auto general = [&](std::size_t i) __attribute__((noinline)) {
    const Target& target = targets[i];
    const Result& result = results[i];
    Evaluation e;
    try {
      e = scorer.score(target, result);
    } catch (const ValidationError& err) {
      throw ValidationError(
          err.message() + " (target '" + target.text + "', result '" + result.text + "')",
          table.where(i, table.actual_header));
    }
    ratio[i] = e.ratio;
    has_data[i] = e.has_data;
    met[i] = e.met;
    exceeded[i] = e.exceeded;
    estimate[i] = e.estimate;
    status[i] = scheme.classify(e);
    if (targets_detail::any_bare_share(result)) warn_bare_shares(table, i, e.ratio, out.warnings);
  };
  // Ctrl-C on a table of millions of rows: looked at before rows 65535, 65535 + 65536, ...
  constexpr std::size_t kPoll = 65536;
  for (std::size_t start = 0; start < n;) {
    if (start != 0) check_cancelled();
    const std::size_t end = std::min(n, start == 0 ? kPoll - 1 : start + kPoll);
    for (std::size_t i = start; i < end; ++i) {
      const Result& result = results[i];
      if (!result.has_data()) {  // the columns are zero already
        status[i] = no_data;
        continue;
      }
      const Target& target = targets[i];
      targets_detail::QuickScore q;
      if (target.parts.size() == 1 && result.parts.size() == 1 &&
          targets_detail::quick(target.parts[0], result.parts[0], limits, q)) {
        // The usual row: one part each, short decimals.
        const ResultPart& r = result.parts[0];
        ratio[i] = q.ratio;
        has_data[i] = 1;
        met[i] = q.met;
        exceeded[i] = q.exceeded;
        estimate[i] = r.estimate;
        status[i] = quick_status(q);
        if (bare_share(r)) [[unlikely]]
          warn_bare_shares(table, i, q.ratio, out.warnings);
        continue;
      }
      general(i);
    }
    start = end;
  }
  // Repeated codes: found once when the table was built, or here for a table put together by
  // hand.
  const Diagnostics found = table.code_warnings ? Diagnostics{} : repeated_codes(table);
  const Diagnostics& repeats = table.code_warnings ? *table.code_warnings : found;
  out.warnings.insert(out.warnings.end(), repeats.begin(), repeats.end());
  return out;
}

EvaluationTable evaluate(std::span<const double> target, std::span<const double> actual,
                         std::span<const std::uint8_t> lower_is_better, const Scheme& scheme,
                         const ScoringOptions& options) {
  const std::size_t n = target.size();
  EvaluationTable out;
  out.scheme = scheme;
  out.ratio.resize(n);
  out.has_data.resize(n);
  out.met.resize(n);
  out.exceeded.resize(n);
  out.estimate.assign(n, 0);
  evaluate_numeric(target, actual, lower_is_better, out.ratio, out.met, out.exceeded, out.has_data,
                   options);
  out.classify();
  return out;
}

}  // namespace dxkit

#include "dxkit/targets/evaluate.hpp"

#include <cstdint>
#include <vector>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "targets/scorer.hpp"

namespace dxkit {

namespace {

// A bare number of at most 1 ("0,99", no '%', no percent format) against a percentage target
// is most often a share written as a fraction of 1 (99 %) or a percent-formatted cell typed
// out; dxkit reads it as written (0,99 %) and says so, where it is, instead of scoring 1,02 %
// of the target in silence. A document's percent-formatted cell arrives as "99%" and is not
// warned about. Row `i`, which has data and scored `ratio`; called from the scoring loop, while the
// row's target and result are in cache.
bool bare_share(const ResultPart& r) noexcept {
  return !r.percent && r.kind != ResultKind::fraction && r.kind != ResultKind::done &&
         r.kind != ResultKind::not_done && r.value != 0 && r.value <= 1 && r.value >= -1;
}

void warn_bare_shares(const IndicatorTable& table, std::size_t i, double ratio,
                      Diagnostics& warnings) {
  const Target& t = table.targets[i];
  bool percent_target = false;
  for (const TargetPart& p : t.parts)
    percent_target = percent_target || (p.percent && p.condition != Condition::milestone);
  if (!percent_target) return;
  for (const ResultPart& r : table.results[i].parts) {
    if (!bare_share(r)) continue;
    const std::string v = format_number(r.value, 4);
    std::string message = "the result '" + (r.label.empty() ? "" : r.label + ": ") + v +
                          "' has no '%' against the percentage target '" + t.text + "': read as " +
                          v + "%";
    if (t.parts.size() == 1 && table.results[i].parts.size() == 1)
      message += " (" + format_number(ratio * 100, 2) + "% of the target)";
    message += "; if it is the share " + format_number(r.value * 100, 4) + "%, write '" +
               format_number(r.value * 100, 4) + "%' (or format the cell as a percentage)";
    Location where = table.where(i, table.actual_header);
    where.column = table.actual_column;
    warnings.push_back(
        Diagnostic{std::move(where), Severity::warning, "bare_share", std::move(message)});
  }
}

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
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 65536 == 65535) check_cancelled();  // Ctrl-C on a table of millions of rows
    Evaluation e;
    try {
      e = scorer.score(table.targets[i], table.results[i]);
    } catch (const ValidationError& err) {
      throw ValidationError(err.message() + " (target '" + table.targets[i].text + "', result '" +
                                table.results[i].text + "')",
                            table.where(i, table.actual_header));
    }
    out.ratio[i] = e.ratio;
    out.has_data[i] = e.has_data;
    out.met[i] = e.met;
    out.exceeded[i] = e.exceeded;
    out.estimate[i] = e.estimate;
    out.status[i] = scheme.classify(e);
    if (e.has_data) {
      bool bare = false;  // most rows have none: look before building anything
      for (const ResultPart& r : table.results[i].parts) bare = bare || bare_share(r);
      if (bare) warn_bare_shares(table, i, e.ratio, out.warnings);
    }
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

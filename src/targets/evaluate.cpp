#include "dxkit/targets/evaluate.hpp"

#include <string_view>
#include <unordered_map>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"

namespace dxkit {

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
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 65536 == 65535) check_cancelled();  // Ctrl-C on a table of millions of rows
    Evaluation e;
    try {
      e = evaluate(table.targets[i], table.results[i], options);
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
  }
  // A code seen before: one hash look-up a row.
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& code = table.indicators[i].code;
    if (code.empty()) continue;
    auto [it, fresh] = first.try_emplace(code, i);
    if (fresh) continue;
    const std::size_t line = table.lines.size() > it->second ? table.lines[it->second] : 0;
    Location where = table.where(i, "code");
    out.warnings.push_back(Diagnostic{std::move(where), Severity::warning, "duplicate_code",
                                      "indicator code '" + code + "' repeats line " +
                                          std::to_string(line) +
                                          ": both rows are scored and counted"});
  }
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

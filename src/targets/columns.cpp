// Why: a DataFrame of a million rows holds a few hundred distinct target and result texts
// (real columns repeat). Parsing each distinct text once, and scoring each distinct (target,
// result) pair once, makes the text path cost a look-up per row instead of a parse.
#include "dxkit/targets/columns.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "targets/bare_share.hpp"
#include "targets/repeated_codes.hpp"

namespace dxkit {

namespace {

constexpr std::int32_t kUnparsed = -1;

// The cell of `c` at row r ("" where there is none).
std::string_view cell(const CodedColumn& c, std::size_t r) {
  const std::int64_t k = c.codes[r];
  return k < 0 ? std::string_view() : std::string_view(c.values[static_cast<std::size_t>(k)]);
}

// Row r's line: its own in a file, r + 2 in a DataFrame (as a CSV of it would number it).
std::size_t line_of(std::span<const std::size_t> lines, std::size_t r) {
  return lines.empty() ? r + 2 : lines[r];
}

Location locate(const std::string& source, const CodedColumn& c, std::size_t row,
                std::span<const std::size_t> lines) {
  Location w;
  w.file = source;
  w.line = line_of(lines, row);
  w.column = c.position + 1;
  w.column_name = c.name;
  return w;
}

void check_codes(const CodedColumn& c, std::size_t rows) {
  if (c.codes.size() != rows) throw ValidationError("the columns differ in length");
  const auto n = static_cast<std::int64_t>(c.values.size());
  for (std::int64_t k : c.codes)
    if (k >= n) throw ValidationError("column '" + c.name + "': a code beyond its values");
}

// The first error of the table: the lowest row, and within a row direction, target, actual.
struct FirstError {
  std::size_t row = static_cast<std::size_t>(-1);
  int order = 0;
  std::optional<ParseError> error;
  void offer(std::size_t r, int o, ParseError e) {
    if (error && (r > row || (r == row && o >= order))) return;
    row = r;
    order = o;
    error = std::move(e);
  }
};

// Distinct describe() texts of `parsed` as labels, and each parsed item's label.
template <class T>
std::vector<std::int32_t> label(const std::vector<T>& parsed, std::vector<std::string>& labels) {
  std::unordered_map<std::string, std::int32_t> seen;
  std::vector<std::int32_t> out(parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    auto [it, fresh] =
        seen.try_emplace(parsed[i].describe(), static_cast<std::int32_t>(seen.size()));
    if (fresh) labels.push_back(it->first);
    out[i] = it->second;
  }
  return out;
}

// Row i's code cell as a table's repeated-code warning names it (no column number).
Location code_cell(const std::string& source, std::size_t i, std::span<const std::size_t> lines) {
  Location where;
  where.file = source;
  where.line = line_of(lines, i);
  where.column_name = "code";
  return where;
}

// The duplicate-code warnings of rows 0..n-1 whose code is code_at(i) (a string_view).
template <class CodeAt>
void warn_repeats(std::size_t n, const CodeAt& code_at, const std::string& source,
                  std::span<const std::size_t> lines, Diagnostics& out) {
  targets_detail::RepeatedCodes repeats;
  targets_detail::find_repeats(n, code_at, [&](std::size_t i, std::size_t seen) {
    if (!repeats.count()) return;
    out.push_back(targets_detail::RepeatedCodes::named(code_cell(source, i, lines), code_at(i),
                                                       line_of(lines, seen)));
  });
  repeats.finish(Location{source}, out);
}

// The duplicate-code warnings of evaluate(IndicatorTable) over a coded column: the same texts.
void warn_duplicates(const CodedColumn& code, const std::string& source,
                     std::span<const std::size_t> lines, Diagnostics& out) {
  // Two values may write the same text (1 and "1" in one object column): one id per text.
  std::unordered_map<std::string_view, std::size_t> ids;
  ids.reserve(code.values.size());
  std::vector<std::size_t> id(code.values.size());
  for (std::size_t v = 0; v < code.values.size(); ++v)
    id[v] = ids.try_emplace(code.values[v], ids.size()).first->second;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> first(ids.size(), kNone);
  targets_detail::RepeatedCodes repeats;
  for (std::size_t i = 0; i < code.codes.size(); ++i) {
    const std::int64_t k = code.codes[i];
    if (k < 0 || code.values[static_cast<std::size_t>(k)].empty()) continue;
    std::size_t& seen = first[id[static_cast<std::size_t>(k)]];
    if (seen == kNone) {
      seen = i;
      continue;
    }
    if (!repeats.count()) continue;
    out.push_back(targets_detail::RepeatedCodes::named(code_cell(source, i, lines),
                                                       code.values[static_cast<std::size_t>(k)],
                                                       line_of(lines, seen)));
  }
  repeats.finish(Location{source}, out);
}

}  // namespace

Diagnostics repeated_codes(std::span<const std::string_view> codes, const std::string& source) {
  Diagnostics out;
  warn_repeats(
      codes.size(), [&](std::size_t i) { return codes[i]; }, source, {}, out);
  return out;
}

CodedEvaluation evaluate_coded(const CodedColumn& target, const CodedColumn& actual,
                               const CodedColumn* direction, const CodedColumn* code,
                               const Scheme& scheme, NumberFormat format, const std::string& source,
                               const ScoringOptions& options, std::span<const std::size_t> lines) {
  if (!lines.empty() && lines.size() != target.codes.size())
    throw ValidationError("the lines and the columns differ in length");
  const std::size_t n = target.codes.size();
  check_codes(target, n);
  check_codes(actual, n);
  if (direction) check_codes(*direction, n);
  if (code) check_codes(*code, n);
  FirstError first;

  // Directions: 0 none given (or unreadable: its error comes first on its row), 1 higher, 2 lower.
  std::vector<std::uint8_t> dir_of(direction ? direction->values.size() : 0, 0);
  if (direction) {
    std::vector<std::uint8_t> tried(dir_of.size(), 0);
    for (std::size_t r = 0; r < n; ++r) {
      const std::int64_t k = direction->codes[r];
      if (k < 0 || tried[static_cast<std::size_t>(k)]) continue;
      tried[static_cast<std::size_t>(k)] = 1;
      const std::string& text = direction->values[static_cast<std::size_t>(k)];
      if (text.empty()) continue;
      try {
        dir_of[static_cast<std::size_t>(k)] =
            parse_direction(text) == Direction::lower_is_better ? 2 : 1;
      } catch (const ParseError& e) {
        first.offer(r, 0, e.at(locate(source, *direction, r, lines)));
      }
    }
  }
  auto dir_at = [&](std::size_t r) -> std::uint8_t {
    if (!direction) return 0;
    const std::int64_t k = direction->codes[r];
    return k < 0 ? 0 : dir_of[static_cast<std::size_t>(k)];
  };

  // Targets, parsed once per (text, direction); results once per text; in row order, so the
  // first failure of a column is its lowest failing row.
  std::vector<Target> targets;
  std::vector<std::int32_t> target_slot((target.values.size() + 1) * 3, kUnparsed);
  std::vector<std::int32_t> target_of(n);
  bool target_failed = false;
  for (std::size_t r = 0; r < n && !target_failed; ++r) {
    const std::int64_t k = target.codes[r];
    const std::size_t v = k < 0 ? target.values.size() : static_cast<std::size_t>(k);
    const std::uint8_t d = dir_at(r);
    std::int32_t& slot = target_slot[v * 3 + d];
    if (slot == kUnparsed) {
      TargetOptions o;
      o.format = format;
      if (d) o.direction = d == 2 ? Direction::lower_is_better : Direction::higher_is_better;
      try {
        targets.push_back(parse_target(cell(target, r), o));
        slot = static_cast<std::int32_t>(targets.size() - 1);
      } catch (const ParseError& e) {
        first.offer(r, 1, e.at(locate(source, target, r, lines)));
        target_failed = true;
      }
    }
    target_of[r] = slot;
  }
  std::vector<Result> results;
  std::vector<std::int32_t> result_slot(actual.values.size() + 1, kUnparsed);
  std::vector<std::int32_t> result_of(n);
  for (std::size_t r = 0; r < n; ++r) {
    const std::int64_t k = actual.codes[r];
    const std::size_t v = k < 0 ? actual.values.size() : static_cast<std::size_t>(k);
    std::int32_t& slot = result_slot[v];
    if (slot == kUnparsed) {
      try {
        results.push_back(parse_result(cell(actual, r), format));
        slot = static_cast<std::int32_t>(results.size() - 1);
      } catch (const ParseError& e) {
        first.offer(r, 2, e.at(locate(source, actual, r, lines)));
        break;
      }
    }
    result_of[r] = slot;
  }
  if (first.error) throw *first.error;

  // Each distinct (target, result) pair scored once where the pairs fit a small table.
  CodedEvaluation out;
  EvaluationTable& ev = out.evaluation;
  ev.scheme = scheme;
  ev.ratio.resize(n);
  ev.has_data.resize(n);
  ev.met.resize(n);
  ev.exceeded.resize(n);
  ev.estimate.resize(n);
  ev.status.resize(n);
  const std::size_t pairs = targets.size() * results.size();
  constexpr std::size_t kMaxPairs = std::size_t{1} << 20;
  std::vector<std::int32_t> pair_slot(pairs <= kMaxPairs ? pairs : 0, kUnparsed);
  std::vector<Evaluation> scored;
  std::vector<std::uint8_t> status_of;
  // Whether a scored pair's result is a bare share: its rows are warned about one by one.
  std::vector<std::uint8_t> bare_of;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 65536 == 65535) check_cancelled();
    const auto t = static_cast<std::size_t>(target_of[i]);
    const auto a = static_cast<std::size_t>(result_of[i]);
    std::int32_t p = kUnparsed;
    if (!pair_slot.empty()) p = pair_slot[t * results.size() + a];
    if (p == kUnparsed) {
      Evaluation e;
      try {
        e = evaluate(targets[t], results[a], options);
      } catch (const ValidationError& err) {
        Location where;
        where.file = source;
        where.line = line_of(lines, i);
        where.column_name = actual.name;
        throw ValidationError(
            err.message() + " (target '" + targets[t].text + "', result '" + results[a].text + "')",
            where);
      }
      scored.push_back(e);
      status_of.push_back(scheme.classify(e));
      // As evaluate(IndicatorTable): a result with data (Result::has_data) and a bare part.
      bare_of.push_back(results[a].has_data() && targets_detail::any_bare_share(results[a]));
      p = static_cast<std::int32_t>(scored.size() - 1);
      if (!pair_slot.empty()) pair_slot[t * results.size() + a] = p;
    }
    const Evaluation& e = scored[static_cast<std::size_t>(p)];
    ev.ratio[i] = e.ratio;
    ev.has_data[i] = e.has_data;
    ev.met[i] = e.met;
    ev.exceeded[i] = e.exceeded;
    ev.estimate[i] = e.estimate;
    ev.status[i] = status_of[static_cast<std::size_t>(p)];
    if (bare_of[static_cast<std::size_t>(p)]) [[unlikely]]
      targets_detail::warn_bare_shares(targets[t], results[a], e.ratio,
                                       locate(source, actual, i, lines), ev.warnings);
    if (pair_slot.empty()) {  // too many pairs to keep: score every row afresh
      scored.clear();
      status_of.clear();
      bare_of.clear();
    }
  }
  if (code) warn_duplicates(*code, source, lines, ev.warnings);

  const std::vector<std::int32_t> target_label = label(targets, out.target_labels);
  const std::vector<std::int32_t> result_label = label(results, out.actual_labels);
  out.target_codes.resize(n);
  out.actual_codes.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.target_codes[i] = target_label[static_cast<std::size_t>(target_of[i])];
    out.actual_codes[i] = result_label[static_cast<std::size_t>(result_of[i])];
  }
  return out;
}

CodedEvaluation evaluate(const CodedTable& table, const Scheme& scheme,
                         const ScoringOptions& options) {
  CodedEvaluation out =
      evaluate_coded(table.target, table.actual, table.direction ? &*table.direction : nullptr,
                     nullptr, scheme, table.format, table.source, options, table.lines);
  // The repeated codes on the cells as read (no codes taken of a column of distinct codes).
  if (!table.codes.empty())
    warn_repeats(
        table.codes.size(), [&](std::size_t i) { return std::string_view(table.codes[i]); },
        table.source, table.lines, out.evaluation.warnings);
  return out;
}

}  // namespace dxkit

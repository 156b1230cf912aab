#include "dxkit/targets/indicator.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "dxkit/cancel.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/columns.hpp"
#include "dxkit/targets/detail/expression.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "targets/repeated_codes.hpp"

namespace dxkit {

namespace {

using text::IndicatorColumn;

struct RoleNames {
  std::optional<std::size_t> ColumnRoles::*role;
  const char* role_name;
  IndicatorColumn column;
};

// The header spellings are in text::indicator_headers().
const RoleNames kRoles[] = {
    {&ColumnRoles::code, "code", IndicatorColumn::code},
    {&ColumnRoles::name, "name", IndicatorColumn::name},
    {&ColumnRoles::pillar, "pillar", IndicatorColumn::pillar},
    {&ColumnRoles::target, "target", IndicatorColumn::target},
    {&ColumnRoles::actual, "actual", IndicatorColumn::actual},
    {&ColumnRoles::unit, "unit", IndicatorColumn::unit},
    {&ColumnRoles::direction, "direction", IndicatorColumn::direction},
    {&ColumnRoles::level, "level", IndicatorColumn::level},
};

std::string accepted_headers(const RoleNames& r) {
  return text::indicator_headers().joined(r.column);
}

}  // namespace

namespace {

// resolve_columns, with a missing column's place.
ColumnRoles resolve(const std::vector<std::string>& header, const Location& where) {
  ColumnRoles roles;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string key = text::label_key(header[c]);
    bool used = false;
    for (const RoleNames& r : kRoles) {
      if (text::indicator_headers().is(key, r.column) && !(roles.*r.role)) {
        roles.*r.role = c;
        used = true;
        break;
      }
    }
    if (!used) roles.extra.push_back(c);
  }
  auto missing = [&](const RoleNames& r) {
    std::string have;
    for (const std::string& h : header) have += (have.empty() ? "" : ", ") + h;
    return ValidationError(std::string("missing required column '") + r.role_name +
                               "' (accepted headers: " + accepted_headers(r) +
                               "); the header has: " + have,
                           where);
  };
  // dxkit's own output (`dxkit evaluate --format csv|json`, to_frame()) carries the cells as
  // written in target_text / actual_text beside the canonical target / actual: the cells as
  // written are read again (the same answer as the first run), the canonical ones kept aside.
  const auto as_written = [&](std::optional<std::size_t> ColumnRoles::*role, const char* name) {
    for (std::size_t c = 0; c < header.size(); ++c) {
      if (text::label_key(header[c]) != name || !(roles.*role)) continue;
      std::erase(roles.extra, c);
      roles.extra.push_back(*(roles.*role));
      std::sort(roles.extra.begin(), roles.extra.end());
      roles.*role = c;
      return;
    }
  };
  as_written(&ColumnRoles::target, "target_text");
  as_written(&ColumnRoles::actual, "actual_text");
  if (!roles.target) throw missing(kRoles[3]);
  if (!roles.actual) throw missing(kRoles[4]);
  if (!roles.code && !roles.name) throw missing(kRoles[1]);
  return roles;
}

}  // namespace

ColumnRoles resolve_columns(const std::vector<std::string>& header, const std::string& source) {
  return resolve(header, Location{source, 1});
}

Location IndicatorTable::where(std::size_t i, const std::string& column) const {
  Location w = origin;
  if (w.file.empty()) w.file = source;
  w.line = i < lines.size() ? lines[i] : 0;
  if (const auto it = document_columns.find(column); it != document_columns.end())
    w.column = it->second;
  w.column_name = column;
  return w;
}

Diagnostics repeated_codes(const IndicatorTable& table) {
  targets_detail::RepeatedCodes repeats;
  Diagnostics out;
  targets_detail::find_repeats(
      table.size(), [&](std::size_t i) { return std::string_view(table.indicators[i].code); },
      [&](std::size_t i, std::size_t seen) {
        if (!repeats.count()) return;
        const std::size_t line = table.lines.size() > seen ? table.lines[seen] : 0;
        out.push_back(targets_detail::RepeatedCodes::named(table.where(i, "code"),
                                                           table.indicators[i].code, line));
      });
  repeats.finish(table.where(table.size(), ""), out);  // the table itself, no row
  return out;
}

IndicatorTable make_indicator_table(const csv::Table& csv, const TableOptions& options) {
  csv::Table copy = csv;
  return make_indicator_table(std::move(copy), options);
}

namespace {

// What every table builder decides before it reads a cell: the roles of the columns, then the
// number format (`auto`: from the target and actual cells, in that order of errors).
struct Setup {
  ColumnRoles roles;
  NumberFormat format = NumberFormat::vietnamese;
  std::string number_note;
};

Setup set_up(const csv::Table& csv, const TableOptions& options) {
  Setup s;
  // The header's place in a message is line 1, as it has always been, also in a document.
  s.roles = resolve(csv.header, csv.at(1));
  s.format = options.format;
  if (options.detect_format) {
    const std::array<std::size_t, 2> values{*s.roles.target, *s.roles.actual};
    NumberDecision d = decide_number_format(csv, values);
    s.format = d.format;
    s.number_note = std::move(d.note);
  }
  return s;
}

// How a table's file is read: dxkit's own JSON output has its numbers written as `options` reads.
csv::Options reading(const TableOptions& options) {
  csv::Options copt;
  copt.delimiter = options.delimiter;
  if (!options.detect_format) copt.json_numbers = options.format;
  return copt;
}

// Column c of `csv` as codes into its distinct cells (in order of first appearance; "" is a
// cell like any other), the column's strings then freed.
CodedColumn factorized(csv::Table& csv, std::size_t c, std::vector<std::int64_t>& codes) {
  CodedColumn out;
  out.name = csv.header[c];
  out.position = c;
  std::vector<std::string>& cells = csv.columns[c];
  codes.resize(cells.size());
  {
    std::unordered_map<std::string_view, std::int64_t> seen;
    for (std::size_t r = 0; r < cells.size(); ++r) {
      if (r % 65536 == 65535) check_cancelled();
      const auto [it, fresh] =
          seen.try_emplace(cells[r], static_cast<std::int64_t>(out.values.size()));
      if (fresh) out.values.push_back(cells[r]);
      codes[r] = it->second;
    }
  }
  std::vector<std::string>().swap(cells);
  out.codes = codes;
  return out;
}

}  // namespace

CodedTable make_coded_table(csv::Table&& csv, const TableOptions& options) {
  if (!csv.origin.file.empty() || !csv.column_numbers.empty())
    throw ValidationError("make_coded_table takes a CSV file's table, not a document's");
  const Setup setup = set_up(csv, options);
  const ColumnRoles& roles = setup.roles;
  CodedTable t;
  t.source = csv.source;
  t.format = setup.format;
  t.number_note = setup.number_note;
  t.target = factorized(csv, *roles.target, t.target_codes);
  t.actual = factorized(csv, *roles.actual, t.actual_codes);
  if (roles.direction) t.direction = factorized(csv, *roles.direction, t.direction_codes);
  if (roles.code) t.codes = std::move(csv.columns[*roles.code]);
  if (roles.name) t.names = std::move(csv.columns[*roles.name]);
  if (roles.pillar) t.pillars = std::move(csv.columns[*roles.pillar]);
  for (std::size_t c : roles.extra) {
    t.extra_names.push_back(csv.header[c]);
    t.extra_values.push_back(std::move(csv.columns[c]));
  }
  t.lines = std::move(csv.lines);
  return t;
}

CodedTable read_coded_table(const std::filesystem::path& path, const TableOptions& options) {
  return make_coded_table(csv::read(path, reading(options)), options);
}

IndicatorTable make_indicator_table(csv::Table&& csv, const TableOptions& options) {
  const Setup setup = set_up(csv, options);
  const ColumnRoles& roles = setup.roles;
  IndicatorTable t;
  t.source = csv.source;
  t.origin = csv.at(0);
  if (!csv.column_numbers.empty()) {
    for (std::size_t c = 0; c < csv.header.size(); ++c)
      t.document_columns.emplace(csv.header[c], csv.file_column(c));
    // A repeated code is named by its role (repeated_codes): its cell too.
    if (roles.code) t.document_columns.emplace("code", csv.file_column(*roles.code));
  }
  t.lines = csv.lines;
  t.target_header = csv.header[*roles.target];
  t.actual_header = csv.header[*roles.actual];
  t.actual_column = *roles.actual + 1;
  const std::size_t n = csv.rows();
  const NumberFormat format = setup.format;
  t.number_note = setup.number_note;
  t.indicators.resize(n);
  t.targets.reserve(n);
  t.results.reserve(n);
  auto cell = [&](const std::optional<std::size_t>& c, std::size_t r) -> const std::string& {
    static const std::string empty;
    return c ? csv.columns[*c][r] : empty;
  };
  // Text columns are moved out of the CSV once their row is read.
  auto take = [&](const std::optional<std::size_t>& c, std::size_t r) -> std::string {
    return c ? std::move(csv.columns[*c][r]) : std::string();
  };
  auto locate = [&](std::size_t r, std::size_t c) { return csv.where(r, c); };
  for (std::size_t r = 0; r < n; ++r) {
    // Parsing the cells is the longest step of a large evaluation: Ctrl-C is heard here too.
    if (r % 16384 == 16383) check_cancelled();
    Indicator& ind = t.indicators[r];
    ind.code = take(roles.code, r);
    ind.name = take(roles.name, r);
    ind.pillar = take(roles.pillar, r);
    ind.unit = take(roles.unit, r);
    ind.level = take(roles.level, r);
    TargetOptions topt;
    topt.format = format;
    try {
      if (roles.direction && !cell(roles.direction, r).empty()) {
        ind.direction = parse_direction(cell(roles.direction, r));
        ind.direction_given = true;
        topt.direction = ind.direction;
      }
    } catch (const ParseError& e) {
      throw e.at(locate(r, *roles.direction));
    }
    try {
      t.targets.push_back(parse_target(cell(roles.target, r), topt));
    } catch (const ParseError& e) {
      throw e.at(locate(r, *roles.target));
    }
    try {
      t.results.push_back(parse_result(cell(roles.actual, r), format));
    } catch (const ParseError& e) {
      throw e.at(locate(r, *roles.actual));
    }
    if (!ind.direction_given) ind.direction = t.targets.back().parts.front().direction();
  }
  for (std::size_t c : roles.extra) {
    t.extra_names.push_back(csv.header[c]);
    t.extra_values.push_back(std::move(csv.columns[c]));
  }
  t.code_warnings = repeated_codes(t);
  return t;
}

IndicatorTable read_indicator_table(const std::filesystem::path& path,
                                    const TableOptions& options) {
  return make_indicator_table(csv::read(path, reading(options)), options);  // the rvalue overload
}

}  // namespace dxkit

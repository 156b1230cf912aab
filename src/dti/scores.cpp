// Main-indicator tables, in points or in published scores on 0..1, with units by code or by
// province name. One reader for both, so that a table of scores read as points is caught (all
// values <= 1) instead of ranking provinces on a DTI near 0.
#include "dxkit/dti/scores.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "dti/detail.hpp"
#include "dxkit/dti/points.hpp"
#include "dxkit/dti/presets.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/vocabularies.hpp"
#include "dxkit/units/registry.hpp"

namespace dxkit::dti {

using detail::at;
using detail::kNaN;

namespace {

// A header as compared with an indicator's name: label key, a leading "chỉ số" left out.
std::string indicator_key(std::string_view header) {
  std::string k = text::label_key(header);
  for (const std::string_view prefix : {"chi so ", "chỉ số "})
    if (k.starts_with(prefix)) k.erase(0, prefix.size());
  return k;
}

// A score as printed: "0.8253" or "0,8253" (on 0..1 a '.' or ',' can only be the decimal
// mark), or a number the Vietnamese reader takes.
double parse_score(const std::string& cell, NumberFormat format) {
  if (format == NumberFormat::plain) return parse_number(cell, NumberFormat::plain);
  const bool dot = cell.find('.') != std::string::npos;
  const bool comma = cell.find(',') != std::string::npos;
  if (dot && !comma) return parse_number(cell, NumberFormat::plain);
  return parse_number(cell, NumberFormat::vietnamese);
}

// The header line: a CSV file's line 1; in a document the row above the first data row.
Location header_place(const csv::Table& t) {
  const bool document = !t.origin.sheet.empty() || t.origin.table > 0;
  if (!document) return t.at(1);
  return t.at(t.lines.empty() ? 0 : t.lines.front() - 1);
}

}  // namespace

std::vector<std::optional<std::size_t>> indicator_columns(const csv::Table& t,
                                                          const index::Framework& f) {
  const auto mains = f.of_type(index::NodeType::indicator);
  std::vector<std::optional<std::size_t>> cols(mains.size());
  for (std::size_t m = 0; m < mains.size(); ++m) {
    const index::Node& node = f.nodes[mains[m]];
    for (std::size_t c = 0; c < t.header.size() && !cols[m]; ++c)
      if (t.header[c] == node.code) cols[m] = c;
    const std::string name = indicator_key(node.name);
    for (std::size_t c = 0; c < t.header.size() && !cols[m]; ++c)
      if (indicator_key(t.header[c]) == name) cols[m] = c;
  }
  return cols;
}

std::vector<std::string> unit_codes(const csv::Table& t) {
  const auto c_unit = t.find(text::dti_headers(), text::DtiColumn::unit);
  std::vector<std::string> out;
  if (c_unit) {
    for (std::size_t r = 0; r < t.rows(); ++r) out.push_back(t.columns[*c_unit][r]);
    return out;
  }
  const auto c_name = t.find(text::dti_headers(), text::DtiColumn::unit_name);
  if (!c_name) throw ValidationError("missing column 'uCode'", header_place(t));
  // Published tables name 63 provinces (to 2025) or 34 (from 1 July 2025): one era per table.
  const units::Registry& provinces = units::provinces();
  std::optional<ValidationError> first_error;
  for (const Date day : {Date{2025, 6, 30}, Date{2025, 7, 1}}) {
    out.clear();
    try {
      for (std::size_t r = 0; r < t.rows(); ++r)
        out.push_back(
            provinces
                .unit(provinces.resolve(t.columns[*c_name][r], day, at(t, r, t.header[*c_name])))
                .code);
      return out;
    } catch (const ValidationError& e) {
      if (!first_error) first_error = e;
    }
  }
  throw *first_error;
}

NumberDecision number_format(const csv::Table& t, NumberStyle style) {
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    using text::DtiColumn;
    bool text_column = false;
    for (const DtiColumn role :
         {DtiColumn::unit, DtiColumn::unit_name, DtiColumn::group, DtiColumn::main, DtiColumn::sub,
          DtiColumn::rule, DtiColumn::evidence})
      text_column = text_column || text::dti_headers().is(t.header[c], role);
    if (!text_column) columns.push_back(c);
  }
  return resolve_number_style(style, t, columns);
}

index::UnitData main_values(const csv::Table& t, const index::Framework& f, Values values,
                            NumberFormat format) {
  const auto mains = f.of_type(index::NodeType::indicator);
  const auto cols = indicator_columns(t, f);
  const auto c_unit = t.find(text::dti_headers(), text::DtiColumn::unit);
  const auto c_name = t.find(text::dti_headers(), text::DtiColumn::unit_name);
  const auto c_group = t.find(text::dti_headers(), text::DtiColumn::group);
  if (!c_unit && !c_name) throw ValidationError("missing column 'uCode'", header_place(t));
  for (std::size_t m = 0; m < mains.size(); ++m)
    if (!cols[m] && max_points(f.nodes[mains[m]]) > 0)
      throw ValidationError(
          "missing column '" + f.nodes[mains[m]].code + "' (a main indicator" +
              (values == Values::scores ? ", or its name '" + f.nodes[mains[m]].name + "')"
                                        : std::string(")")),
          header_place(t));
  if (values == Values::points) {
    // Scores on 0..1 read as points would rank every province on a DTI near 0: refused.
    bool any = false, all_scores = true;
    for (std::size_t m = 0; m < mains.size() && all_scores; ++m) {
      if (!cols[m] || max_points(f.nodes[mains[m]]) <= 0) continue;
      for (const std::string& cell : t.columns[*cols[m]]) {
        try {
          const double v = parse_score(cell, format);
          any = true;
          all_scores = all_scores && v >= 0 && v <= 1;
        } catch (const ParseError&) {
          all_scores = false;
        }
        if (!all_scores) break;
      }
    }
    if (any && all_scores)
      throw ValidationError(
          "every main-indicator value is between 0 and 1: these are published scores (points / "
          "maximum), not points; read them with --values scores (values=\"scores\" in Python)",
          header_place(t));
  }
  const std::vector<std::string> codes = unit_codes(t);
  const std::size_t key_col = c_unit ? *c_unit : *c_name;
  index::UnitData out;
  out.data.units = codes;
  for (std::size_t m = 0; m < mains.size(); ++m) (void)out.data.add_column(f.nodes[mains[m]].code);
  std::map<std::string, std::size_t> seen;
  std::vector<std::string> groups;
  for (std::size_t r = 0; r < t.rows(); ++r) {  // row by row: the first bad cell is reported
    if (!seen.emplace(codes[r], r).second)
      throw ValidationError(
          c_unit ? "duplicate unit code '" + codes[r] + "'"
                 : "'" + t.columns[key_col][r] + "' is province " + codes[r] + ", listed twice",
          at(t, r, t.header[key_col]));
    out.data.names.push_back(c_name ? t.columns[*c_name][r] : std::string());
    if (c_group) groups.push_back(t.columns[*c_group][r]);
    for (std::size_t m = 0; m < mains.size(); ++m) {
      const double max = max_points(f.nodes[mains[m]]);
      if (!cols[m] || max <= 0) continue;
      const std::string& cell = t.columns[*cols[m]][r];
      const Location where = at(t, r, t.header[*cols[m]]);
      double v = 0;
      try {
        v = values == Values::scores ? parse_score(cell, format) : parse_number(cell, format);
      } catch (const ParseError& e) {
        throw e.at(where);
      }
      const double top = values == Values::scores ? 1.0 : max;
      if (v < 0 || v > top + 1e-9)
        throw ParseError(std::string(values == Values::scores ? "score" : "points") +
                             " outside 0.." + format_number(top, 2, NumberFormat::vietnamese),
                         cell, where);
      out.data.col(m)[r] = values == Values::scores ? v * max : v;
    }
  }
  if (c_group) out.groups["Group"] = std::move(groups);
  return out;
}

index::UnitData scores_table(const csv::Table& t, const index::Framework& f) {
  return main_values(t, f, Values::scores);
}

}  // namespace dxkit::dti

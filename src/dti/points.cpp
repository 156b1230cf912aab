// Point scoring of sub-indicators and each unit's main-indicator points.
#include "dxkit/dti/points.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "dti/detail.hpp"
#include "dxkit/dti/scores.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::dti {

using detail::at;
using detail::kNaN;
using detail::split;

Rule parse_rule(std::string_view text) {
  Rule r;
  r.text = std::string(text::trim(text));
  const std::string t = text::fold(r.text);
  const std::size_t open = t.find('(');
  const std::string kind = std::string(text::trim(std::string_view(t).substr(0, open)));
  if (kRuleKinds.contains(kind))
    r.kind = kRuleKinds.parse(kind);
  else
    throw ParseError(
        "unknown rule; accepted: points, ratio, yes_no, steps(4=20;3=15;...), "
        "graded(chủ tịch=1;phó chủ tịch=0,5;không=0)",
        r.text);
  const bool needs_list = r.kind == Rule::Kind::steps || r.kind == Rule::Kind::graded;
  if (needs_list != (open != std::string::npos) || (needs_list && t.back() != ')'))
    throw ParseError(needs_list ? "this rule lists its cases in brackets: steps(4=20;3=15) or "
                                  "graded(chủ tịch=1;không=0)"
                                : "this rule takes no list",
                     r.text);
  if (!needs_list) return r;
  for (const std::string& item :
       split(std::string_view(t).substr(open + 1, t.size() - open - 2), ';')) {
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || text::trim(item.substr(0, eq)).empty())
      throw ParseError("each case is written key=value, separated by ';'", r.text);
    const double value = parse_number(text::trim(item.substr(eq + 1)));
    if (r.kind == Rule::Kind::steps)
      r.steps.emplace_back(parse_number(text::trim(item.substr(0, eq))), value);
    else
      r.levels.emplace_back(std::string(text::trim(item.substr(0, eq))), value);
  }
  std::sort(r.steps.begin(), r.steps.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  return r;
}

double points(const Rule& rule, double max, std::string_view value, NumberFormat format) {
  const auto parse_number = [format](std::string_view text) {
    return dxkit::parse_number(text, format);
  };
  const std::string v = std::string(text::trim(value));
  double p = 0;
  switch (rule.kind) {
    case Rule::Kind::points:
      p = parse_number(v);
      break;
    case Rule::Kind::ratio: {
      const auto parts = split(v, '/');
      if (parts.size() != 2) throw ParseError("a ratio is written a/b (e.g. 45/50)", v);
      const double a = parse_number(parts[0]), b = parse_number(parts[1]);
      if (!(b > 0)) throw ParseError("the denominator of a ratio must be positive", v);
      if (a < 0 || a > b) throw ParseError("a ratio a/b needs 0 <= a <= b", v);
      p = a / b * max;
      break;
    }
    case Rule::Kind::steps: {
      const double count = parse_number(v);
      for (const auto& [at_least, pts] : rule.steps)
        if (count >= at_least) {
          p = pts;
          break;
        }
      break;
    }
    case Rule::Kind::graded: {
      const std::string level = text::fold(v);
      bool found = false;
      std::string known;
      for (const auto& [name, share] : rule.levels) {
        if (name == level) {
          p = share * max;
          found = true;
          break;
        }
        known += (known.empty() ? "" : ", ") + name;
      }
      if (!found) throw ParseError("not a level of this rule; levels: " + known, v);
      break;
    }
    case Rule::Kind::yes_no: {
      const std::string f = text::fold(v);
      if (f == "có" || f == "co" || f == "yes" || f == "x" || f == "đạt")
        p = max;
      else if (f == "không" || f == "khong" || f == "no" || f == "chưa" || f == "chưa đạt")
        p = 0;
      else
        throw ParseError("yes_no takes có / không (or yes / no)", v);
      break;
    }
  }
  if (p < 0 || p > max + 1e-9)
    throw ParseError("points outside 0.." + format_number(max, 2, NumberFormat::vietnamese), v);
  return p;
}

Sheet score_sheet(const csv::Table& t, const index::Framework& f, NumberFormat format) {
  using text::DtiColumn;
  auto column = [&](DtiColumn role, const char* name, bool required) -> std::optional<std::size_t> {
    if (auto c = t.find(text::dti_headers(), role)) return c;
    if (required) {
      const Location where = t.at(1);
      throw ValidationError(std::string("missing column '") + name +
                                "'; a scoring sheet has uCode, Main, Sub, Rule, Max, Self and "
                                "optionally uName, Group, Appraised, Evidence",
                            where);
    }
    return std::nullopt;
  };
  const std::size_t c_unit = *column(DtiColumn::unit, "uCode", true),
                    c_main = *column(DtiColumn::main, "Main", true),
                    c_sub = *column(DtiColumn::sub, "Sub", true),
                    c_rule = *column(DtiColumn::rule, "Rule", true),
                    c_max = *column(DtiColumn::max, "Max", true),
                    c_self = *column(DtiColumn::self, "Self", true);
  const auto c_name = column(DtiColumn::unit_name, "uName", false),
             c_group = column(DtiColumn::group, "Group", false),
             c_appr = column(DtiColumn::appraised, "Appraised", false),
             c_evid = column(DtiColumn::evidence, "Evidence", false);
  Sheet sheet;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    SubScore s;
    s.line = t.lines[r];
    s.unit = t.columns[c_unit][r];
    s.main = t.columns[c_main][r];
    s.sub = t.columns[c_sub][r];
    s.rule = t.columns[c_rule][r];
    if (c_name) s.unit_name = t.columns[*c_name][r];
    if (c_group) s.group = t.columns[*c_group][r];
    if (c_evid) s.evidence = t.columns[*c_evid][r];
    s.self_text = t.columns[c_self][r];
    if (c_appr) s.appraised_text = t.columns[*c_appr][r];
    auto main = f.find(s.main);
    if (!main || f.nodes[*main].type != index::NodeType::indicator)
      throw ValidationError("'" + s.main + "' is not a main indicator of the framework",
                            at(t, r, t.header[c_main]));
    if (!seen.insert({s.unit, s.sub}).second)
      throw ValidationError("sub-indicator '" + s.sub + "' is listed twice for '" + s.unit + "'",
                            at(t, r, t.header[c_sub]));
    Rule rule;
    try {
      rule = parse_rule(s.rule);
      s.max = parse_number(t.columns[c_max][r], format);
    } catch (const ParseError& e) {
      throw e.at(at(t, r, t.header[s.rule == e.text() ? c_rule : c_max]));
    }
    auto read = [&](const std::string& text, std::size_t c) -> std::optional<double> {
      if (text::trim(text).empty()) return std::nullopt;
      try {
        return points(rule, s.max, text, format);
      } catch (const ParseError& e) {
        throw e.at(at(t, r, t.header[c]));
      }
    };
    s.self = read(s.self_text, c_self);
    if (c_appr) s.appraised = read(s.appraised_text, *c_appr);
    if (!s.self && !s.appraised)
      throw ValidationError("sub-indicator '" + s.sub + "' of '" + s.unit +
                                "' has neither self-assessed nor appraised points",
                            at(t, r, t.header[c_self]));
    s.final_points = s.appraised ? *s.appraised : *s.self;
    sheet.subs.push_back(std::move(s));
  }
  return sheet;
}

Sheet read_sheet(const std::filesystem::path& path, const index::Framework& f) {
  return score_sheet(csv::read(path), f);
}

std::vector<SubScore> differences(const Sheet& sheet) {
  std::vector<SubScore> out;
  for (const SubScore& s : sheet.subs)
    if (s.self && s.appraised && *s.self != *s.appraised) out.push_back(s);
  return out;
}

namespace {

// Units in order of first appearance, with names and groups.
struct Units {
  std::vector<std::string> codes, names, groups;
  std::map<std::string, std::size_t> at;
  std::size_t add(const std::string& code, const std::string& name, const std::string& group) {
    auto [it, fresh] = at.emplace(code, codes.size());
    if (fresh) {
      codes.push_back(code);
      names.push_back(name);
      groups.push_back(group);
    }
    return it->second;
  }
};

index::UnitData to_scores(const Units& u, const std::vector<std::vector<double>>& pts,
                          const std::vector<std::size_t>& mains, const index::Framework& f,
                          bool with_groups) {
  index::UnitData out;
  out.data.units = u.codes;
  out.data.names = u.names;
  for (std::size_t m = 0; m < mains.size(); ++m) {
    const index::Node& node = f.nodes[mains[m]];
    const double max = max_points(node);
    auto col = out.data.col(out.data.add_column(node.code));
    for (std::size_t k = 0; k < u.codes.size(); ++k) col[k] = max > 0 ? pts[k][m] : kNaN;
  }
  if (with_groups) out.groups["Group"] = u.groups;
  return out;
}

}  // namespace

index::UnitData main_scores(const Sheet& sheet, const index::Framework& f) {
  const auto mains = f.of_type(index::NodeType::indicator);
  Units units;
  bool groups = false;
  for (const SubScore& s : sheet.subs) {
    units.add(s.unit, s.unit_name, s.group);
    groups = groups || !s.group.empty();
  }
  std::vector<std::vector<double>> pts(units.codes.size(), std::vector<double>(mains.size(), 0));
  std::vector<std::vector<bool>> any(units.codes.size(), std::vector<bool>(mains.size(), false));
  for (const SubScore& s : sheet.subs) {
    const std::size_t k = units.at.at(s.unit);
    const auto m = static_cast<std::size_t>(
        std::find_if(mains.begin(), mains.end(),
                     [&](std::size_t i) { return f.nodes[i].code == s.main; }) -
        mains.begin());
    pts[k][m] += s.final_points;
    any[k][m] = true;
  }
  for (std::size_t k = 0; k < units.codes.size(); ++k)
    for (std::size_t m = 0; m < mains.size(); ++m)
      if (!any[k][m] && max_points(f.nodes[mains[m]]) > 0)
        throw ValidationError("'" + units.codes[k] + "' has no sub-indicator of main indicator '" +
                              f.nodes[mains[m]].code + "'");
  for (std::size_t k = 0; k < units.codes.size(); ++k)
    for (std::size_t m = 0; m < mains.size(); ++m)
      if (pts[k][m] > max_points(f.nodes[mains[m]]) + 1e-9)
        throw ValidationError(
            "'" + units.codes[k] + "' has " +
            format_number(pts[k][m], 2, NumberFormat::vietnamese) + " points on '" +
            f.nodes[mains[m]].code + "', above its maximum " +
            format_number(max_points(f.nodes[mains[m]]), 2, NumberFormat::vietnamese));
  return to_scores(units, pts, mains, f, groups);
}

index::UnitData points_table(const csv::Table& t, const index::Framework& f) {
  return main_values(t, f, Values::points);  // one reader with published scores: scores.cpp
}

}  // namespace dxkit::dti

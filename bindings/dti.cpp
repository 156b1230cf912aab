// dxkit.dti for Python: the shipped frameworks, and a DTI-style index from a scoring sheet
// or a points table (crossing as text columns, since sheets are small and hold rules and
// evidence), returned as lists of labels and arrays of scores and ranks for DataFrames.
#include "dxkit/dti/dti.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>

#include "bind.hpp"
#include "dxkit/error.hpp"

namespace dxkit::python {

namespace {

// A scoring sheet (with a Sub column) or a main-indicator table in points or scores, scored and
// ranked, all in C++ (run with the GIL released).
struct Scored {
  std::optional<dti::Sheet> sheet;
  index::DataSet results;
  std::vector<std::string> groups;
  std::string top;
  // Every node's scores and competition ranks (0 = no rank: a missing score) in column order,
  // and the top node's rank within each group (empty without groups): Python gets one array
  // each, not a list of objects built with the GIL held.
  std::vector<double> scores;
  std::vector<std::int64_t> ranks;
  std::vector<std::int64_t> group_ranks;
  std::string number_note;  // how number_format="auto" read the table ("" when given)
};

Scored score(const csv::Table& t, const index::Framework& f, const std::string& values,
             const std::string& number_format) {
  Scored out;
  NumberDecision numbers = dti::number_format(t, parse_number_style(number_format));
  out.number_note = std::move(numbers.note);
  index::UnitData points;
  if (std::find(t.header.begin(), t.header.end(), "Sub") != t.header.end()) {
    out.sheet = dti::score_sheet(t, f, numbers.format);
    points = dti::main_scores(*out.sheet, f);
  } else {
    points = dti::main_values(t, f, dti::kValueKinds.parse(values), numbers.format);
  }
  out.results = dti::results(points, f);
  const index::DataSet& r = out.results;
  if (auto g = points.groups.find("Group"); g != points.groups.end()) out.groups = g->second;
  // Competition ranks of every node on the unrounded scores, and the top node's rank
  // within each group, by the engine's ranking (as the command line shows them).
  out.top = index::top_node(f);
  out.scores.assign(r.values.begin(), r.values.end());
  const std::vector<std::int32_t> ranks = index::rank_columns(r);
  out.ranks.assign(ranks.begin(), ranks.end());
  if (!out.groups.empty())
    for (const std::optional<double>& v :
         index::rank_within(r.col(*r.column(out.top)), out.groups, index::Ties::min))
      out.group_ranks.push_back(v ? static_cast<std::int64_t>(*v) : 0);
  return out;
}

// The scores for DataFrames (with the GIL held): unit codes, names, groups and node codes as
// lists, the scores and ranks as (units, nodes) arrays that own the vectors.
py::tuple dti_tuple(Scored&& s) {
  py::object subs = py::none();
  if (s.sheet) {
    auto opt = [](const std::optional<double>& v) {
      return v ? py::object(py::float_(*v)) : py::none();
    };
    py::list rows;
    for (const dti::SubScore& x : s.sheet->subs)
      rows.append(py::make_tuple(x.unit, x.main, x.sub, x.rule, x.max, x.self_text, opt(x.self),
                                 x.appraised_text, opt(x.appraised), x.final_points, x.evidence,
                                 x.line));
    subs = rows;
  }
  const index::DataSet& r = s.results;
  return py::make_tuple(r.units, r.names, s.groups, r.columns,
                        owned_columns(std::move(s.scores), r.rows(), r.columns.size()), subs, s.top,
                        owned_columns(std::move(s.ranks), r.rows(), r.columns.size()),
                        owned_array(std::move(s.group_ranks)), s.number_note);
}

}  // namespace

void bind_dti(py::module_& m) {
  m.def("dti_presets", &dti::presets);
  m.def(
      "dti_names",
      [](const std::string& kind) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, meaning] : dti::choices(kind)) out.emplace_back(name, meaning);
        return out;
      },
      py::arg("kind"), "(name, meaning) of each choice: framework or rule.");
  m.def(
      "rank_values",
      [](const std::vector<double>& values) {  // 1 = highest, ties share the lowest
        return index::rank(values, index::Ties::min);
      },
      py::call_guard<py::gil_scoped_release>());
  m.def("dti_preset_meta", [](const std::string& name) { return dti::preset_meta(name); });
  m.def("dti_preset_framework", [](const std::string& name) {
    return std::make_shared<index::Framework>(dti::preset_framework(name));
  });
  m.def(
      "dti_score",
      [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
         std::string source, const index::Framework& f, const std::string& values,
         const std::string& number_format) {
        return dti_tuple(released([&] {
          return score(table_from_columns(std::move(header), std::move(columns), std::move(source)),
                       f, values, number_format);
        }));
      },
      py::arg("header"), py::arg("columns"), py::arg("source"), py::arg("framework"),
      py::arg("values") = "points", py::arg("number_format") = "vietnamese");
  m.def(
      "dti_score_table",
      [](const csv::Table& t, const index::Framework& f, const std::string& values,
         const std::string& number_format) {
        return dti_tuple(released([&] { return score(t, f, values, number_format); }));
      },
      py::arg("table"), py::arg("framework"), py::arg("values") = "points",
      py::arg("number_format") = "vietnamese",
      "dti_score on a table as read (a document's table: messages name its cells).");
}

}  // namespace dxkit::python

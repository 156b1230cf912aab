// dxkit.dti for Python: the shipped frameworks, and a DTI-style index from a scoring sheet
// or a points table (crossing as text columns, since sheets are small and hold rules and
// evidence), returned as plain lists for DataFrames.
#include "dxkit/dti/dti.hpp"

#include <pybind11/stl.h>

#include <memory>

#include "bind.hpp"
#include "dxkit/error.hpp"

namespace dxkit::python {

namespace {

// A scoring sheet (with a Sub column) or a main-indicator table in points or scores, scored and
// ranked: plain lists for DataFrames.
py::tuple dti_score(const csv::Table& t, const index::Framework& f, const std::string& values) {
  const bool sheet = std::find(t.header.begin(), t.header.end(), "Sub") != t.header.end();
  py::list subs;
  index::UnitData points;
  if (sheet) {
    const dti::Sheet s = dti::score_sheet(t, f);
    auto opt = [](const std::optional<double>& v) {
      return v ? py::object(py::float_(*v)) : py::none();
    };
    for (const dti::SubScore& x : s.subs)
      subs.append(py::make_tuple(x.unit, x.main, x.sub, x.rule, x.max, x.self_text, opt(x.self),
                                 x.appraised_text, opt(x.appraised), x.final_points, x.evidence,
                                 x.line));
    points = dti::main_scores(s, f);
  } else {
    points = dti::main_values(t, f, dti::kValueKinds.parse(values));
  }
  const index::DataSet r = dti::results(points, f);
  std::vector<std::vector<double>> cols;
  for (std::size_t c = 0; c < r.columns.size(); ++c)
    cols.emplace_back(r.col(c).begin(), r.col(c).end());
  auto g = points.groups.find("Group");
  const std::vector<std::string> groups =
      g == points.groups.end() ? std::vector<std::string>{} : g->second;
  // Competition ranks of every node on the unrounded scores, and the top node's rank
  // within each group, by the engine's ranking (as the command line shows them).
  const std::string top = index::top_node(f);
  std::vector<std::vector<std::optional<double>>> ranks;
  for (std::size_t c = 0; c < r.columns.size(); ++c)
    ranks.push_back(index::rank(r.col(c), index::Ties::min));
  std::vector<std::optional<double>> group_ranks;
  if (!groups.empty())
    group_ranks = index::rank_within(r.col(*r.column(top)), groups, index::Ties::min);
  return py::make_tuple(r.units, r.names, groups, r.columns, cols,
                        sheet ? py::object(subs) : py::none(), top, ranks, group_ranks);
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
  m.def("rank_values",
        [](const std::vector<double>& values) {  // 1 = highest, ties share the lowest
          return index::rank(values, index::Ties::min);
        });
  m.def("dti_preset_meta", [](const std::string& name) { return dti::preset_meta(name); });
  m.def("dti_preset_framework", [](const std::string& name) {
    return std::make_shared<index::Framework>(dti::preset_framework(name));
  });
  m.def(
      "dti_score",
      [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
         std::string source, const index::Framework& f, const std::string& values) {
        return dti_score(
            table_from_columns(std::move(header), std::move(columns), std::move(source)), f,
            values);
      },
      py::arg("header"), py::arg("columns"), py::arg("source"), py::arg("framework"),
      py::arg("values") = "points");
  m.def("dti_score_table", &dti_score, py::arg("table"), py::arg("framework"),
        py::arg("values") = "points",
        "dti_score on a table as read (a document's table: messages name its cells).");
}

}  // namespace dxkit::python

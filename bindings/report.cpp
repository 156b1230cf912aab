// _core.report: the report model of the core (a Workbook of sheets) and the section builders,
// forwarded. dxkit.report and the to_excel / to_html methods of the result types use it.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bind.hpp"
#include "dxkit/budget/budget.hpp"
#include "dxkit/date.hpp"
#include "dxkit/document/document.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/link.hpp"
#include "dxkit/plan/observation.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/report/plan.hpp"
#include "dxkit/report/sections.hpp"
#include "dxkit/report/workbook.hpp"
#include "dxkit/targets/evaluate.hpp"

namespace dxkit::python {

void bind_report(py::module_& m) {
  using report::Workbook;
  py::class_<Workbook, std::shared_ptr<Workbook>>(
      m, "Workbook", "A report: sections (sheets) written as .xlsx or one HTML page.")
      .def(py::init([](std::string title) {
             auto b = std::make_shared<Workbook>();
             b->title = std::move(title);
             return b;
           }),
           py::arg("title") = "")
      .def_readwrite("title", &Workbook::title)
      .def_property_readonly("sheet_names",
                             [](const Workbook& b) {
                               std::vector<std::string> out;
                               for (const auto& s : b.sheets) out.push_back(s.name);
                               return out;
                             })
      .def(
          "add_results",
          [](Workbook& b, const EvaluationTable& ev, std::string source,
             std::vector<std::string> codes, std::vector<std::string> names,
             std::vector<std::string> pillars, std::vector<std::string> targets,
             std::vector<std::string> actuals, std::vector<std::size_t> lines, std::string title) {
            const report::ResultColumns columns{
                std::move(source),  std::move(codes),   std::move(names), std::move(pillars),
                std::move(targets), std::move(actuals), std::move(lines)};
            b.add(report::results_sheet(columns, ev, std::move(title)));
          },
          py::arg("evaluation"), py::arg("source"), py::arg("codes"), py::arg("names"),
          py::arg("pillars"), py::arg("targets"), py::arg("actuals"), py::arg("lines"),
          py::arg("title") = "", py::call_guard<py::gil_scoped_release>(),
          "The results appendix: STT, chỉ tiêu, mục tiêu, kết quả, tỷ lệ đạt, đánh giá, tally.")
      .def(
          "add_budget",
          [](Workbook& b, const budget::Budget& x, std::string title) {
            b.add(report::budget_sheet(x, x.check(), std::move(title)));
          },
          py::arg("budget"), py::arg("title") = "", py::call_guard<py::gil_scoped_release>(),
          "The budget appendix with its hierarchy and the findings in place.")
      .def(
          "add_due",
          [](Workbook& b, const Assignments& a, const std::string& as_of, int within,
             std::string title) {
            b.add(report::due_sheet(a.items, parse_iso_date(as_of), within, std::move(title)));
          },
          py::arg("assignments"), py::arg("as_of"), py::arg("within") = 30, py::arg("title") = "",
          py::call_guard<py::gil_scoped_release>(),
          "The due list per lead agency on a day (YYYY-MM-DD).")
      .def(
          "add_progress",
          [](Workbook& b, const csv::Table& observations,
             const std::map<std::string, std::string>& mapping,
             const std::optional<csv::Table>& documents, bool compound, double on_track,
             double acceleration, double limited, std::optional<int> as_of_year, std::string title,
             const std::string& number_format) {
            const ProgressOptions o{.compound = compound,
                                    .on_track = on_track,
                                    .acceleration = acceleration,
                                    .limited = limited,
                                    .as_of_year = as_of_year};
            auto obs = read_observations(
                observations,
                observation_number_format(observations, parse_number_style(number_format)).format);
            link(obs, mapping, documents ? read_documents(*documents) : std::vector<Document>{});
            b.add(report::progress_sheet(progress(obs, o), std::move(title)));
          },
          py::arg("observations"), py::arg("mapping"), py::arg("documents"),
          py::arg("compound") = false, py::arg("on_track") = 0.95, py::arg("acceleration") = 0.6,
          py::arg("limited") = 0.0, py::arg("as_of_year") = py::none(), py::arg("title") = "",
          py::arg("number_format") = "vietnamese", py::call_guard<py::gil_scoped_release>(),
          "Progress toward the targets, as Plan.progress reads the observations.")
      .def(
          "add_progress_rows",
          [](Workbook& b,
             const std::vector<std::tuple<
                 std::string, std::string, int, std::string, double, std::optional<int>,
                 std::optional<double>, std::optional<int>, std::optional<double>,
                 std::optional<double>, std::optional<double>, std::optional<double>, std::string>>&
                 rows,
             std::string title) {
            std::vector<Progress> verdicts;
            verdicts.reserve(rows.size());
            for (const auto& [indicator, name, year, text, target, baseline_year, baseline,
                              latest_year, latest, required, observed, ratio, status] : rows) {
              verdicts.push_back(Progress{.indicator = indicator,
                                          .name = name,
                                          .target_year = year,
                                          .target_text = text,
                                          .target = target,
                                          .baseline_year = baseline_year,
                                          .latest_year = latest_year,
                                          .baseline = baseline,
                                          .latest = latest,
                                          .required = required,
                                          .observed = observed,
                                          .ratio = ratio,
                                          .status = status});
            }
            b.add(report::progress_sheet(verdicts, std::move(title)));
          },
          py::arg("rows"), py::arg("title") = "",
          "Progress from the rows of a progress frame: (indicator, name, target_year, target, "
          "target_value, baseline_year, baseline, latest_year, latest, required, observed, "
          "ratio, status), None where there is no value.")
      .def(
          "add_ranking",
          [](Workbook& b, const std::vector<std::string>& names, const std::vector<double>& scores,
             const std::vector<double>& ranks, std::string title, std::string score_header,
             int decimals) {
            b.add(report::ranking_sheet(names, scores, ranks, std::move(title),
                                        std::move(score_header), decimals));
          },
          py::arg("names"), py::arg("scores"), py::arg("ranks"), py::arg("title") = "",
          py::arg("score_header") = "Điểm", py::arg("decimals") = 2,
          "A ranking: units with their score and rank.")
      .def(
          "add_uncertainty",
          [](Workbook& b, std::vector<std::string> units, std::string column,
             std::vector<std::int32_t> nominal, std::vector<double> mean,
             std::vector<double> median, std::vector<double> p5, std::vector<double> p95,
             std::size_t replicates, std::string title) {
            index::UncertaintyResult r{.units = std::move(units),
                                       .column = std::move(column),
                                       .nominal = std::move(nominal),
                                       .mean = std::move(mean),
                                       .median = std::move(median),
                                       .p5 = std::move(p5),
                                       .p95 = std::move(p95),
                                       .replicates = {},
                                       .ranks = {}};
            r.replicates.resize(replicates);
            b.add(report::uncertainty_sheet(r, std::move(title)));
          },
          py::arg("units"), py::arg("column"), py::arg("nominal"), py::arg("mean"),
          py::arg("median"), py::arg("p5"), py::arg("p95"), py::arg("replicates"),
          py::arg("title") = "",
          "The uncertainty of the ranks: nominal rank (0 = none), median, mean, 5-95 % per unit.")
      .def(
          "add_sensitivity",
          [](Workbook& b,
             const std::vector<
                 std::tuple<std::string, double, double, double, double, double, double>>& rows,
             std::size_t runs, double variance, std::string title) {
            index::SensitivityResult r;
            r.runs = runs;
            r.variance = variance;
            for (const auto& [p, f, flo, fhi, t, tlo, thi] : rows)
              r.indices.push_back({p, f, flo, fhi, t, tlo, thi});
            b.add(report::sensitivity_sheet(r, std::move(title)));
          },
          py::arg("rows"), py::arg("runs"), py::arg("variance"), py::arg("title") = "",
          "The sensitivity indices: rows of (parameter, first, first_lo, first_hi, total, "
          "total_lo, total_hi).")
      .def(
          "add_document",
          [](Workbook& b, const document::Document& doc, const std::string& as_of, int within,
             const std::string& number_format) {
            report::PlanOptions o;
            o.as_of = parse_iso_date(as_of);
            o.within = within;
            o.numbers = parse_number_style(number_format);
            Diagnostics skipped;
            for (auto& s : report::plan_report(doc, o, &skipped).sheets) b.add(std::move(s));
            std::vector<std::string> out;
            for (const auto& d : skipped) out.push_back(d.to_string());
            return out;
          },
          py::arg("document"), py::arg("as_of"), py::arg("within") = 30,
          py::arg("number_format") = "vietnamese", py::call_guard<py::gil_scoped_release>(),
          "Every results, budget and assignments table of a document; returns the notes on the "
          "tables left out and on how number_format='auto' read each table.")
      .def(
          "add_csv",
          [](Workbook& b, const std::string& content, const std::string& source,
             const std::string& as_of, int within, const std::string& number_format) {
            report::PlanOptions o;
            o.as_of = parse_iso_date(as_of);
            o.within = within;
            o.numbers = parse_number_style(number_format);
            return report::add_csv(b, content, source, o);
          },
          py::arg("content"), py::arg("source"), py::arg("as_of"), py::arg("within") = 30,
          py::arg("number_format") = "vietnamese", py::call_guard<py::gil_scoped_release>(),
          "One CSV table (its kind guessed from the header) as a section; returns how "
          "number_format='auto' read it ('' when given).")
      .def(
          "write_xlsx",
          [](const Workbook& b, const std::filesystem::path& path) { report::write_xlsx(b, path); },
          py::arg("path"), py::call_guard<py::gil_scoped_release>())
      .def("html", [](const Workbook& b) { return report::html(b); })
      .def(
          "write_html",
          [](const Workbook& b, const std::filesystem::path& path) { report::write_html(b, path); },
          py::arg("path"), py::call_guard<py::gil_scoped_release>())
      .def("__len__", [](const Workbook& b) { return b.sheets.size(); });
}

}  // namespace dxkit::python

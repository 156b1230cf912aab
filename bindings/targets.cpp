// dxkit::targets for Python (_core.targets): parsed targets and results, schemes, and whole
// tables evaluated. Tables cross into Python as numpy arrays that view the C++ columns (no
// copy; the array keeps its owner alive), and text columns as lists of str.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>

#include "bind.hpp"
#include "dxkit/targets/columns.hpp"
#include "dxkit/targets/direction_column.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/text/reading.hpp"

namespace dxkit::python {

namespace {

struct TableEvaluation {
  IndicatorTable table;
  EvaluationTable evaluation;
};

// A CSV file scored as columns: nothing per row crosses into Python until asked for.
struct CsvEvaluation {
  CodedTable table;
  CodedEvaluation scored;
};

// A list of str of `cells`, or of n empty strings when the table has no such column.
py::list str_list(const std::vector<std::string>& cells, std::size_t n) {
  py::list out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = cells.empty() ? py::str() : py::str(cells[i]);
  return out;
}

template <class T, class Dtype = T>
py::array view(const std::vector<T>& column, py::handle owner) {
  return py::array(py::dtype::of<Dtype>(), {column.size()}, {sizeof(T)}, column.data(), owner);
}

std::vector<std::string> map_strings(const IndicatorTable& t,
                                     std::string (*get)(const IndicatorTable&, std::size_t)) {
  std::vector<std::string> out(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) out[i] = get(t, i);
  return out;
}

// The getter of one text column of a TableEvaluation: `get(table, row)` for every row.
auto text_column(std::string (*get)(const IndicatorTable&, std::size_t)) {
  return [get](const TableEvaluation& t) { return map_strings(t.table, get); };
}

// A target from the Python arguments of Target() and parse_target().
Target target_of(const std::string& text, const std::string& format,
                 const std::optional<std::string>& direction) {
  TargetOptions o;
  o.format = parse_number_format(format);
  if (direction) o.direction = parse_direction(*direction);
  return parse_target(text, o);
}

// The getter of a 0/1 column of an EvaluationTable: a numpy bool view of the C++ memory.
template <class Column>
auto flag_column(Column EvaluationTable::*column) {
  return [column](py::object self) {
    return view<std::uint8_t, bool>(self.cast<const EvaluationTable&>().*column, self);
  };
}

}  // namespace

namespace {

void bind_parsed(py::module_& m) {
  py::class_<TargetPart>(m, "TargetPart", "One condition of a target.")
      .def_readonly("label", &TargetPart::label)
      .def_property_readonly(
          "condition", [](const TargetPart& p) { return std::string(to_string(p.condition)); })
      .def_readonly("low", &TargetPart::low)
      .def_readonly("high", &TargetPart::high)
      .def_readonly("percent", &TargetPart::percent)
      .def_readonly("unit", &TargetPart::unit)
      .def_property_readonly(
          "direction", [](const TargetPart& p) { return std::string(to_string(p.direction())); })
      .def("describe", &TargetPart::describe)
      .def("__repr__", [](const TargetPart& p) { return "<TargetPart " + p.describe() + ">"; });

  py::class_<Target>(m, "Target", "A parsed target (chỉ tiêu): one part or a compound.")
      .def(py::init([](const std::string& text, const std::string& format,
                       const std::optional<std::string>& direction) {
             return target_of(text, format, direction);
           }),
           py::arg("text"), py::arg("format") = "vietnamese", py::arg("direction") = py::none(),
           "The same as parse_target(text, format, direction).")
      .def_readonly("text", &Target::text)
      .def_readonly("parts", &Target::parts)
      .def_property_readonly("is_compound", &Target::is_compound)
      .def_property_readonly("is_milestone", &Target::is_milestone)
      .def("describe", &Target::describe)
      .def("__str__", &Target::describe)
      .def("__repr__", [](const Target& t) { return "<Target " + t.describe() + ">"; });

  m.def(
      "parse_target",
      [](const std::string& text, const std::string& format,
         const std::optional<std::string>& direction) {
        return target_of(text, format, direction);
      },
      py::arg("text"), py::arg("format") = "vietnamese", py::arg("direction") = py::none(),
      "Parses a target: '97% trở lên', 'trên 75%', '6 - 8%', 'tối đa 5 ngày', 'Hoàn thành',\n"
      "'tỉnh: 90%; huyện: 80%', or a document sentence with one percentage in it.\n"
      "Raises ParseError (with .column) for anything else.");

  py::class_<ResultPart>(m, "ResultPart", "One value of a result.")
      .def_readonly("label", &ResultPart::label)
      .def_property_readonly("kind",
                             [](const ResultPart& p) { return std::string(to_string(p.kind)); })
      .def_readonly("value", &ResultPart::value)
      .def_readonly("denominator", &ResultPart::denominator)
      .def_readonly("percent", &ResultPart::percent)
      .def_readonly("estimate", &ResultPart::estimate)
      .def_readonly("unit", &ResultPart::unit)
      .def("describe", &ResultPart::describe)
      .def("__repr__", [](const ResultPart& p) { return "<ResultPart " + p.describe() + ">"; });

  py::class_<Result>(m, "Result", "A parsed result (kết quả); no parts means no data.")
      .def(py::init([](const std::string& text, const std::string& format) {
             return parse_result(text, parse_number_format(format));
           }),
           py::arg("text"), py::arg("format") = "vietnamese",
           "The same as parse_result(text, format).")
      .def_readonly("text", &Result::text)
      .def_readonly("parts", &Result::parts)
      .def_property_readonly("has_data", &Result::has_data)
      .def_property_readonly("is_estimate", &Result::is_estimate)
      .def("describe", &Result::describe)
      .def("__str__", &Result::describe)
      .def("__repr__", [](const Result& r) {
        return r.has_data() ? "<Result " + r.describe() + ">" : std::string("<Result no data>");
      });

  m.def(
      "parse_result",
      [](const std::string& text, const std::string& format) {
        return parse_result(text, parse_number_format(format));
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "Parses a result: '99,21%', 'trên 85%', 'ước đạt 5%', '60/90', 'Hoàn thành', '' (no data).");

  py::class_<Evaluation>(m, "Evaluation", "How one result did against one target.")
      .def(py::init([](const Target& t, const Result& r) { return evaluate(t, r); }),
           py::arg("target"), py::arg("result"), "The same as score(target, result).")
      .def_readonly("ratio", &Evaluation::ratio)
      .def_readonly("has_data", &Evaluation::has_data)
      .def_readonly("met", &Evaluation::met)
      .def_readonly("exceeded", &Evaluation::exceeded)
      .def_readonly("estimate", &Evaluation::estimate)
      .def("__repr__", [](const Evaluation& e) {
        if (!e.has_data) return std::string("<Evaluation no data>");
        return "<Evaluation ratio=" + format_number(e.ratio * 100, 2, NumberFormat::plain) +
               "% met=" + (e.met ? "True" : "False") +
               " exceeded=" + (e.exceeded ? "True" : "False") + ">";
      });
  m.def(
      "score", [](const Target& t, const Result& r) { return evaluate(t, r); }, py::arg("target"),
      py::arg("result"), "Scores one parsed result against one parsed target.");
}

// The options of an indicator table from the Python arguments.
TableOptions table_options(const std::string& format, const std::string& delimiter) {
  TableOptions o;
  // "vietnamese", "plain" or "auto" (text/number_style.hpp): auto decides per table.
  const NumberStyle style = parse_number_style(format);
  o.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  o.detect_format = style == NumberStyle::automatic;
  o.delimiter = parse_delimiter(delimiter);
  return o;
}

// The one way both table entry points take: `read` the table and score it, the GIL released.
template <class Read>
std::shared_ptr<TableEvaluation> read_and_evaluate(Read read, const Scheme& scheme) {
  auto out = std::make_shared<TableEvaluation>();
  py::gil_scoped_release release;
  out->table = read();
  out->evaluation = evaluate(out->table, scheme);
  return out;
}

void bind_tables(py::module_& m) {
  m.def(
      "targets_names",
      [](const std::string& kind) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, meaning] : target_choices(kind)) out.emplace_back(name, meaning);
        return out;
      },
      py::arg("kind"), "(name, meaning) of each choice: scheme.");
  py::class_<Scheme>(m, "Scheme", "Turns evaluations into the statuses a plan prints.")
      .def(py::init([](const std::string& name, std::vector<double> thresholds) {
             return Scheme::from_name(name, std::move(thresholds));
           }),
           py::arg("name") = "exceed", py::arg("thresholds") = std::vector<double>{90, 50},
           "The same as Scheme.from_name(name, thresholds).")
      .def_static("exceed", &Scheme::exceed, "Vượt / Đạt / Chưa đạt / Chưa có số liệu")
      .def_static("bands", &Scheme::bands, py::arg("thresholds") = std::vector<double>{90, 50},
                  "Hoàn thành / Đạt trên T% mục tiêu ... / Đạt dưới T% mục tiêu")
      .def_static("from_name", &Scheme::from_name, py::arg("name"),
                  py::arg("thresholds") = std::vector<double>{90, 50})
      .def_property_readonly("name", &Scheme::name)
      .def_property_readonly("thresholds", &Scheme::thresholds)
      .def_property_readonly("statuses",
                             [](const Scheme& s) {
                               std::vector<std::pair<std::string, std::string>> out;
                               for (const Status& st : s.statuses())
                                 out.emplace_back(st.id, st.label);
                               return out;
                             })
      .def("__repr__", [](const Scheme& s) { return "<Scheme " + s.name() + ">"; });

  py::class_<EvaluationTable, std::shared_ptr<EvaluationTable>>(
      m, "EvaluationTable", "Evaluations column by column; arrays view the C++ memory.")
      .def_property_readonly("scheme", [](const EvaluationTable& e) { return e.scheme; })
      .def_property_readonly("warnings",
                             [](const EvaluationTable& e) {
                               std::vector<std::string> out;
                               for (const Diagnostic& d : e.warnings) out.push_back(d.to_string());
                               return out;
                             })
      .def_property_readonly(
          "ratio",
          [](py::object self) { return view(self.cast<const EvaluationTable&>().ratio, self); })
      .def_property_readonly("has_data", flag_column(&EvaluationTable::has_data))
      .def_property_readonly("met", flag_column(&EvaluationTable::met))
      .def_property_readonly("exceeded", flag_column(&EvaluationTable::exceeded))
      .def_property_readonly("estimate", flag_column(&EvaluationTable::estimate))
      .def_property_readonly(
          "status",
          [](py::object self) { return view(self.cast<const EvaluationTable&>().status, self); })
      .def("counts", &EvaluationTable::counts)
      .def("__len__", &EvaluationTable::size);

  py::class_<TableEvaluation, std::shared_ptr<TableEvaluation>>(
      m, "TableEvaluation", "A table of indicators and its evaluations.")
      .def_property_readonly("evaluation",
                             [](const std::shared_ptr<TableEvaluation>& t) {
                               // Shares ownership with the table object.
                               return std::shared_ptr<EvaluationTable>(t, &t->evaluation);
                             })
      .def_property_readonly("source", [](const TableEvaluation& t) { return t.table.source; })
      .def_property_readonly("number_note",
                             [](const TableEvaluation& t) { return t.table.number_note; })
      .def_property_readonly("codes", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.indicators[i].code;
                             }))
      .def_property_readonly("names", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.indicators[i].name;
                             }))
      .def_property_readonly("pillars", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.indicators[i].pillar;
                             }))
      .def_property_readonly("units", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.indicators[i].unit;
                             }))
      .def_property_readonly("directions", text_column([](const IndicatorTable& x, std::size_t i) {
                               return std::string(to_string(x.indicators[i].direction));
                             }))
      .def_property_readonly("targets", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.targets[i].describe();
                             }))
      .def_property_readonly("actuals", text_column([](const IndicatorTable& x, std::size_t i) {
                               return x.results[i].describe();
                             }))
      .def_property_readonly(
          "target_texts",
          text_column([](const IndicatorTable& x, std::size_t i) { return x.targets[i].text; }))
      .def_property_readonly(
          "actual_texts",
          text_column([](const IndicatorTable& x, std::size_t i) { return x.results[i].text; }))
      .def_property_readonly("target_objects",
                             [](const TableEvaluation& t) { return t.table.targets; })
      .def_property_readonly("result_objects",
                             [](const TableEvaluation& t) { return t.table.results; })
      .def_property_readonly("lines", [](const TableEvaluation& t) { return t.table.lines; })
      .def_property_readonly("extra_names",
                             [](const TableEvaluation& t) { return t.table.extra_names; })
      .def_property_readonly("extra_values",
                             [](const TableEvaluation& t) { return t.table.extra_values; });

  using Csv = CsvEvaluation;
  py::class_<Csv, std::shared_ptr<Csv>>(
      m, "CsvEvaluation",
      "A CSV file scored as columns: the targets and results as codes into their distinct\n"
      "texts; the other cells are turned into str only when asked for.")
      .def_property_readonly("evaluation",
                             [](const std::shared_ptr<Csv>& t) {
                               return std::shared_ptr<EvaluationTable>(t, &t->scored.evaluation);
                             })
      .def_property_readonly("source", [](const Csv& t) { return t.table.source; })
      .def_property_readonly("number_note", [](const Csv& t) { return t.table.number_note; })
      .def_property_readonly(
          "lines", [](py::object self) { return view(self.cast<const Csv&>().table.lines, self); })
      .def_property_readonly("codes",
                             [](const Csv& t) { return str_list(t.table.codes, t.table.size()); })
      .def_property_readonly("names",
                             [](const Csv& t) { return str_list(t.table.names, t.table.size()); })
      .def_property_readonly("pillars",
                             [](const Csv& t) { return str_list(t.table.pillars, t.table.size()); })
      .def_property_readonly(
          "target_codes",
          [](py::object self) { return view(self.cast<const Csv&>().scored.target_codes, self); })
      .def_property_readonly("target_labels", [](const Csv& t) { return t.scored.target_labels; })
      .def_property_readonly(
          "actual_codes",
          [](py::object self) { return view(self.cast<const Csv&>().scored.actual_codes, self); })
      .def_property_readonly("actual_labels", [](const Csv& t) { return t.scored.actual_labels; })
      .def_property_readonly("target_cells",
                             [](py::object self) {
                               const Csv& t = self.cast<const Csv&>();
                               return py::make_tuple(view(t.table.target_codes, self),
                                                     t.table.target.values);
                             })
      .def_property_readonly("actual_cells",
                             [](py::object self) {
                               const Csv& t = self.cast<const Csv&>();
                               return py::make_tuple(view(t.table.actual_codes, self),
                                                     t.table.actual.values);
                             })
      .def_property_readonly("extra_names", [](const Csv& t) { return t.table.extra_names; })
      .def(
          "extra_values",
          [](const Csv& t, std::size_t k) {
            if (k >= t.table.extra_values.size()) throw py::index_error("no such extra column");
            return str_list(t.table.extra_values[k], t.table.size());
          },
          py::arg("k"), "The cells of the k-th kept column, as str.")
      .def("__len__", [](const Csv& t) { return t.table.size(); });

  m.def(
      "evaluate_csv",
      [](const std::string& path, const Scheme& scheme, const std::string& format,
         const std::string& delimiter) {
        const TableOptions o = table_options(format, delimiter);
        auto out = std::make_shared<Csv>();
        py::gil_scoped_release release;
        out->table = read_coded_table(path, o);
        out->scored = evaluate(out->table, scheme);
        return out;
      },
      py::arg("path"), py::arg("scheme"), py::arg("format") = "vietnamese",
      py::arg("delimiter") = "",
      "Reads and scores a CSV file of indicators as columns: each distinct target and result\n"
      "text parsed once, the GIL released; the same answers, warnings and errors as\n"
      "evaluate_table on the file's table.");

  m.def(
      "evaluate_columns",
      [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
         const Scheme& scheme, const std::string& format, std::string source) {
        const TableOptions o = table_options(format, "");
        return read_and_evaluate(
            [&] {
              return make_indicator_table(
                  csv::from_columns(std::move(header), std::move(columns), std::move(source)), o);
            },
            scheme);
      },
      py::arg("header"), py::arg("columns"), py::arg("scheme"), py::arg("format") = "vietnamese",
      py::arg("source") = "<DataFrame>");

  m.def(
      "evaluate_table",
      [](const csv::Table& table, const Scheme& scheme, const std::string& format) {
        const TableOptions o = table_options(format, "");
        auto out = std::make_shared<TableEvaluation>();
        py::gil_scoped_release release;
        out->table = make_indicator_table(table, o);
        out->evaluation = evaluate(out->table, scheme);
        return out;
      },
      py::arg("table"), py::arg("scheme"), py::arg("format") = "vietnamese",
      "Scores a table already read (a document's table: errors keep its rows and columns).");

  m.def(
      "evaluate_numeric",
      [](py::array_t<double, py::array::c_style | py::array::forcecast> target,
         py::array_t<double, py::array::c_style | py::array::forcecast> actual,
         const Scheme& scheme,
         std::optional<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>
             lower) {
        std::span<const double> t(target.data(), static_cast<std::size_t>(target.size()));
        std::span<const double> a(actual.data(), static_cast<std::size_t>(actual.size()));
        std::span<const std::uint8_t> l;
        if (lower)
          l = std::span<const std::uint8_t>(lower->data(), static_cast<std::size_t>(lower->size()));
        auto out = std::make_shared<EvaluationTable>();
        py::gil_scoped_release release;
        *out = evaluate(t, a, l, scheme);
        return out;
      },
      py::arg("target"), py::arg("actual"), py::arg("scheme"),
      py::arg("lower_is_better") = py::none(),
      "Scores numeric columns: target[i] is a bound (at least, or at most where\n"
      "lower_is_better[i]), actual[i] a value; NaN actual = no data.");

  m.def(
      "resolve_columns",
      [](const std::vector<std::string>& header) {
        ColumnRoles r = resolve_columns(header);
        py::dict d;
        auto put = [&](const char* k, const std::optional<std::size_t>& v) {
          if (v) d[k] = *v;
        };
        put("code", r.code);
        put("name", r.name);
        put("pillar", r.pillar);
        put("target", r.target);
        put("actual", r.actual);
        put("unit", r.unit);
        put("direction", r.direction);
        put("level", r.level);
        d["extra"] = r.extra;
        return d;
      },
      py::arg("header"),
      "Which column plays which role; raises ValidationError if one is missing.");

  m.def(
      "parse_directions",
      [](const std::vector<std::string>& values) {
        const std::vector<std::uint8_t> flags =
            released([&] { return lower_is_better_flags(values); });
        return py::array_t<std::uint8_t>(static_cast<py::ssize_t>(flags.size()), flags.data());
      },
      py::arg("values"), "1 where a direction says lower is better, 0 otherwise.");
}

}  // namespace

void bind_targets(py::module_& m) {
  bind_parsed(m);
  bind_tables(m);
}

}  // namespace dxkit::python

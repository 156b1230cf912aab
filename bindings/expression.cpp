#include <pybind11/stl.h>

#include "bind.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit::python {

NumberFormat number_format(const std::string& name);

void bind_expressions(py::module_& m) {
  py::class_<TargetPart>(m, "TargetPart", "One condition of a target.")
      .def_readonly("label", &TargetPart::label)
      .def_property_readonly("condition",
                             [](const TargetPart& p) { return std::string(to_string(p.condition)); })
      .def_readonly("low", &TargetPart::low)
      .def_readonly("high", &TargetPart::high)
      .def_readonly("percent", &TargetPart::percent)
      .def_readonly("unit", &TargetPart::unit)
      .def_property_readonly("direction",
                             [](const TargetPart& p) { return std::string(to_string(p.direction())); })
      .def("describe", &TargetPart::describe)
      .def("__repr__", [](const TargetPart& p) { return "<TargetPart " + p.describe() + ">"; });

  py::class_<Target>(m, "Target", "A parsed target (chỉ tiêu): one part or a compound.")
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
        TargetOptions o;
        o.format = number_format(format);
        if (direction) o.direction = parse_direction(*direction);
        return parse_target(text, o);
      },
      py::arg("text"), py::arg("format") = "vietnamese", py::arg("direction") = py::none(),
      "Parses a target: '97% trở lên', 'trên 75%', '6 - 8%', 'tối đa 5 ngày', 'Hoàn thành',\n"
      "'tỉnh: 90%; huyện: 80%', or a document sentence with one percentage in it.\n"
      "Raises ParseError (with .column) for anything else.");

  py::class_<ResultPart>(m, "ResultPart", "One value of a result.")
      .def_readonly("label", &ResultPart::label)
      .def_property_readonly("kind", [](const ResultPart& p) { return std::string(to_string(p.kind)); })
      .def_readonly("value", &ResultPart::value)
      .def_readonly("denominator", &ResultPart::denominator)
      .def_readonly("percent", &ResultPart::percent)
      .def_readonly("estimate", &ResultPart::estimate)
      .def_readonly("unit", &ResultPart::unit)
      .def("describe", &ResultPart::describe)
      .def("__repr__", [](const ResultPart& p) { return "<ResultPart " + p.describe() + ">"; });

  py::class_<Result>(m, "Result", "A parsed result (kết quả); no parts means no data.")
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
        return parse_result(text, number_format(format));
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "Parses a result: '99,21%', 'trên 85%', 'ước đạt 5%', '60/90', 'Hoàn thành', '' (no data).");

  py::class_<Evaluation>(m, "Evaluation", "How one result did against one target.")
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
      "score",
      [](const Target& t, const Result& r) { return evaluate(t, r); }, py::arg("target"),
      py::arg("result"), "Scores one parsed result against one parsed target.");
}

}  // namespace dxkit::python

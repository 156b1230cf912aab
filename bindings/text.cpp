#include <pybind11/stl.h>

#include "bind.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::python {

NumberFormat number_format(const std::string& name) {
  if (name == "vietnamese" || name == "vi") return NumberFormat::vietnamese;
  if (name == "plain" || name == "en") return NumberFormat::plain;
  throw ValidationError("unknown number format '" + name + "'; accepted: vietnamese, plain");
}

void bind_text(py::module_& m) {
  m.def(
      "parse_number",
      [](const std::string& text, const std::string& format) {
        return parse_number(text, number_format(format));
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "A number as Vietnamese documents write it: '75.428' -> 75428.0, '99,21' -> 99.21.\n"
      "format='plain' reads '12.5' and '1,650,380'. Raises ParseError on anything else.");
  m.def(
      "parse_quantity",
      [](const std::string& text, const std::string& format) {
        Quantity q = parse_quantity(text, number_format(format));
        return py::make_tuple(q.value, q.percent, q.unit);
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "'99,21%' -> (99.21, True, ''), '320 người' -> (320.0, False, 'người').");
  m.def(
      "format_number",
      [](double value, int decimals, const std::string& format) {
        return format_number(value, decimals, number_format(format));
      },
      py::arg("value"), py::arg("decimals") = 2, py::arg("format") = "vietnamese",
      "75428 -> '75.428', 99.21 -> '99,21'.");
  m.def("nfc", &text::nfc, py::arg("text"), "The text in Unicode NFC.");
  m.def("fold", &text::fold, py::arg("text"), "NFC + case folding, for keyword matching.");
}

}  // namespace dxkit::python

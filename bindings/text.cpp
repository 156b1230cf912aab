// dxkit's text layer for Python (_core.text): numbers as the documents write them, Unicode
// normalisation, and the one CSV reader every path goes through (so a file read from Python
// fails with the same file, line and column as on the command line).
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>

#include "bind.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/text/reading.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::python {

void bind_text(py::module_& m) {
  m.def(
      "parse_number",
      [](const std::string& text, const std::string& format) {
        return parse_number(text, parse_number_format(format));
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "A number as Vietnamese documents write it: '75.428' -> 75428.0, '99,21' -> 99.21.\n"
      "format='plain' reads '12.5' and '1,650,380'. Raises ParseError on anything else.");
  m.def(
      "parse_quantity",
      [](const std::string& text, const std::string& format) {
        Quantity q = parse_quantity(text, parse_number_format(format));
        return py::make_tuple(q.value, q.percent, q.unit);
      },
      py::arg("text"), py::arg("format") = "vietnamese",
      "'99,21%' -> (99.21, True, ''), '320 người' -> (320.0, False, 'người').");
  m.def(
      "format_number",
      [](double value, int decimals, const std::string& format) {
        return format_number(value, decimals, parse_number_format(format));
      },
      py::arg("value"), py::arg("decimals") = 2, py::arg("format") = "vietnamese",
      "75428 -> '75.428', 99.21 -> '99,21'.");
  m.def("nfc", &text::nfc, py::arg("text"), py::call_guard<py::gil_scoped_release>(),
        "The text in Unicode NFC.");
  m.def("fold", &text::fold, py::arg("text"), py::call_guard<py::gil_scoped_release>(),
        "NFC + case folding, for keyword matching.");

  py::class_<csv::Table, std::shared_ptr<csv::Table>>(
      m, "Table", "A table as the CSV reader gives it: trimmed NFC text cells, column by column.")
      .def_readonly("source", &csv::Table::source, "The file name used in messages.")
      .def_readonly("header", &csv::Table::header)
      .def_readonly("columns", &csv::Table::columns, "columns[c][r]: the cell of column c, row r.")
      .def_readonly("lines", &csv::Table::lines, "The 1-based line where each row starts.")
      .def("__len__", &csv::Table::rows)
      .def("__repr__", [](const csv::Table& t) {
        return "<Table " + t.source + ": " + std::to_string(t.header.size()) + " columns, " +
               std::to_string(t.rows()) + " rows>";
      });
  m.def(
      "read_csv",
      [](const std::string& path, const std::string& delimiter) {
        csv::Options o;
        o.delimiter = parse_delimiter(delimiter);
        return std::make_shared<csv::Table>(csv::read(path, o));
      },
      py::arg("path"), py::arg("delimiter") = "", py::call_guard<py::gil_scoped_release>(),
      "Reads a CSV file with the core's reader (delimiter '' = detect ',', ';' or TAB).\n"
      "Raises ParseError / EncodingError with file, line and column.");
  m.def(
      "table_from_columns",
      [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
         std::string source) {
        return std::make_shared<csv::Table>(
            csv::from_columns(std::move(header), std::move(columns), std::move(source)));
      },
      py::arg("header"), py::arg("columns"), py::arg("source") = "<DataFrame>",
      py::call_guard<py::gil_scoped_release>(),
      "A table from text columns (a DataFrame's), rows numbered from line 2.");
  m.def(
      "resolve_number_style",
      [](const csv::Table& t, const std::vector<std::string>& columns, const std::string& style) {
        std::vector<std::size_t> cols;
        for (std::size_t c = 0; c < t.header.size(); ++c)
          if (std::find(columns.begin(), columns.end(), t.header[c]) != columns.end())
            cols.push_back(c);
        NumberDecision d = resolve_number_style(parse_number_style(style), t, cols);
        return py::make_tuple(
            d.format == NumberFormat::plain ? std::string("plain") : std::string("vietnamese"),
            d.note);
      },
      py::arg("table"), py::arg("columns"), py::arg("style") = "vietnamese",
      "(format, note): the number format of the cells of `columns` (by header) of `table` under\n"
      "style 'vietnamese', 'plain' or 'auto' (decided from the cells; the note says how, a\n"
      "table holding both raises ParseError at the cell).");
}

}  // namespace dxkit::python

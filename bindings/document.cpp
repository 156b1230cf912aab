// _core.document: documents (.docx, .xlsx, the seeds' text form) and their tables.
#include "dxkit/document/document.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>

#include "bind.hpp"
#include "dxkit/document/office.hpp"

namespace dxkit::python {

void bind_document(py::module_& m) {
  using namespace dxkit::document;
  py::class_<Table>(m, "DocumentTable", "A table found in a document, with its caption and unit.")
      .def_readonly("number", &Table::number, "1-based, in document order.")
      .def_readonly("caption", &Table::caption, "'Phụ lục 01 — KẾT QUẢ ...', or ''.")
      .def_readonly("unit", &Table::unit, "The unit line's unit ('Triệu đồng'), or ''.")
      .def_property_readonly(
          "kind", [](const Table& t) { return std::string(table_kinds.name(t.kind)); },
          "results, budget, assignments, dti_scores or unknown.")
      .def_readonly("place", &Table::place, "'table 2', 'tables 3-4' or \"sheet 'X'\".")
      .def_readonly("hidden", &Table::hidden, "From a hidden sheet.")
      .def_readonly("header", &Table::header, "Column names; two header rows as 'A / B'.")
      .def_readonly("row_numbers", &Table::row_numbers, "Each row's number in the file.")
      .def_property_readonly(
          "cells",
          [](const Table& t) {
            return released([&] {
              std::vector<std::vector<std::string>> cols(t.header.size());
              for (const auto& row : t.rows)
                for (std::size_t c = 0; c < cols.size(); ++c) cols[c].push_back(row[c].text);
              return cols;
            });
          },
          "cells[c][r]: the text of column c, row r (vertical merges filled).")
      .def_property_readonly(
          "types",
          [](const Table& t) {
            return released([&] {
              std::vector<std::vector<std::string>> cols(t.header.size());
              for (const auto& row : t.rows)
                for (std::size_t c = 0; c < cols.size(); ++c)
                  cols[c].emplace_back(cell_types.name(row[c].type));
              return cols;
            });
          },
          "types[c][r]: empty, text, number, percent or date.")
      .def_property_readonly(
          "bold",
          [](const Table& t) {
            std::vector<bool> out;
            for (const auto& row : t.rows)
              out.push_back(!row.empty() && std::all_of(row.begin(), row.end(), [](const Cell& c) {
                return c.text.empty() || c.bold;
              }) && std::any_of(row.begin(), row.end(), [](const Cell& c) {
                return !c.text.empty();
              }));
            return out;
          },
          "For each row: every cell with text in it is bold (a subtotal, a group heading).")
      .def("cell_name", &Table::cell_name, py::arg("row"), py::arg("column"),
           "'B7' for a sheet cell, else 'row 7, column 2'.")
      .def("__len__", [](const Table& t) { return t.rows.size(); })
      .def("__repr__", [](const Table& t) {
        return "<DocumentTable " + std::to_string(t.number) + " (" +
               std::string(table_kinds.name(t.kind)) + "): " + std::to_string(t.rows.size()) +
               " x " + std::to_string(t.columns()) + ">";
      });
  py::class_<Document, std::shared_ptr<Document>>(m, "DocumentCore",
                                                  "A document as read by the C++ core.")
      .def_readonly("source", &Document::source)
      .def_readonly("tables", &Document::tables)
      .def_readonly("paragraphs", &Document::paragraphs, "Paragraphs outside tables, in order.")
      .def("paragraph_text", &paragraph_text, py::call_guard<py::gil_scoped_release>(),
           "The paragraphs outside tables, one a line (line N = paragraph N), as check_text "
           "reads a plan's text.")
      .def(
          "choose",
          [](const Document& d, const std::string& choice, const std::string& kind) {
            return d.choose(choice, table_kinds.parse(kind)).number;
          },
          py::arg("choice"), py::arg("kind"),
          "The number of the table `choice` ('' = the only table of `kind`, a number, or "
          "caption text). Raises ValidationError listing the tables when it is not one.")
      .def(
          "table_csv",
          [](const Document& d, std::size_t number) {
            if (number < 1 || number > d.tables.size())
              throw ValidationError("no table " + std::to_string(number), Location{d.source});
            return std::make_shared<csv::Table>(to_csv(d, d.tables[number - 1]));
          },
          py::arg("number"), py::call_guard<py::gil_scoped_release>(),
          "Table `number` as the CSV table the readers take (rows numbered as in the file).")
      .def(
          "write_csv",
          [](const Document& d, std::size_t number) {
            if (number < 1 || number > d.tables.size())
              throw ValidationError("no table " + std::to_string(number), Location{d.source});
            return write_csv(d.tables[number - 1]);
          },
          py::arg("number"), py::call_guard<py::gil_scoped_release>(),
          "Table `number` as CSV text, as `dxkit extract` writes it.");
  m.def(
      "read_document",
      [](const std::filesystem::path& path) {
        return std::make_shared<Document>(read_document(path));
      },
      py::arg("path"), py::call_guard<py::gil_scoped_release>(),
      "Reads a .docx, .xlsx or text-form (.txt, .md) document and finds its tables.\n"
      "Raises ParseError / EncodingError naming the file and the part, sheet or cell.");
  m.def(
      "parse_document",
      [](const py::bytes& content, const std::filesystem::path& name) {
        const std::string_view bytes = content;  // borrowed: `content` outlives the call
        return released([&] { return std::make_shared<Document>(parse_document(bytes, name)); });
      },
      py::arg("content"), py::arg("name"),
      "Reads a document from the bytes of its file (its kind from `name`'s extension, `name` in "
      "messages): the same document as read_document on that file, an error where it gives one.");
  m.def(
      "is_document", [](const std::filesystem::path& p) { return is_document(p); }, py::arg("path"),
      "True for .docx, .xlsx, .txt and .md.");
  m.def(
      "is_office_document", [](const std::filesystem::path& p) { return is_office_document(p); },
      py::arg("path"),
      "True for .docx and .xlsx in any case (.Docx, .XLSX): the files opened as documents.");
}

}  // namespace dxkit::python

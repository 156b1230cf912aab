// C++ errors become Python exceptions of a parallel hierarchy. ParseError and
// ValidationError also derive from ValueError, so `except ValueError` catches bad input.
// The location travels as attributes: file, line, column, column_name, text, and for a
// document's table sheet, table and cell.
#include "dxkit/error.hpp"

#include <pybind11/pybind11.h>

#include "bind.hpp"

namespace dxkit::python {

namespace {
PyObject* g_error = nullptr;
PyObject* g_parse = nullptr;
PyObject* g_encoding = nullptr;
PyObject* g_validation = nullptr;

PyObject* make_type(py::module_& m, const char* name, const char* doc, py::tuple bases) {
  std::string qualified = std::string("dxkit.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (!type) throw py::error_already_set();
  m.add_object(name, py::handle(type));
  return type;
}

void raise(PyObject* type, const char* what, const Location& where, const std::string& message,
           const std::string& text) {
  py::object instance = py::reinterpret_steal<py::object>(PyObject_CallFunction(type, "s", what));
  if (!instance) return;  // the Python error is already set
  instance.attr("file") = where.file;
  instance.attr("line") = where.line ? py::object(py::int_(where.line)) : py::none();
  instance.attr("column") = where.column ? py::object(py::int_(where.column)) : py::none();
  instance.attr("column_name") = where.column_name;
  // A document's part: the sheet's name or the Word table's number, and the sheet cell "D10".
  instance.attr("sheet") = where.sheet.empty() ? py::none() : py::object(py::str(where.sheet));
  instance.attr("table") = where.table ? py::object(py::int_(where.table)) : py::none();
  const std::string cell = where.cell();
  instance.attr("cell") = cell.empty() ? py::none() : py::object(py::str(cell));
  instance.attr("message") = message;
  instance.attr("text") = text;
  PyErr_SetObject(type, instance.ptr());
}
}  // namespace

void bind_errors(py::module_& m) {
  g_error = make_type(m, "Error", "Base class of every dxkit error.",
                      py::make_tuple(py::handle(PyExc_Exception)));
  g_parse = make_type(m, "ParseError",
                      "Input that cannot be read: a malformed number ('12.5' in the Vietnamese "
                      "format), an unknown word, a broken CSV. Attributes: file, line, column, "
                      "column_name, message, text; for a document's table also sheet (the "
                      "workbook sheet's name), table (the Word table's number) and cell ('D10', "
                      "a sheet's cell), None otherwise. file is the file alone.",
                      py::make_tuple(py::handle(g_error), py::handle(PyExc_ValueError)));
  g_encoding =
      make_type(m, "EncodingError", "Bytes that are not valid UTF-8; line and column say where.",
                py::make_tuple(py::handle(g_parse)));
  g_validation = make_type(m, "ValidationError",
                           "Input that reads but does not fit together: a missing required "
                           "column, a compound result whose labels do not match its target. "
                           "Attributes as ParseError's (file, line, column, column_name, sheet, "
                           "table, cell, message).",
                           py::make_tuple(py::handle(g_error), py::handle(PyExc_ValueError)));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const EncodingError& e) {
      raise(g_encoding, e.what(), e.where(), e.message(), e.text());
    } catch (const ParseError& e) {
      raise(g_parse, e.what(), e.where(), e.message(), e.text());
    } catch (const ValidationError& e) {
      raise(g_validation, e.what(), e.where(), e.message(), "");
    } catch (const Error& e) {
      PyErr_SetString(g_error, e.what());
    }
  });
}

}  // namespace dxkit::python

#pragma once
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "dxkit/text/csv.hpp"

namespace dxkit::python {
namespace py = pybind11;
void bind_errors(py::module_& m);
void bind_text(py::module_& m);
void bind_expressions(py::module_& m);
void bind_evaluate(py::module_& m);
void bind_budget(py::module_& m);
void bind_index(py::module_& m);
void bind_dti(py::module_& m);
void bind_deadline(py::module_& m);
void bind_progress(py::module_& m);

/// A DataFrame's columns (as text) in the shape of a parsed CSV, rows numbered from line 2.
/// Throws ValidationError when the header and columns do not fit.
csv::Table table_from_columns(std::vector<std::string> header,
                              std::vector<std::vector<std::string>> columns, std::string source);
}  // namespace dxkit::python

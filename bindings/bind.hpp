#pragma once
// One bind_<area> per area of the core; module.cpp gives each its own _core submodule, named
// as the C++ area (errors stay at _core's top level).
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "dxkit/text/csv.hpp"
#include "dxkit/text/reading.hpp"

namespace dxkit::python {
namespace py = pybind11;
void bind_errors(py::module_& m);
void bind_text(py::module_& m);
void bind_targets(py::module_& m);
void bind_budget(py::module_& m);
void bind_index(py::module_& m);
void bind_dti(py::module_& m);
void bind_plan(py::module_& m);
void bind_units(py::module_& m);
void bind_document(py::module_& m);

/// csv::from_columns, under the name the index and dti bindings use.
inline csv::Table table_from_columns(std::vector<std::string> header,
                                     std::vector<std::vector<std::string>> columns,
                                     std::string source) {
  return csv::from_columns(std::move(header), std::move(columns), std::move(source));
}
}  // namespace dxkit::python

#pragma once
#include <pybind11/pybind11.h>

namespace dxkit::python {
namespace py = pybind11;
void bind_errors(py::module_& m);
void bind_text(py::module_& m);
void bind_expressions(py::module_& m);
void bind_evaluate(py::module_& m);
void bind_budget(py::module_& m);
}  // namespace dxkit::python

#pragma once
// One bind_<area> per area of the core; module.cpp gives each its own _core submodule, named
// as the C++ area (errors stay at _core's top level).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/plan/assignment.hpp"
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
void bind_report(py::module_& m);

/// An assignment list held as one object (_core.plan.AssignmentList): pybind11/stl.h would
/// otherwise turn the vector into a Python list. Shared by the plan and report bindings.
struct Assignments {
  std::vector<Assignment> items;
};

/// Runs `work` with the GIL released and returns its result, so that other Python threads run
/// while the core works (and, with the cancellation hook of module.cpp, Ctrl-C stops it). The
/// rule for every binding that can take more than a millisecond: convert the Python arguments
/// to C++ first, call the core through this (or py::call_guard<py::gil_scoped_release> when
/// the whole body is C++), build the Python answer after. `work` must touch no Python object:
/// no py::object made, copied or destroyed (a copy changes a reference count), no callback.
/// Memory borrowed from a Python object (a numpy buffer) stays valid because the caller's
/// py::object, alive across the call, holds it.
template <class Work>
decltype(auto) released(Work&& work) {
  py::gil_scoped_release release;
  return std::forward<Work>(work)();
}

/// A numpy array that owns `values` (moved, not copied, and freed with the array): for large
/// results, which py::cast would turn into a Python list of objects first.
template <class T>
py::array owned_array(std::vector<T>&& values) {
  auto* owner = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(owner->size()), owner->data(), free_when_done);
}

/// A (rows, cols) numpy array in column order that owns `values` (column c at
/// values[c * rows ..], moved, not copied): a data set's columns, a table of ranks.
template <class T>
py::array owned_columns(std::vector<T>&& values, std::size_t rows, std::size_t cols) {
  auto* owner = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array(py::dtype::of<T>(), {rows, cols}, {sizeof(T), sizeof(T) * rows}, owner->data(),
                   free_when_done);
}

/// Views of the cells of an Arrow string column, given as its chunks' (offsets, data,
/// validity or None, offset, length, large offsets?) buffers (_frames.arrow_string_chunks),
/// read in place; a missing cell is "". The views live as long as the buffers. Defined in
/// columns.cpp.
std::vector<std::string_view> arrow_string_views(const py::list& chunks);

/// A column of text given as a list of str, as Arrow chunks (as above) or as a 1-D numpy array
/// of integers (written in decimal), copied into strings: what the index's unit codes, names
/// and iMeta columns cross as.
std::vector<std::string> texts_of(const py::handle& column);

/// csv::from_columns, under the name the index and dti bindings use.
inline csv::Table table_from_columns(std::vector<std::string> header,
                                     std::vector<std::vector<std::string>> columns,
                                     std::string source) {
  return csv::from_columns(std::move(header), std::move(columns), std::move(source));
}
}  // namespace dxkit::python

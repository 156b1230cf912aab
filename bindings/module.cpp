// _core mirrors the C++ areas: _core.text, _core.targets, _core.budget, _core.index,
// _core.dti and _core.plan, each filled by its bindings/<area>.cpp. The error classes stay at
// the top level (_core.Error, _core.ParseError, ...), shared by every area.
#include "bind.hpp"
#include "dxkit/version.hpp"

namespace dxkit::python {
void bind_columns(py::module_& m);  // bindings/columns.cpp, into _core.targets
}

PYBIND11_MODULE(_core, m) {
  namespace python = dxkit::python;
  m.doc() = "dxkit's C++ core. Use the dxkit package, which re-exports and extends it.";
  m.attr("__version__") = dxkit::version();
  python::bind_errors(m);
  // Registration order matters for signatures: a type is named in a docstring only when it
  // is registered before the function that takes or returns it.
  auto text = m.def_submodule("text", "Numbers, Unicode and the CSV reader.");
  auto targets = m.def_submodule("targets", "Targets, results, schemes, evaluated tables.");
  auto budget = m.def_submodule("budget", "Budget appendices and exact money.");
  auto index = m.def_submodule("index", "Composite indices (COINr's pipeline).");
  auto dti = m.def_submodule("dti", "The Digital Transformation Index and its presets.");
  auto plan = m.def_submodule("plan", "Deadlines, assignments, progress and text checks.");
  python::bind_text(text);
  python::bind_targets(targets);
  python::bind_budget(budget);
  python::bind_index(index);
  python::bind_dti(dti);
  python::bind_plan(plan);
  auto units = m.def_submodule("units", "Administrative units through the 2025 reorganisation.");
  python::bind_units(units);
  auto document = m.def_submodule("document", "Word and Excel documents and their tables.");
  python::bind_document(document);
  python::bind_columns(targets);
}

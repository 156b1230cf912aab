#include "bind.hpp"

#include "dxkit/version.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "dxkit's C++ core. Use the dxkit package, which re-exports and extends it.";
  m.attr("__version__") = dxkit::version;
  dxkit::python::bind_errors(m);
  dxkit::python::bind_text(m);
  dxkit::python::bind_expressions(m);
  dxkit::python::bind_evaluate(m);
  dxkit::python::bind_budget(m);
  dxkit::python::bind_index(m);
  dxkit::python::bind_dti(m);
  dxkit::python::bind_deadline(m);
  dxkit::python::bind_progress(m);
}

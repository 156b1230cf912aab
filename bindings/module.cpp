// _core mirrors the C++ areas: _core.text, _core.targets, _core.budget, _core.index,
// _core.dti and _core.plan, each filled by its bindings/<area>.cpp. The error classes stay at
// the top level (_core.Error, _core.ParseError, ...), shared by every area.
#include <atomic>
#include <chrono>

#include "bind.hpp"
#include "dxkit/cancel.hpp"
#include "dxkit/version.hpp"

namespace dxkit::python {
void bind_columns(py::module_& m);  // bindings/columns.cpp, into _core.targets

namespace {

// Ctrl-C during a long call. The core polls check_cancelled() (dxkit/cancel.hpp) between
// chunks of work (a replicate, a bootstrap resample, a unit's summary, 65,536 rows evaluated
// or read from CSV), with the GIL released. Python runs signal handlers on its main thread
// only, and only with the GIL held, so the hook:
// - returns at once on any other thread (PyErr_CheckSignals would do nothing there): a run
//   started from a worker thread goes on, as Python code in that thread would;
// - on the main thread, takes the GIL at most once per kPoll (a steady_clock read otherwise,
//   a few nanoseconds) and calls PyErr_CheckSignals; when a handler raises (SIGINT's default
//   one raises KeyboardInterrupt), that exception stops the run: parallel_for joins its
//   threads and rethrows it, and it reaches the caller as the Python exception.
// The alternative, a flag set by a signal handler of our own, was rejected: a Python-level
// handler runs only from PyErr_CheckSignals (so it cannot set the flag while the main thread
// is in C++), and a C-level handler (sigaction) would replace or have to chain Python's own
// and would see SIGINT only, not the handlers a program installs with signal.signal.
// Cost: nothing measurable alone (one uncontended GIL round trip, about a microsecond, per
// kPoll). While another Python thread runs Python code, taking the GIL waits for it to let go
// (up to the switch interval, 5 ms): polling every 20 ms made a 20,000-replicate run about 20 %
// slower beside a busy Python thread, hence 50 ms (at most about a tenth, none when the other
// threads wait or run C). Latency: kPoll plus the chunk in progress; measured 0-40 ms from the
// SIGINT to the exception; the tests ask for under 0,2 s (tests/python/test_long_runs.py).
constexpr auto kPoll = std::chrono::milliseconds(50);
std::atomic<unsigned long> main_thread{0};

void stop_on_signal() {
  if (PyThread_get_thread_ident() != main_thread.load(std::memory_order_relaxed)) return;
  // Read and written by the main thread only (checked above): no lock needed.
  static std::chrono::steady_clock::time_point next_poll{};
  const auto now = std::chrono::steady_clock::now();
  if (now < next_poll) return;
  next_poll = now + kPoll;
  py::gil_scoped_acquire gil;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

}  // namespace
}  // namespace dxkit::python

PYBIND11_MODULE(_core, m) {
  namespace python = dxkit::python;
  m.doc() = "dxkit's C++ core. Use the dxkit package, which re-exports and extends it.";
  m.attr("__version__") = dxkit::version();
  python::bind_errors(m);
  python::main_thread = python::py::module_::import("threading")
                            .attr("main_thread")()
                            .attr("ident")
                            .cast<unsigned long>();
  dxkit::set_cancel_hook(&python::stop_on_signal);
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
  // Units before budget and plan: their `expressed` methods take a units.Registry, and a
  // signature names only the types bound before it (the stubs would show a C++ name).
  auto units = m.def_submodule("units", "Administrative units through the 2025 reorganisation.");
  python::bind_units(units);
  python::bind_budget(budget);
  python::bind_index(index);
  python::bind_dti(dti);
  python::bind_plan(plan);
  auto document = m.def_submodule("document", "Word and Excel documents and their tables.");
  python::bind_document(document);
  python::bind_columns(targets);
  auto report = m.def_submodule("report", "Reports: an Excel workbook and an HTML page.");
  python::bind_report(report);
}

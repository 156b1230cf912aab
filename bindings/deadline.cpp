// Deadlines and assignment appendices for Python: dates cross as ISO strings (Python makes
// them datetime.date), assignment tables as text columns.
#include <pybind11/stl.h>

#include <memory>

#include "bind.hpp"
#include "dxkit/plan/deadline.hpp"

namespace dxkit::python {

namespace {
py::object iso(const std::optional<Date>& d) {
  return d ? py::object(py::str(d->iso())) : py::none();
}
// A holder of its own: pybind11/stl.h would otherwise turn the vector into a Python list.
struct Assignments {
  std::vector<Assignment> items;
};
}  // namespace

void bind_deadline(py::module_& m) {
  py::class_<Deadline>(m, "Deadline", "A deadline read from words (dxkit.parse_deadline).")
      .def_property_readonly("kind", [](const Deadline& d) { return to_string(d.kind); })
      .def_property_readonly("start", [](const Deadline& d) { return iso(d.start); })
      .def_property_readonly("due", [](const Deadline& d) { return iso(d.due); })
      .def_readonly("text", &Deadline::text)
      .def_readonly("reading", &Deadline::reading)
      .def("__repr__", [](const Deadline& d) {
        return "<Deadline " + std::string(to_string(d.kind)) + ": " + d.reading + ">";
      });
  m.def("_parse_deadline", &parse_deadline, py::arg("text"));

  py::class_<Assignments, std::shared_ptr<Assignments>>(m, "AssignmentList")
      .def("__len__", [](const Assignments& a) { return a.items.size(); })
      .def("rows", [](const Assignments& list) {
        py::list out;
        for (const Assignment& a : list.items)
          out.append(py::make_tuple(a.number, a.section, a.task, a.lead, a.support, a.deadline.text,
                                    to_string(a.deadline.kind), iso(a.deadline.start), iso(a.deadline.due),
                                    a.status, a.line));
        return out;
      })
      .def("due", [](const Assignments& list, const std::string& as_of, int within) {
        py::list out;
        for (const DueItem& i : due(list.items, parse_iso_date(as_of), within))
          out.append(py::make_tuple(to_string(i.status), i.days ? py::object(py::int_(*i.days)) : py::none()));
        return out;
      })
      .def("ics", [](const Assignments& list, const std::string& name) { return to_ics(list.items, name); });
  m.def("assignments_from_columns",
        [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
           std::string source, const std::string& default_deadline) {
          return std::make_shared<Assignments>(Assignments{read_assignments(
              table_from_columns(std::move(header), std::move(columns), std::move(source)), default_deadline)});
        });
  m.def("assignments_from_csv", [](const std::string& path, const std::string& default_deadline) {
    return std::make_shared<Assignments>(
        Assignments{read_assignments(std::filesystem::path(path), default_deadline)});
  });
}

}  // namespace dxkit::python

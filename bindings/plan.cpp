// dxkit's plan area for Python (_core.plan): deadlines and assignment appendices, progress
// toward targets across documents, and the checks of a plan's text. Dates cross as ISO
// strings (Python makes them datetime.date); tables arrive as _core.text.Table (read by the
// core's CSV reader, or built from a DataFrame's text columns); verdicts leave as tuples.
#include <pybind11/stl.h>

#include <memory>

#include "bind.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/consistency.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/units/express.hpp"

namespace dxkit::python {

namespace {

py::object iso(const std::optional<Date>& d) {
  return d ? py::object(py::str(d->iso())) : py::none();
}

void bind_deadlines(py::module_& m) {
  py::class_<Deadline>(m, "Deadline", "A deadline read from words (dxkit.parse_deadline).")
      .def_property_readonly("kind", [](const Deadline& d) { return to_string(d.kind); })
      .def_property_readonly("start", [](const Deadline& d) { return iso(d.start); })
      .def_property_readonly("due", [](const Deadline& d) { return iso(d.due); })
      .def_readonly("text", &Deadline::text)
      .def_readonly("reading", &Deadline::reading)
      .def("__repr__", [](const Deadline& d) {
        return "<Deadline " + std::string(to_string(d.kind)) + ": " + d.reading + ">";
      });
  m.def("parse_deadline", &parse_deadline, py::arg("text"));

  py::class_<Assignments, std::shared_ptr<Assignments>>(m, "AssignmentList")
      .def("__len__", [](const Assignments& a) { return a.items.size(); })
      .def("rows",
           [](const Assignments& list) {
             py::list out;
             for (const Assignment& a : list.items)
               out.append(py::make_tuple(a.number, a.section, a.task, a.lead, a.support,
                                         a.deadline.text, to_string(a.deadline.kind),
                                         iso(a.deadline.start), iso(a.deadline.due), a.status,
                                         a.line));
             return out;
           })
      .def(
          "due",
          [](const Assignments& list, const std::string& as_of, int within) {
            std::vector<DueItem> items;
            {
              py::gil_scoped_release release;
              items = due(list.items, parse_iso_date(as_of), within);
            }
            py::list out;
            for (const DueItem& i : items)
              out.append(py::make_tuple(to_string(i.status),
                                        i.days ? py::object(py::int_(*i.days)) : py::none()));
            return out;
          },
          py::arg("as_of"), py::arg("within"))
      .def(
          "by_agency",
          [](const Assignments& list, const std::string& as_of, int within,
             const std::string& aliases) {
            std::vector<AgencyDue> groups;
            {
              py::gil_scoped_release release;
              const AgencyAliases user =
                  aliases.empty() ? AgencyAliases{} : read_agency_aliases(aliases);
              groups = due_by_agency(due(list.items, parse_iso_date(as_of), within), user);
            }
            py::list out;
            for (const AgencyDue& g : groups)
              out.append(py::make_tuple(g.agency, g.count(DueStatus::overdue),
                                        g.count(DueStatus::due_soon), g.count(DueStatus::open),
                                        g.count(DueStatus::done), g.count(DueStatus::recurring),
                                        g.count(DueStatus::undated)));
            return out;
          },
          py::arg("as_of"), py::arg("within"), py::arg("aliases") = "")
      .def(
          "expressed",
          [](const Assignments& list, const units::Registry& registry, const std::string& as_of,
             const std::string& file) {
            auto copy = std::make_shared<Assignments>(list);
            units::AgenciesWritten w;
            {
              py::gil_scoped_release release;
              w = units::express_assignments(registry, copy->items, parse_iso_date(as_of), file);
            }
            std::vector<std::string> notes;
            for (const Diagnostic& d : w.notes) notes.push_back(d.to_string());
            std::map<std::string, std::string> originals;
            for (const auto& [name, _] : w.written) originals[name] = w.original(name);
            return py::make_tuple(copy, w.lead, originals, notes);
          },
          py::arg("registry"), py::arg("as_of"), py::arg("file"),
          "(a copy with the agencies of as_of, each task's lead as written, {agency at as_of: "
          "names as written}, notes).")
      .def(
          "ics",
          [](const Assignments& list, const std::string& name) { return to_ics(list.items, name); },
          py::arg("name"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "assignments_from_table",
      [](const csv::Table& table, const std::string& default_deadline) {
        return std::make_shared<Assignments>(
            Assignments{read_assignments(table, default_deadline)});
      },
      py::arg("table"), py::arg("default_deadline"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "assignments_from_csv",
      [](const std::string& path, const std::string& default_deadline) {
        return std::make_shared<Assignments>(
            Assignments{read_assignments(std::filesystem::path(path), default_deadline)});
      },
      py::arg("path"), py::arg("default_deadline"), py::call_guard<py::gil_scoped_release>());
}

void bind_progress(py::module_& m) {
  m.def("read_mapping", &read_mapping, py::arg("table"), py::call_guard<py::gil_scoped_release>(),
        "{code as written: common code} from a table of from, to.");
  m.def(
      "progress_from_tables",
      [](const csv::Table& observations, const std::map<std::string, std::string>& mapping,
         const std::optional<csv::Table>& documents, bool compound, double on_track,
         double acceleration, double limited, std::optional<int> as_of_year,
         const std::string& number_format) {
        ProgressOptions o;
        o.compound = compound;
        o.on_track = on_track;
        o.acceleration = acceleration;
        o.limited = limited;
        o.as_of_year = as_of_year;
        std::vector<Progress> verdicts;
        {
          py::gil_scoped_release release;
          auto obs = read_observations(
              observations,
              observation_number_format(observations, parse_number_style(number_format)).format);
          link(obs, mapping, documents ? read_documents(*documents) : std::vector<Document>{});
          verdicts = progress(obs, o);
        }
        py::list out;
        for (const Progress& p : verdicts)
          out.append(py::make_tuple(p.indicator, p.name, p.target_year, p.target_text, p.target,
                                    p.lower_is_better, p.baseline_year, p.baseline, p.latest_year,
                                    p.latest, p.required, p.observed, p.ratio, p.projected,
                                    p.year_reached, p.status, p.path_from));
        return out;
      },
      py::arg("observations"), py::arg("mapping"), py::arg("documents"), py::arg("compound"),
      py::arg("on_track"), py::arg("acceleration"), py::arg("limited"), py::arg("as_of_year"),
      py::arg("number_format") = "vietnamese");
  m.def(
      "observation_number_format",
      [](const csv::Table& observations, const std::string& number_format) {
        const NumberDecision d =
            observation_number_format(observations, parse_number_style(number_format));
        return py::make_tuple(
            d.format == NumberFormat::plain ? std::string("plain") : std::string("vietnamese"),
            d.note);
      },
      py::arg("observations"), py::arg("number_format") = "vietnamese",
      "(format, note): how a long table's values are read under 'vietnamese', 'plain' or "
      "'auto'.");
}

// The text's tallies against a results appendix, scored as dxkit evaluate scores it, and
// counted from the appendix's own verdict column where it has one (one path for a CSV
// appendix and a document's table, as the command line's check-text).
std::vector<Tally> tallies_against(const std::string& text, const IndicatorTable& table,
                                   const std::string& scheme, const std::string& source) {
  const auto e = evaluate(table, Scheme::from_name(scheme));
  return check_tallies(text, table, e, source, table.source);
}

py::list tally_rows(const std::vector<Tally>& tallies) {
  py::list out;
  for (const Tally& t : tallies)
    out.append(py::make_tuple(t.line, t.quote, t.category, t.stated, t.stated_total, t.counted,
                              t.total, t.at_threshold, t.supported, t.diagnostic.code,
                              t.diagnostic.message));
  return out;
}

// The appendix's numbers as dxkit evaluate --numbers reads them.
TableOptions appendix_options(const std::string& number_format) {
  TableOptions o;
  const NumberStyle style = parse_number_style(number_format);
  o.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  o.detect_format = style == NumberStyle::automatic;
  return o;
}

// The tallies of `text` against the appendix `read` gives (read and checked with the GIL
// released): the rows of tally_rows and how number_format="auto" read the appendix.
template <class Read>
py::tuple tallies_against_appendix(const std::string& text, const Read& read,
                                   const std::string& scheme, const std::string& source) {
  auto [tallies, note] = released([&] {
    const IndicatorTable t = read();
    return std::pair{tallies_against(text, t, scheme, source), t.number_note};
  });
  return py::make_tuple(tally_rows(tallies), note);
}

void bind_checks(py::module_& m) {
  m.def(
      "read_documents",
      [](const csv::Table& table) {
        py::list out;
        for (const Document& d : released([&] { return read_documents(table); }))
          out.append(
              py::make_tuple(d.number, d.kind, d.province, d.year,
                             d.date ? py::object(py::str(d.date->iso())) : py::object(py::none())));
        return out;
      },
      py::arg("table"));
  m.def(
      "check_text",
      [](const std::string& text, const std::string& source) {
        std::vector<TextFinding> findings;
        {
          py::gil_scoped_release release;
          findings = check_text(text, source);
        }
        py::list out;
        for (const TextFinding& f : findings)
          out.append(py::make_tuple(f.line(), f.kind(), f.quote, f.message(),
                                    f.other_line ? py::object(py::int_(f.other_line)) : py::none(),
                                    f.other_quote));
        return out;
      },
      py::arg("text"), py::arg("source"));
  m.def(
      "check_tallies",
      [](const std::string& text, const std::string& appendix, const std::string& scheme,
         const std::string& source, const std::string& number_format) {
        return tallies_against_appendix(
            text, [&] { return read_indicator_table(appendix, appendix_options(number_format)); },
            scheme, source);
      },
      py::arg("text"), py::arg("appendix"), py::arg("scheme"), py::arg("source"),
      py::arg("number_format") = "vietnamese",
      "(rows, note): the tallies, and how number_format='auto' read the appendix.");
  m.def(
      "check_tallies_table",
      [](const std::string& text, const csv::Table& appendix, const std::string& scheme,
         const std::string& source, const std::string& number_format) {
        return tallies_against_appendix(
            text, [&] { return make_indicator_table(appendix, appendix_options(number_format)); },
            scheme, source);
      },
      py::arg("text"), py::arg("appendix"), py::arg("scheme"), py::arg("source"),
      py::arg("number_format") = "vietnamese",
      "check_tallies with the appendix given as a table (a document's results table).");
}

}  // namespace

void bind_plan(py::module_& m) {
  bind_deadlines(m);
  bind_progress(m);
  bind_checks(m);
}

}  // namespace dxkit::python

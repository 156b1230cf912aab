// dxkit.units for Python (_core.units): the registries of provinces and agencies through the
// 2025 reorganisation, users' mapping tables, series carried into the units of a date and
// rankings across the break. Dates cross as ISO strings; results leave as columns or tuples.
#include <pybind11/stl.h>

#include <tuple>

#include "bind.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/units/express.hpp"
#include "dxkit/units/follow.hpp"
#include "dxkit/units/population.hpp"
#include "dxkit/units/ranking.hpp"

namespace dxkit::python {

namespace {

using namespace dxkit::units;

std::optional<Date> day(const std::optional<std::string>& iso) {
  if (!iso) return std::nullopt;
  return parse_iso_date(*iso);
}

py::object iso(const std::optional<Date>& d) {
  return d ? py::object(py::str(d->iso())) : py::none();
}

py::tuple unit_tuple(const Unit& u) {
  return py::make_tuple(u.code, u.name, u.kind, iso(u.from), iso(u.until), u.spellings, u.source);
}

py::list links(const Registry& r, const std::vector<Succession>& list, bool forward) {
  py::list out;
  for (const Succession& s : list) {
    const Unit& other = r.unit(forward ? s.new_unit : s.old_unit);
    out.append(py::make_tuple(other.name, other.code, s.from.iso(), s.share, s.source, s.note));
  }
  return out;
}

}  // namespace

void bind_units(py::module_& m) {
  m.def(
      "carry_rules",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& e : kRules.entries) out.emplace_back(e.name, e.meaning);
        return out;
      },
      "(name, meaning) of each carry rule.");
  py::class_<Registry>(m, "Registry", "Administrative units with periods and successors.")
      .def_property_readonly("what", &Registry::what)
      .def("__len__", [](const Registry& r) { return r.units().size(); })
      .def(
          "units",
          [](const Registry& r, const std::optional<std::string>& as_of) {
            py::list out;
            const auto when = day(as_of);
            for (std::size_t i = 0; i < r.units().size(); ++i)
              if (!when || r.unit(i).valid_at(*when)) {
                std::vector<std::string> from;
                for (const Succession& s : r.predecessors(i))
                  from.push_back(r.unit(s.old_unit).name);
                out.append(py::make_tuple(unit_tuple(r.unit(i)), from));
              }
            return out;
          },
          py::arg("as_of") = py::none(), "(unit tuple, predecessor names) of the units valid then.")
      .def(
          "resolve",
          [](const Registry& r, const std::string& name, const std::optional<std::string>& as_of) {
            return unit_tuple(r.unit(r.resolve(name, day(as_of))));
          },
          py::arg("name"), py::arg("as_of") = py::none(),
          "(code, name, kind, from, until, spellings, source) of the unit named so.")
      .def(
          "successors",
          [](const Registry& r, const std::string& name, const std::optional<std::string>& as_of) {
            return links(r, r.successors(r.resolve(name, day(as_of))), true);
          },
          py::arg("name"), py::arg("as_of") = py::none(),
          "(name, code, from, share, source, note) of what the unit became.")
      .def(
          "predecessors",
          [](const Registry& r, const std::string& name, const std::optional<std::string>& as_of) {
            return links(r, r.predecessors(r.resolve(name, day(as_of))), false);
          },
          py::arg("name"), py::arg("as_of") = py::none(),
          "(name, code, from, share, source, note) of what the unit was formed from.")
      .def(
          "destinations",
          [](const Registry& r, const std::string& name, const std::string& as_of,
             const std::optional<std::string>& from) {
            py::list out;
            for (const Destination& d :
                 r.destinations(r.resolve(name, day(from)), parse_iso_date(as_of)))
              out.append(py::make_tuple(r.unit(d.unit).name, r.unit(d.unit).code, d.share));
            return out;
          },
          py::arg("name"), py::arg("as_of"), py::arg("at") = py::none(),
          "(name, code, share) of the units valid at as_of that the unit became.")
      .def(
          "with_table",
          [](const Registry& r, const csv::Table& table) {
            Registry copy = r;
            copy.load(table);
            return copy;
          },
          py::arg("table"), py::call_guard<py::gil_scoped_release>(),
          "A copy with a mapping table (old, new, from, share?) added.");
  m.def("provinces", &provinces, py::return_value_policy::reference,
        "The 63 provinces before and the 34 after 2025-07-01 (Resolution 202/2025/QH15).");
  m.def("agencies", &agencies, py::return_value_policy::reference,
        "The 2025 department mergers (Decree 45/2025/NĐ-CP) and the end of the districts.");
  m.def(
      "shipped_population",
      [] {
        const Population& p = shipped_population();
        return py::make_tuple(p.year, p.source, p.national, p.persons);
      },
      "(year, source, national persons, {GSO code: persons}) of the 63 provinces.");
  m.def(
      "carry",
      [](const Registry& r, const std::vector<std::string>& units,
         const std::vector<std::string>& indicators, const std::vector<int>& years,
         const std::vector<double>& values, const std::vector<std::optional<std::int64_t>>& exact,
         const std::vector<std::size_t>& lines, const std::string& source,
         const std::map<std::string, std::string>& rules, const std::string& as_of) {
        std::vector<units::Observation> obs;
        for (std::size_t k = 0; k < units.size(); ++k)
          obs.push_back({units.at(k), indicators.at(k), years.at(k), values.at(k), exact.at(k),
                         Location{source, lines.at(k), 0, ""}});
        std::map<std::string, RuleSpec> specs;
        for (const auto& [indicator, text] : rules) specs[indicator] = parse_rule(text);
        const Carry c = released([&] { return carry(r, obs, specs, parse_iso_date(as_of)); });
        std::vector<py::tuple> rows;  // made, copied and freed with the GIL held
        for (const Carried& v : c.values)
          rows.push_back(
              py::make_tuple(r.unit(v.unit).name, r.unit(v.unit).code, v.indicator, v.year,
                             v.value ? py::object(py::float_(*v.value)) : py::none(),
                             v.exact ? py::object(py::int_(*v.exact)) : py::none(),
                             v.rule.to_string(), v.from, v.missing, v.complete(), v.derived));
        std::vector<std::string> notes;
        for (const Diagnostic& d : c.notes) notes.push_back(d.to_string());
        return std::make_pair(std::move(rows), std::move(notes));
      },
      py::arg("registry"), py::arg("units"), py::arg("indicators"), py::arg("years"),
      py::arg("values"), py::arg("exact"), py::arg("lines"), py::arg("source"), py::arg("rules"),
      py::arg("as_of"),
      "Rows (unit, code, indicator, year, value, exact, rule, from, missing, complete, derived) "
      "and the warnings.");
  m.def(
      "read_weights",
      [](const csv::Table& table, const std::string& number_format) {
        const NumberDecision d =
            resolve_number_style(parse_number_style(number_format), table, {"unit", "indicator"});
        return std::make_pair(read_weights(table, d.format), d.note);
      },
      py::arg("table"), py::arg("number_format") = "vietnamese",
      py::call_guard<py::gil_scoped_release>(),
      "({weight: {unit: value}}, note) from a table of unit, indicator, value; number_format "
      "vietnamese, plain or auto (the note says how auto decided).");
  m.def(
      "progress_in",
      [](const Registry& r, const csv::Table& observations,
         const std::map<std::string, std::string>& mapping, const csv::Table& documents,
         const std::string& as_of, const std::map<std::string, std::string>& rules,
         const Weights& weights, bool compound, double on_track, double acceleration,
         double limited, std::optional<int> as_of_year, const std::string& number_format) {
        dxkit::ProgressOptions o;
        o.compound = compound;
        o.on_track = on_track;
        o.acceleration = acceleration;
        o.limited = limited;
        o.as_of_year = as_of_year;
        const ProgressIn in = released([&] {
          std::map<std::string, RuleSpec> specs;
          for (const auto& [indicator, text] : rules) specs[indicator] = parse_rule(text);
          auto obs = read_observations(
              observations,
              observation_number_format(observations, parse_number_style(number_format)).format);
          const auto docs = read_documents(documents);
          link(obs, mapping, docs);
          return progress_in(r, obs, docs, parse_iso_date(as_of), specs, weights, o,
                             observations.source);
        });
        py::list rows;
        for (const ProvinceProgress& x : in.rows) {
          const dxkit::Progress& p = x.progress;
          rows.append(py::make_tuple(x.province, x.original, p.indicator, p.name, p.target_year,
                                     p.target_text, p.target, p.lower_is_better, p.baseline_year,
                                     p.baseline, p.latest_year, p.latest, p.required, p.observed,
                                     p.ratio, p.projected, p.year_reached, p.status, p.path_from));
        }
        std::vector<std::string> notes;
        for (const Diagnostic& d : in.notes) notes.push_back(d.to_string());
        return py::make_tuple(rows, notes);
      },
      py::arg("registry"), py::arg("observations"), py::arg("mapping"), py::arg("documents"),
      py::arg("as_of"), py::arg("rules"), py::arg("weights"), py::arg("compound"),
      py::arg("on_track"), py::arg("acceleration"), py::arg("limited"), py::arg("as_of_year"),
      py::arg("number_format") = "vietnamese",
      "Rows (province, original, then the columns of plan.progress_from_tables) of a plan "
      "followed into the provinces of as_of, and the notes.");
  m.def(
      "compare_rankings",
      [](const Registry& r, const std::vector<std::pair<std::string, double>>& current, int year,
         const std::vector<std::pair<std::string, double>>& previous, int previous_year,
         const std::map<std::string, double>& weights, const std::string& rule,
         const std::string& as_of) {
        std::vector<RankedScore> now, before;
        for (const auto& [u, s] : current) now.push_back({u, s, {}});
        for (const auto& [u, s] : previous) before.push_back({u, s, {}});
        const RankingAcross c = released([&] {
          return compare_rankings(r, now, year, before, previous_year, weights, parse_rule(rule),
                                  parse_iso_date(as_of));
        });
        std::vector<py::tuple> rows;  // made and freed with the GIL held
        const auto opt = [](const auto& v) { return v ? py::cast(*v) : py::none(); };
        for (const RankAcross& x : c.rows)
          rows.push_back(py::make_tuple(
              r.unit(x.unit).name, r.unit(x.unit).code, x.score, x.rank, opt(x.previous_score),
              opt(x.previous_rank), opt(x.score_change), opt(x.rank_change),
              x.across ? "across the reorganisation" : "like for like", x.predecessors, x.missing));
        std::vector<std::string> notes;
        for (const Diagnostic& d : c.notes) notes.push_back(d.to_string());
        return py::make_tuple(rows, notes);
      },
      py::arg("registry"), py::arg("current"), py::arg("year"), py::arg("previous"),
      py::arg("previous_year"), py::arg("weights"), py::arg("rule"), py::arg("as_of"),
      "Rows (unit, code, score, rank, previous_score, previous_rank, score_change, rank_change, "
      "basis, predecessors, missing) and the notes.");
  m.def(
      "express",
      [](const Registry& r, const std::vector<std::string>& names, const std::string& as_of,
         bool keep_unknown, const std::string& source) {
        Diagnostics notes;
        std::vector<std::tuple<std::string, std::string, bool, bool>> rows;
        for (std::size_t k = 0; k < names.size(); ++k) {
          const Expressed e = express(r, names[k], parse_iso_date(as_of),
                                      keep_unknown ? Unknown::keep : Unknown::error,
                                      Location{source, k + 1, 0, ""}, notes);
          rows.emplace_back(e.name, e.original, e.moved, e.known);
        }
        std::vector<std::string> text;
        for (const Diagnostic& d : notes) text.push_back(d.to_string());
        return std::make_pair(rows, text);
      },
      py::arg("registry"), py::arg("names"), py::arg("as_of"), py::arg("keep_unknown"),
      py::arg("source"), py::call_guard<py::gil_scoped_release>(),
      "Rows (name at as_of, original, moved, known) and the warnings.");
  m.def(
      "carry_ranking",
      [](const Registry& r, const std::vector<std::pair<std::string, double>>& scores, int year,
         const std::map<std::string, double>& weights, const std::string& rule,
         const std::string& as_of) {
        std::vector<RankedScore> given;
        for (const auto& [u, s] : scores) given.push_back({u, s, {}});
        const RankingAcross c =
            carry_ranking(r, given, year, weights, parse_rule(rule), parse_iso_date(as_of));
        std::vector<std::tuple<std::string, std::string, double, int, std::string,
                               std::vector<std::string>, std::vector<std::string>>>
            rows;
        for (const RankAcross& x : c.rows)
          rows.emplace_back(r.unit(x.unit).name, r.unit(x.unit).code, x.score, x.rank,
                            x.across ? "across the reorganisation" : "like for like",
                            x.predecessors, x.missing);
        std::vector<std::string> notes;
        for (const Diagnostic& d : c.notes) notes.push_back(d.to_string());
        return std::make_pair(rows, notes);
      },
      py::arg("registry"), py::arg("scores"), py::arg("year"), py::arg("weights"), py::arg("rule"),
      py::arg("as_of"), py::call_guard<py::gil_scoped_release>(),
      "Rows (unit, code, score, rank, basis, predecessors, missing) and the notes.");
}

}  // namespace dxkit::python

// Progress toward targets for Python: the long table crosses as text columns; each verdict
// comes back as a tuple for a DataFrame.
#include <pybind11/stl.h>

#include "bind.hpp"
#include "dxkit/plan/consistency.hpp"
#include "dxkit/plan/progress.hpp"

namespace dxkit::python {

void bind_check_text(py::module_& m);

void bind_progress(py::module_& m) {
  bind_check_text(m);
  m.def("progress_from_columns",
        [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
           std::string source, const std::map<std::string, std::string>& mapping,
           std::optional<std::vector<std::string>> doc_header,
           std::optional<std::vector<std::vector<std::string>>> doc_columns, bool compound,
           double on_track, double acceleration, double limited, std::optional<int> as_of_year) {
          auto obs = read_observations(table_from_columns(std::move(header), std::move(columns), std::move(source)));
          std::vector<Document> docs;
          if (doc_header) docs = read_documents(table_from_columns(*doc_header, *doc_columns, "<documents>"));
          link(obs, mapping, docs);
          ProgressOptions o;
          o.compound = compound;
          o.on_track = on_track;
          o.acceleration = acceleration;
          o.limited = limited;
          o.as_of_year = as_of_year;
          py::list out;
          for (const Progress& p : progress(obs, o))
            out.append(py::make_tuple(p.indicator, p.name, p.target_year, p.target_text, p.target,
                                      p.lower_is_better, p.baseline_year, p.baseline, p.latest_year,
                                      p.latest, p.required, p.observed, p.ratio, p.projected,
                                      p.year_reached, p.status, p.path_from));
          return out;
        });
}

void bind_check_text(py::module_& m) {
  m.def("read_documents", [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
                             std::string source) {
    py::list out;
    for (const Document& d : read_documents(table_from_columns(std::move(header), std::move(columns), std::move(source))))
      out.append(py::make_tuple(d.number, d.kind, d.province, d.year, d.date.empty() ? py::object(py::none()) : py::str(d.date)));
    return out;
  });
  m.def("check_text", [](const std::string& text, const std::string& source) {
    py::list out;
    for (const TextFinding& f : check_text(text, source))
      out.append(py::make_tuple(f.line(), f.kind(), f.quote, f.message(),
                                f.other_line ? py::object(py::int_(f.other_line)) : py::none(), f.other_quote));
    return out;
  });
  m.def("check_tallies", [](const std::string& text, const std::string& appendix, const std::string& scheme,
                            const std::string& source) {
    const auto e = evaluate(read_indicator_table(appendix), Scheme::from_name(scheme));
    py::list out;
    for (const Tally& t : check_tallies(text, e, source))
      out.append(py::make_tuple(t.line, t.quote, t.category, t.stated, t.stated_total, t.counted, t.total,
                                t.at_threshold, t.supported));
    return out;
  });
}

}  // namespace dxkit::python

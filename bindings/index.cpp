// dxkit::index for Python: iMeta crosses as text (it is small), iData's numbers as one
// float64 array (units × columns, no per-cell objects), and every data set of a run comes
// back as a 2-D numpy view of the C++ memory.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <tuple>

#include "bind.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/index/uncertainty.hpp"
#include "dxkit/index/weights.hpp"

namespace dxkit::python {

namespace {

using namespace dxkit::index;

py::array view(const DataSet& d, py::handle owner) {
  // Column-major storage seen as a (units, columns) array with Fortran strides.
  return py::array(py::dtype::of<double>(), {d.rows(), d.columns.size()},
                   {sizeof(double), sizeof(double) * d.rows()}, d.values.data(), owner);
}

// A list of records as Python takes them: one tuple per item, made by `row`.
template <class T, class Row>
py::list rows_of(const std::vector<T>& items, Row&& row) {
  py::list out;
  for (const T& item : items) out.append(row(item));
  return out;
}

// A list of records as a dict of columns (a DataFrame's input): one list per named field.
template <class T, class... Field>
py::dict columns_of(const std::vector<T>& items, const std::pair<const char*, Field>&... fields) {
  py::dict out;
  const auto column = [&](const auto& field) {
    py::list values;
    for (const T& item : items) values.append(field.second(item));
    out[field.first] = values;
  };
  (column(fields), ...);
  return out;
}

// An optional as a Python value or None.
template <class T>
py::object or_none(bool present, const T& value) {
  return present ? py::cast(value) : py::none();
}

// The assumptions of an uncertainty or sensitivity analysis as Python passes them.
Assumptions assumptions_from(const std::map<int, double>& noise,
                             const std::vector<std::string>& norms,
                             const std::vector<std::string>& aggs, bool imputation, bool treatment,
                             const std::vector<std::string>& leave_out) {
  Assumptions a;
  a.weight_noise = noise;
  for (const auto& t : norms) a.normalisations.push_back(parse_norm_spec(t));
  for (const auto& t : aggs) a.aggregations.push_back(parse_agg_spec(t));
  a.imputation = imputation;
  a.treatment = treatment;
  a.leave_out = leave_out;
  return a;
}

// A Python progress callable(done, total), or None, as the core's Progress (called with the
// GIL taken again).
Progress progress_from(const py::object& progress) {
  if (progress.is_none()) return {};
  return [progress](std::size_t done, std::size_t total) {
    py::gil_scoped_acquire gil;
    progress(done, total);
  };
}

// Options as Python passes them: (key, value) pairs for set_option.
PipelineOptions options_from(const std::vector<std::pair<std::string, std::string>>& settings) {
  PipelineOptions o;
  for (const auto& [k, v] : settings) set_option(o, k, v);
  return o;
}

}  // namespace

void bind_index(py::module_& m) {
  py::class_<Framework, std::shared_ptr<Framework>>(m, "Framework", "An index framework (iMeta).")
      .def_property_readonly("codes",
                             [](const Framework& f) {
                               std::vector<std::string> out;
                               for (const Node& n : f.nodes) out.push_back(n.code);
                               return out;
                             })
      .def("effective_weights", &Framework::effective_weights)
      .def("add_weight_set", &Framework::add_weight_set, py::arg("name"), py::arg("weights"))
      .def_readonly("weight_sets", &Framework::weight_sets)
      .def("add_weight_sets_from_csv",
           [](Framework& f, const std::string& path) {
             // Read with the GIL released; the framework changes with it held, as Python
             // code would change it (no other Python thread sees it half changed).
             for (const auto& [name, w] : released([&] { return read_weight_sets(path, f); }))
               f.add_weight_set(name, w);
           })
      .def("indicators", [](const Framework& f) {
        std::vector<std::string> out;
        for (std::size_t i : f.of_type(NodeType::indicator)) out.push_back(f.nodes[i].code);
        return out;
      });

  m.def(
      "framework_from_columns",
      [](std::vector<std::string> header, const py::list& given, std::string source) {
        // Each column a list of str, or an Arrow column's buffers (a missing cell: "NA").
        std::vector<std::vector<std::string>> columns;
        columns.reserve(given.size());
        for (py::handle c : given) {
          columns.push_back(texts_of(c));
          for (std::string& cell : columns.back())
            if (cell.empty()) cell = "NA";
        }
        return released([&] {
          return std::make_shared<Framework>(
              make_framework(table_from_columns(std::move(header), std::move(columns), source)));
        });
      },
      py::arg("header"), py::arg("columns"), py::arg("source") = "<iMeta>",
      "iMeta from columns: lists of str or Arrow chunks (_frames.arrow_string_chunks); an\n"
      "empty or missing cell is NA.");
  m.def(
      "framework_from_csv",
      [](const std::string& path) { return std::make_shared<Framework>(read_framework(path)); },
      py::call_guard<py::gil_scoped_release>());

  py::class_<UnitData, std::shared_ptr<UnitData>>(m, "UnitData", "Units and their data (iData).")
      .def("own", &UnitData::own, "Copies borrowed numbers into memory of its own.")
      .def_property_readonly("borrowed", &UnitData::borrowed);

  m.def(
      "unit_data_from_csv",
      [](const std::string& path, const Framework& f, const std::string& number_format) {
        std::shared_ptr<UnitData> data;
        NumberDecision d;
        {
          py::gil_scoped_release release;
          const csv::Table t = csv::read(path);
          d = data_number_format(t, f, parse_number_style(number_format));
          data = std::make_shared<UnitData>(make_unit_data(t, f, d.format));
        }
        return py::make_tuple(data, d.note);
      },
      py::arg("path"), py::arg("framework"), py::arg("number_format") = "plain",
      "(iData, note): iData read from a CSV, its numbers in number_format ('plain', COINr's, "
      "'vietnamese' or 'auto'; the note says how auto decided).");
  m.def(
      "unit_data_from_arrays",
      [](const py::object& unit_column, const py::object& name_column,
         std::vector<std::string> columns,
         py::array_t<double, py::array::f_style | py::array::forcecast> values,
         std::map<std::string, std::vector<std::string>> groups, std::vector<double> time,
         const Framework& f) {
        // Unit codes and names: a list of str, or an Arrow column's buffers read here (no
        // Python string a unit).
        std::vector<std::string> units = texts_of(unit_column), names = texts_of(name_column);
        // The numbers stay in the array (the caller's own memory when it was float64 in
        // column order): no copy. own() copies them when the data must outlive the call.
        const std::span<const double> numbers(values.data(),
                                              static_cast<std::size_t>(values.size()));
        const bool two_d = values.ndim() == 2;
        const auto rows = two_d ? static_cast<std::size_t>(values.shape(0)) : 0;
        const auto cols = two_d ? static_cast<std::size_t>(values.shape(1)) : 0;
        auto* keep = new py::object(std::move(values));
        std::shared_ptr<const void> owner(keep, [](const void* p) {
          py::gil_scoped_acquire gil;  // also when the last owner goes without the GIL
          delete static_cast<const py::object*>(p);
        });
        // `owner` holds the array, so `numbers` stays valid with the GIL released.
        return released([&] {
          return std::make_shared<UnitData>(
              make_unit_data(UnitColumns{std::move(units), std::move(names), std::move(columns),
                                         std::move(groups), std::move(time)},
                             numbers, rows, cols, std::move(owner), f));
        });
      },
      py::arg("units"), py::arg("names"), py::arg("columns"), py::arg("values"), py::arg("groups"),
      py::arg("time"), py::arg("framework"),
      "iData from arrays. Units and names are lists of str or Arrow chunks\n"
      "(_frames.arrow_string_chunks). The numbers are read from `values` where they are, not\n"
      "copied: call own() before the array may change.");
  py::class_<PipelineResult, std::shared_ptr<PipelineResult>>(m, "PipelineResult")
      .def("data",
           [](py::object self, const std::string& name) {
             const auto& r = self.cast<const PipelineResult&>();
             const DataSet& d = r.data(name);
             return py::make_tuple(d.units, d.names, d.columns, view(d, self));
           })
      .def("columns",
           [](const PipelineResult& r, const std::string& name) { return r.data(name).columns; })
      .def(
          "values",
          [](py::object self, const std::string& name) {
            return view(self.cast<const PipelineResult&>().data(name), self);
          },
          "A data set's numbers as a (units, columns) view of the core's memory.")
      .def(
          "ranks",
          [](const PipelineResult& r, std::optional<std::vector<std::string>> only) {
            const DataSet& d = r.aggregated;
            std::vector<std::span<const double>> columns;
            if (only) {
              for (const std::string& c : *only) {
                auto k = d.column(c);
                if (!k)
                  throw ValidationError("ranks: no column '" + c + "' in the aggregated data set");
                columns.push_back(d.col(*k));
              }
            } else {
              for (std::size_t c = 0; c < d.columns.size(); ++c) columns.push_back(d.col(c));
            }
            std::vector<std::int32_t> ranks;
            {
              py::gil_scoped_release release;
              ranks = rank_columns(columns, 2);
            }
            return owned_columns(std::move(ranks), d.rows(), columns.size());  // 0 = missing
          },
          py::arg("columns") = py::none())
      .def_readonly("screened_out", &PipelineResult::screened_out)
      .def_readonly("time", &PipelineResult::time)
      .def("screening",
           [](const PipelineResult& r) {
             return rows_of(r.screening, [](const Screened& x) {
               return py::make_tuple(x.unit, x.availability, x.nonzero, x.reason);
             });
           })
      .def("panel_filled",
           [](const PipelineResult& r) {
             return rows_of(r.panel_filled, [](const PanelFill& p) {
               return py::make_tuple(p.unit, p.column, p.time, p.from);
             });
           })
      .def(
          "notes",
          [](const PipelineResult& r) {
            std::vector<std::tuple<std::string, std::string, std::string, std::string>> out;
            for (const Diagnostic& d : r.notes)
              out.emplace_back(std::string(to_string(d.severity)), d.code, d.message,
                               d.to_string());
            return out;
          },
          "(severity, code, message, located text) of each step that changed a number and "
          "each warning of the run.")
      .def("framework",
           [](const PipelineResult& r) { return std::make_shared<Framework>(r.framework); })
      .def("treatment", [](const PipelineResult& r) {
        using T = const Treatment&;
        return columns_of(
            r.treatment, std::pair{"code", [](T t) { return t.code; }},
            std::pair{"passed", [](T t) { return t.passed_before; }},
            std::pair{"skew", [](T t) { return t.skew_before; }},
            std::pair{"kurtosis", [](T t) { return t.kurt_before; }},
            std::pair{"points", [](T t) { return t.points; }},
            std::pair{"log", [](T t) { return t.log; }},
            std::pair{"transform", [](T t) { return t.transform; }},
            std::pair{"passed_after",
                      [](T t) {
                        return or_none(t.passed_after.has_value(), t.passed_after.value_or(false));
                      }},
            std::pair{"skew_after",
                      [](T t) { return or_none(t.passed_after.has_value(), t.skew_after); }},
            std::pair{"kurtosis_after",
                      [](T t) { return or_none(t.passed_after.has_value(), t.kurt_after); }});
      });

  m.def("describe_data", [](const PipelineResult& r, const std::string& name) {
    using C = const ColumnStats&;
    return columns_of(
        released([&] { return describe(r.data(name)); }),
        std::pair{"code", [](C c) { return c.code; }}, std::pair{"n", [](C c) { return c.n; }},
        std::pair{"missing", [](C c) { return c.missing; }},
        std::pair{"mean", [](C c) { return c.mean; }}, std::pair{"sd", [](C c) { return c.sd; }},
        std::pair{"min", [](C c) { return c.min; }}, std::pair{"max", [](C c) { return c.max; }},
        std::pair{"median", [](C c) { return c.median; }},
        std::pair{"skew", [](C c) { return c.skew; }},
        std::pair{"kurtosis", [](C c) { return c.kurt; }},
        std::pair{"outliers", [](C c) { return c.outliers; }});
  });
  m.def("availability", [](const PipelineResult& r) {
    const Availability a = released([&] { return availability(r.denominated); });
    return py::make_tuple(a.by_unit, a.by_column);
  });
  m.def("correlation_flags", [](const PipelineResult& r, const Framework& f, double weak) {
    return rows_of(released([&] {
                     return flag_correlations(r.aggregated_with_indicators("correlations"), f,
                                              weak);
                   }),
                   [](const CorrelationFlag& c) { return py::make_tuple(c.a, c.b, c.r, c.flag); });
  });
  m.def("cronbach_alpha", [](const PipelineResult& r, const Framework& f, const std::string& agg) {
    const auto a = released(
        [&] { return cronbach_alpha(r.aggregated_with_indicators("Cronbach's alpha"), f, agg); });
    return a ? py::object(py::float_(*a)) : py::object(py::none());
  });
  m.def("strengths",
        [](const PipelineResult& r, const Framework& f, const std::string& unit, std::size_t n) {
          const StrengthsWeaknesses sw = released([&] {
            return strengths_and_weaknesses(r.aggregated_with_indicators("strengths"), f, unit, n);
          });
          return py::make_tuple(sw.strengths, sw.weaknesses);
        });
  m.def("compare_results", [](const PipelineResult& before, const PipelineResult& after,
                              const std::string& column) {
    const auto opt = [](const auto& v) { return or_none(v.has_value(), v.value_or(0)); };
    const std::vector<Change> changes =
        released([&] { return compare_results(before.aggregated, after.aggregated, column); });
    return rows_of(changes, [&](const Change& c) {
      return py::make_tuple(c.unit, opt(c.score_before), opt(c.score_after), opt(c.rank_before),
                            opt(c.rank_after), opt(c.rank_change));
    });
  });

  m.def(
      "index_names",
      [](const std::string& kind) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, meaning] : choices(kind)) out.emplace_back(name, meaning);
        return out;
      },
      py::arg("kind"),
      "(name, meaning) of each choice of an option: imputation, panel_imputation, "
      "normalisation, aggregation, transform, ties, objective or data_set.");
  m.def(
      "run_pipeline",
      [](const UnitData& data, const Framework& f,
         const std::vector<std::pair<std::string, std::string>>& settings) {
        const PipelineOptions o = options_from(settings);
        auto out = std::make_shared<PipelineResult>();
        py::gil_scoped_release release;
        *out = run_pipeline(data, f, o);
        return out;
      },
      py::arg("data"), py::arg("framework"), py::arg("options"));

  m.def("pca_weights",
        [](const PipelineResult& r, const std::string& dataset, int level, bool by_parent) {
          const PcaWeights p =
              released([&] { return pca_weights(r.data(dataset), r.framework, level, by_parent); });
          py::list rows;
          for (const PcaGroup& g : p.groups)
            for (std::size_t k = 0; k < g.codes.size(); ++k)
              rows.append(py::make_tuple(g.parent, g.codes[k], g.loadings[k], g.explained,
                                         g.units_used, g.units_dropped));
          std::vector<std::string> notes;
          for (const Diagnostic& d : p.warnings) notes.push_back(d.message);
          return py::make_tuple(p.weights, rows, notes);
        });
  m.def("optimise_weights", [](const PipelineResult& r,
                               const std::vector<std::pair<std::string, std::string>>& settings,
                               int level, const std::string& objective, std::vector<double> target,
                               double tolerance, int max_iterations) {
    const PipelineOptions o = options_from(settings);
    const WeightObjective chosen = kWeightObjectives.parse(objective);
    OptimisedWeights w;
    {
      py::gil_scoped_release release;
      w = optimise_weights(r.data("normalised"), r.framework, o, level, chosen, std::move(target),
                           tolerance, max_iterations);
    }
    return py::make_tuple(w.weights, w.correlations, w.objective, w.iterations, w.converged);
  });
  m.def("leave_one_out",
        [](const UnitData& data, const Framework& f,
           const std::vector<std::pair<std::string, std::string>>& settings, int level) {
          const PipelineOptions o = options_from(settings);
          std::vector<LeftOut> out;
          {
            py::gil_scoped_release release;
            out = leave_one_out(data, f, o, level);
          }
          return rows_of(out, [](const LeftOut& l) {
            return py::make_tuple(l.code, or_none(l.note.empty(), l.mean_abs_shift),
                                  or_none(l.note.empty(), l.max_abs_shift), l.note);
          });
        });

  m.def("run_uncertainty",
        [](const UnitData& data, const Framework& f,
           const std::vector<std::pair<std::string, std::string>>& settings,
           const std::map<int, double>& noise, const std::vector<std::string>& norms,
           const std::vector<std::string>& aggs, bool imputation, bool treatment,
           const std::vector<std::string>& leave_out, std::size_t n, std::uint64_t seed,
           unsigned threads, bool sensitivity, std::size_t bootstrap, py::object progress,
           std::size_t first) -> py::tuple {
          const PipelineOptions o = options_from(settings);
          const Assumptions a =
              assumptions_from(noise, norms, aggs, imputation, treatment, leave_out);
          const Progress report = progress_from(progress);
          if (sensitivity) {
            SensitivityResult r;
            {
              py::gil_scoped_release release;
              r = run_sensitivity(data, f, o, a, n, seed, threads, bootstrap, report);
            }
            const py::list rows = rows_of(r.indices, [](const SensitivityIndex& i) {
              return py::make_tuple(i.parameter, i.first, i.first_lo, i.first_hi, i.total,
                                    i.total_lo, i.total_hi);
            });
            const py::array_t<double> output(static_cast<py::ssize_t>(r.output.size()),
                                             r.output.data());
            return py::make_tuple(rows, r.runs, r.variance, output).cast<py::tuple>();
          }
          auto r = std::make_shared<UncertaintyResult>();
          {
            py::gil_scoped_release release;
            *r = run_uncertainty(data, f, o, a, n, seed, threads, report, first);
          }
          // Each replicate's choices as arrays (one entry per replicate; left_out an index into
          // the assumptions' leave_out, -1 for none) and its weights as a replicates x nodes
          // array: no Python object per replicate.
          const std::size_t reps_n = r->replicates.size();
          const std::size_t nodes = reps_n == 0 ? 0 : r->replicates.front().weights.size();
          py::array_t<std::int32_t> norm_of(static_cast<py::ssize_t>(reps_n));
          py::array_t<std::int32_t> agg_of(static_cast<py::ssize_t>(reps_n));
          py::array_t<bool> imputed(static_cast<py::ssize_t>(reps_n));
          py::array_t<bool> treated(static_cast<py::ssize_t>(reps_n));
          py::array_t<std::int32_t> left_of(static_cast<py::ssize_t>(reps_n));
          py::array_t<double> weights({reps_n, nodes});
          {
            auto nm = norm_of.mutable_unchecked<1>();
            auto ag = agg_of.mutable_unchecked<1>();
            auto im = imputed.mutable_unchecked<1>();
            auto tr = treated.mutable_unchecked<1>();
            auto lo = left_of.mutable_unchecked<1>();
            auto w = weights.mutable_unchecked<2>();
            for (std::size_t k = 0; k < reps_n; ++k) {
              const Replicate& p = r->replicates[k];
              const auto i = static_cast<py::ssize_t>(k);
              nm(i) = p.normalisation;
              ag(i) = p.aggregation;
              im(i) = p.imputed;
              tr(i) = p.treated;
              lo(i) = -1;
              for (std::size_t j = 0; j < a.leave_out.size(); ++j)
                if (a.leave_out[j] == p.left_out) lo(i) = static_cast<std::int32_t>(j);
              if (p.weights.size() != nodes)
                throw Error("replicate " + std::to_string(k) + " has " +
                            std::to_string(p.weights.size()) + " weights, the first " +
                            std::to_string(nodes));
              for (std::size_t j = 0; j < nodes; ++j)
                w(i, static_cast<py::ssize_t>(j)) = p.weights[j];
            }
          }
          const py::tuple reps =
              py::make_tuple(norm_of, agg_of, imputed, treated, left_of, weights);
          auto* owner = new std::vector<std::int32_t>(std::move(r->ranks));
          py::capsule free_when_done(
              owner, [](void* p) { delete static_cast<std::vector<std::int32_t>*>(p); });
          py::array ranks(py::dtype::of<std::int32_t>(), {n, r->units.size()},
                          {sizeof(std::int32_t) * r->units.size(), sizeof(std::int32_t)},
                          owner->data(), free_when_done);
          return py::make_tuple(r->units, r->column, r->nominal, r->mean, r->median, r->p5, r->p95,
                                reps, ranks)
              .cast<py::tuple>();
        });

  // A sensitivity analysis in parts: the outputs of runs [first, first + count) of the
  // design, then the indices from all the runs' outputs put together in run order.
  m.def(
      "sensitivity_runs",
      [](const UnitData& data, const Framework& f,
         const std::vector<std::pair<std::string, std::string>>& settings,
         const std::map<int, double>& noise, const std::vector<std::string>& norms,
         const std::vector<std::string>& aggs, bool imputation, bool treatment,
         const std::vector<std::string>& leave_out, std::size_t n, std::uint64_t seed,
         std::size_t first, std::size_t count, unsigned threads, py::object progress) -> py::tuple {
        const PipelineOptions o = options_from(settings);
        const Assumptions a =
            assumptions_from(noise, norms, aggs, imputation, treatment, leave_out);
        const Progress report = progress_from(progress);
        SensitivityRuns r;
        {
          py::gil_scoped_release release;
          r = sensitivity_runs(data, f, o, a, n, seed, first, count, threads, report);
        }
        const py::array_t<double> output(static_cast<py::ssize_t>(r.output.size()),
                                         r.output.data());
        return py::make_tuple(r.parameters, r.n, r.runs, r.first, output).cast<py::tuple>();
      },
      "(parameters, N, runs, first, outputs of runs [first, first + count)) of a sensitivity "
      "analysis's design.");
  m.def(
      "sensitivity_indices",
      [](const py::array_t<double, py::array::c_style | py::array::forcecast>& output,
         std::size_t n, const std::vector<std::string>& parameters, std::uint64_t seed,
         std::size_t bootstrap) -> py::tuple {
        if (output.ndim() != 1) throw ValidationError("sensitivity analysis: one output per run");
        std::vector<double> all(output.data(), output.data() + output.size());
        SensitivityResult r;
        {
          py::gil_scoped_release release;
          r = sensitivity_indices(std::move(all), n, parameters, seed, bootstrap);
        }
        const py::list rows = rows_of(r.indices, [](const SensitivityIndex& i) {
          return py::make_tuple(i.parameter, i.first, i.first_lo, i.first_hi, i.total, i.total_lo,
                                i.total_hi);
        });
        const py::array_t<double> out(static_cast<py::ssize_t>(r.output.size()), r.output.data());
        return py::make_tuple(rows, r.runs, r.variance, out).cast<py::tuple>();
      },
      "(index rows, runs, variance, outputs) from the outputs of all N (k + 2) runs.");

  // The summary of replicates run in parts (run_uncertainty's `first`), their ranks stacked.
  m.def("summarise_ranks",
        [](const py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>& ranks)
            -> py::tuple {
          if (ranks.ndim() != 2) throw ValidationError("summarise_ranks: replicates x units ranks");
          const auto units = static_cast<std::size_t>(ranks.shape(1));
          const std::span<const std::int32_t> all(ranks.data(),
                                                  static_cast<std::size_t>(ranks.size()));
          RankSummary s;
          {
            py::gil_scoped_release release;
            s = summarise_ranks(all, units);
          }
          return py::make_tuple(s.mean, s.median, s.p5, s.p95).cast<py::tuple>();
        });
}

}  // namespace dxkit::python

// dxkit::index for Python: iMeta crosses as text (it is small), iData's numbers as one
// float64 array (units × columns, no per-cell objects), and every data set of a run comes
// back as a 2-D numpy view of the C++ memory.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <set>

#include "bind.hpp"
#include "dxkit/error.hpp"
#include "dxkit/index/analysis.hpp"
#include "dxkit/index/pipeline.hpp"

namespace dxkit::python {

namespace {

using namespace dxkit::index;

py::array view(const DataSet& d, py::handle owner) {
  // Column-major storage seen as a (units, columns) array with Fortran strides.
  return py::array(py::dtype::of<double>(), {d.rows(), d.columns.size()},
                   {sizeof(double), sizeof(double) * d.rows()}, d.values.data(), owner);
}

}  // namespace

void bind_index(py::module_& m) {
  py::class_<Framework, std::shared_ptr<Framework>>(m, "Framework", "An index framework (iMeta).")
      .def_property_readonly("codes", [](const Framework& f) {
        std::vector<std::string> out;
        for (const Node& n : f.nodes) out.push_back(n.code);
        return out;
      })
      .def("effective_weights", &Framework::effective_weights)
      .def("indicators", [](const Framework& f) {
        std::vector<std::string> out;
        for (std::size_t i : f.of_type(NodeType::indicator)) out.push_back(f.nodes[i].code);
        return out;
      });

  m.def("framework_from_columns",
        [](std::vector<std::string> header, std::vector<std::vector<std::string>> columns,
           std::string source) {
          return std::make_shared<Framework>(
              make_framework(table_from_columns(std::move(header), std::move(columns), source)));
        },
        py::arg("header"), py::arg("columns"), py::arg("source") = "<iMeta>");
  m.def("framework_from_csv", [](const std::string& path) {
    return std::make_shared<Framework>(read_framework(path));
  });

  py::class_<UnitData, std::shared_ptr<UnitData>>(m, "UnitData", "Units and their data (iData).");
  m.def("unit_data_from_csv", [](const std::string& path, const Framework& f) {
    return std::make_shared<UnitData>(read_unit_data(path, f));
  });
  m.def("unit_data_from_arrays",
        [](std::vector<std::string> units, std::vector<std::string> names,
           std::vector<std::string> columns,
           py::array_t<double, py::array::f_style | py::array::forcecast> values,
           std::map<std::string, std::vector<std::string>> groups, const Framework& f) {
          if (values.ndim() != 2 || static_cast<std::size_t>(values.shape(0)) != units.size() ||
              static_cast<std::size_t>(values.shape(1)) != columns.size())
            throw ValidationError("iData: the values must be a (units × columns) array");
          auto out = std::make_shared<UnitData>();
          out->data.units = std::move(units);
          out->data.names = std::move(names);
          std::set<std::string> seen;
          for (const auto& u : out->data.units)
            if (!seen.insert(u).second) throw ValidationError("iData: duplicate unit code '" + u + "'");
          out->data.columns = std::move(columns);
          out->data.values.assign(values.data(), values.data() + values.size());
          out->groups = std::move(groups);
          for (std::size_t i : f.of_type(NodeType::indicator))
            if (!out->data.column(f.nodes[i].code))
              throw ValidationError("indicator '" + f.nodes[i].code + "' of iMeta has no column in iData");
          return out;
        },
        py::arg("units"), py::arg("names"), py::arg("columns"), py::arg("values"),
        py::arg("groups"), py::arg("framework"));

  py::class_<PipelineResult, std::shared_ptr<PipelineResult>>(m, "PipelineResult")
      .def("data", [](py::object self, const std::string& name) {
        const auto& r = self.cast<const PipelineResult&>();
        const DataSet& d = r.data(name);
        return py::make_tuple(d.units, d.names, d.columns, view(d, self));
      })
      .def("ranks", [](const PipelineResult& r) {
        const DataSet& d = r.aggregated;
        std::vector<std::int32_t> ranks;
        {
          py::gil_scoped_release release;
          ranks = rank_columns(d, 2);
        }
        // (units, columns) int32 view of the column-major result; 0 = missing.
        auto* owner = new std::vector<std::int32_t>(std::move(ranks));
        py::capsule free_when_done(owner, [](void* p) { delete static_cast<std::vector<std::int32_t>*>(p); });
        return py::array(py::dtype::of<std::int32_t>(), {d.rows(), d.columns.size()},
                         {sizeof(std::int32_t), sizeof(std::int32_t) * d.rows()}, owner->data(),
                         free_when_done);
      })
      .def_readonly("screened_out", &PipelineResult::screened_out)
      .def("treatment", [](const PipelineResult& r) {
        py::dict d;
        py::list code, passed, skew, kurt, points, log, passed_after, skew_after, kurt_after;
        for (const Treatment& t : r.treatment) {
          code.append(t.code); passed.append(t.passed_before); skew.append(t.skew_before);
          kurt.append(t.kurt_before); points.append(t.points); log.append(t.log);
          passed_after.append(t.passed_after ? py::object(py::bool_(*t.passed_after)) : py::none());
          skew_after.append(t.passed_after ? py::object(py::float_(t.skew_after)) : py::none());
          kurt_after.append(t.passed_after ? py::object(py::float_(t.kurt_after)) : py::none());
        }
        d["code"] = code; d["passed"] = passed; d["skew"] = skew; d["kurtosis"] = kurt;
        d["points"] = points; d["log"] = log; d["passed_after"] = passed_after;
        d["skew_after"] = skew_after; d["kurtosis_after"] = kurt_after;
        return d;
      });

  m.def("describe_data", [](const PipelineResult& r, const std::string& name) {
    const DataSet& d = r.data(name);
    py::dict out;
    py::list code, n, missing, mean, sd, mn, mx, median, skew, kurt, outliers;
    for (const ColumnStats& c : describe(d)) {
      code.append(c.code); n.append(c.n); missing.append(c.missing); mean.append(c.mean);
      sd.append(c.sd); mn.append(c.min); mx.append(c.max); median.append(c.median);
      skew.append(c.skew); kurt.append(c.kurt); outliers.append(c.outliers);
    }
    out["code"] = code; out["n"] = n; out["missing"] = missing; out["mean"] = mean;
    out["sd"] = sd; out["min"] = mn; out["max"] = mx; out["median"] = median;
    out["skew"] = skew; out["kurtosis"] = kurt; out["outliers"] = outliers;
    return out;
  });
  m.def("availability", [](const PipelineResult& r) {
    const Availability a = availability(r.denominated);
    return py::make_tuple(a.by_unit, a.by_column);
  });
  m.def("correlation_flags", [](const PipelineResult& r, const Framework& f, double weak) {
    py::list out;
    for (const CorrelationFlag& c : flag_correlations(r.aggregated, f, weak))
      out.append(py::make_tuple(c.a, c.b, c.r, c.flag));
    return out;
  });
  m.def("cronbach_alpha", [](const PipelineResult& r, const Framework& f, const std::string& agg) {
    auto a = cronbach_alpha(r.aggregated, f, agg);
    return a ? py::object(py::float_(*a)) : py::object(py::none());
  });
  m.def("strengths", [](const PipelineResult& r, const Framework& f, const std::string& unit,
                        std::size_t n) {
    const StrengthsWeaknesses sw = strengths_and_weaknesses(r.aggregated, f, unit, n);
    return py::make_tuple(sw.strengths, sw.weaknesses);
  });
  m.def("compare_results", [](const PipelineResult& before, const PipelineResult& after,
                              const std::string& column) {
    py::list out;
    auto opt = [](const auto& v) { return v ? py::cast(*v) : py::object(py::none()); };
    for (const Change& c : compare_results(before.aggregated, after.aggregated, column))
      out.append(py::make_tuple(c.unit, opt(c.score_before), opt(c.score_after),
                                opt(c.rank_before), opt(c.rank_after), opt(c.rank_change)));
    return out;
  });

  m.def("run_pipeline",
        [](const UnitData& data, const Framework& f, bool denominate, const std::string& imputation,
           const std::string& group, double screen, bool treat, const std::string& normalisation,
           double lo, double hi, const std::string& aggregation) {
          PipelineOptions o;
          o.denominate = denominate;
          o.imputation = parse_imputation(imputation);
          o.impute_group = group;
          o.screen_threshold = screen;
          o.treat = treat;
          o.normalisation = parse_normalisation(normalisation);
          o.norm_lo = lo;
          o.norm_hi = hi;
          o.aggregation = parse_aggregation(aggregation);
          auto out = std::make_shared<PipelineResult>();
          py::gil_scoped_release release;
          *out = run_pipeline(data, f, o);
          return out;
        },
        py::arg("data"), py::arg("framework"), py::arg("denominate"), py::arg("imputation"),
        py::arg("group"), py::arg("screen"), py::arg("treat"), py::arg("normalisation"),
        py::arg("lo"), py::arg("hi"), py::arg("aggregation"));
}

}  // namespace dxkit::python

// _core.targets.evaluate_coded: a DataFrame's text columns scored from their codes (pandas'
// categorical codes or factorize) and distinct values; nothing crosses per cell. The results
// come back as numpy views of the C++ columns and as codes into distinct labels, for pandas
// Categoricals.
#include "dxkit/targets/columns.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>

#include "bind.hpp"
#include "dxkit/text/reading.hpp"

namespace dxkit::python {

namespace {

using Codes = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

// (name, position, codes, values) from Python; `codes` must outlive the column.
CodedColumn coded(const py::tuple& t, std::optional<Codes>& keep) {
  if (t.size() != 4) throw py::value_error("a coded column is (name, position, codes, values)");
  CodedColumn c;
  c.name = t[0].cast<std::string>();
  c.position = t[1].cast<std::size_t>();
  keep = t[2].cast<Codes>();
  if (keep->ndim() != 1) throw py::value_error("codes must be one-dimensional");
  c.codes = std::span<const std::int64_t>(keep->data(), static_cast<std::size_t>(keep->size()));
  c.values = t[3].cast<std::vector<std::string>>();
  return c;
}

// Views of the strings of Arrow string chunks: (offsets, data, validity or None, offset,
// length, large offsets?) each, pyarrow buffers read in place; a missing cell is "".
template <class Offset>
void views_of(const py::buffer_info& offsets, const py::buffer_info& data,
              const std::uint8_t* validity, std::size_t offset, std::size_t length,
              std::vector<std::string_view>& out) {
  const auto* off = static_cast<const Offset*>(offsets.ptr);
  const auto* chars = static_cast<const char*>(data.ptr);
  const auto available = static_cast<std::size_t>(offsets.size * offsets.itemsize) / sizeof(Offset);
  if (offset + length + 1 > available)
    throw py::value_error("an Arrow chunk shorter than its length");
  for (std::size_t j = 0; j < length; ++j) {
    const std::size_t k = offset + j;
    if (validity && !((validity[k / 8] >> (k % 8)) & 1)) {
      out.emplace_back();
      continue;
    }
    out.emplace_back(chars + off[k], static_cast<std::size_t>(off[k + 1] - off[k]));
  }
}

bool is_arrow_chunks(const py::handle& column) {
  if (!py::isinstance<py::list>(column)) return false;
  const auto list = py::reinterpret_borrow<py::list>(column);
  return list.size() > 0 && py::isinstance<py::tuple>(list[0]);
}

template <class T>
py::array view(const std::vector<T>& column, py::handle owner) {
  return py::array(py::dtype::of<T>(), {column.size()}, {sizeof(T)}, column.data(), owner);
}

}  // namespace

std::vector<std::string_view> arrow_string_views(const py::list& chunks) {
  std::vector<std::string_view> out;
  for (py::handle h : chunks) {
    auto c = h.cast<py::tuple>();
    if (c.size() != 6)
      throw py::value_error("an Arrow chunk is (offsets, data, validity, offset, length, large)");
    const py::buffer_info offsets = c[0].cast<py::buffer>().request();
    const py::buffer_info data = c[1].cast<py::buffer>().request();
    std::optional<py::buffer_info> validity;
    if (!c[2].is_none()) validity = c[2].cast<py::buffer>().request();
    const auto* bits = validity ? static_cast<const std::uint8_t*>(validity->ptr) : nullptr;
    const auto offset = c[3].cast<std::size_t>(), length = c[4].cast<std::size_t>();
    if (c[5].cast<bool>())
      views_of<std::int64_t>(offsets, data, bits, offset, length, out);
    else
      views_of<std::int32_t>(offsets, data, bits, offset, length, out);
  }
  return out;
}

std::vector<std::string> texts_of(const py::handle& column) {
  // A numpy array of integers (an iMeta's Level, Weight, Direction): written here as the
  // decimal text the core parses, instead of a Python str a cell.
  if (py::isinstance<py::array>(column)) {
    const auto a = py::reinterpret_borrow<py::array>(column);
    const char kind = a.dtype().kind();
    if (a.ndim() != 1 || (kind != 'i' && kind != 'u'))
      throw py::type_error("a column of texts as an array must hold integers in one dimension");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(a.size()));
    if (kind == 'i') {
      const auto ints = a.cast<py::array_t<std::int64_t, py::array::forcecast>>();
      for (py::ssize_t i = 0; i < ints.size(); ++i) out.push_back(std::to_string(ints.at(i)));
    } else {
      const auto ints = a.cast<py::array_t<std::uint64_t, py::array::forcecast>>();
      for (py::ssize_t i = 0; i < ints.size(); ++i) out.push_back(std::to_string(ints.at(i)));
    }
    return out;
  }
  if (!is_arrow_chunks(column)) return column.cast<std::vector<std::string>>();
  const std::vector<std::string_view> views = arrow_string_views(column.cast<py::list>());
  return {views.begin(), views.end()};
}

void bind_columns(py::module_& m) {
  py::class_<CodedEvaluation, std::shared_ptr<CodedEvaluation>>(
      m, "CodedEvaluation", "Evaluations of coded text columns; targets and results as codes.")
      .def_property_readonly("evaluation",
                             [](const std::shared_ptr<CodedEvaluation>& t) {
                               return std::shared_ptr<EvaluationTable>(t, &t->evaluation);
                             })
      .def_property_readonly("target_codes",
                             [](py::object self) {
                               return view(self.cast<const CodedEvaluation&>().target_codes, self);
                             })
      .def_readonly("target_labels", &CodedEvaluation::target_labels)
      .def_property_readonly("actual_codes",
                             [](py::object self) {
                               return view(self.cast<const CodedEvaluation&>().actual_codes, self);
                             })
      .def_readonly("actual_labels", &CodedEvaluation::actual_labels);

  m.def(
      "evaluate_coded",
      [](const py::tuple& target, const py::tuple& actual,
         const std::optional<py::tuple>& direction, const std::optional<py::tuple>& code,
         const Scheme& scheme, const std::string& format, const std::string& source) {
        std::optional<Codes> keep[4];
        const CodedColumn t = coded(target, keep[0]);
        const CodedColumn a = coded(actual, keep[1]);
        std::optional<CodedColumn> d, c;
        if (direction) d = coded(*direction, keep[2]);
        if (code) c = coded(*code, keep[3]);
        const NumberFormat f = parse_number_format(format);
        auto out = std::make_shared<CodedEvaluation>();
        py::gil_scoped_release release;
        *out = evaluate_coded(t, a, d ? &*d : nullptr, c ? &*c : nullptr, scheme, f, source);
        return out;
      },
      py::arg("target"), py::arg("actual"), py::arg("direction"), py::arg("code"),
      py::arg("scheme"), py::arg("format") = "vietnamese", py::arg("source") = "<DataFrame>",
      "Scores text columns given as (name, position, codes, values): row i's cell is\n"
      "values[codes[i]], none where codes[i] < 0. Each distinct text is parsed once; errors\n"
      "name the row (line = row + 2) and the column, as evaluate_columns does.");

  m.def(
      "evaluate_numeric_fused",
      [](py::array_t<double, py::array::c_style | py::array::forcecast> target,
         py::array_t<double, py::array::c_style | py::array::forcecast> actual,
         const Scheme& scheme, std::optional<py::array> codes,
         std::optional<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>
             lower_of_code) {
        DirectionCodes d;
        if (codes) {
          if (!lower_of_code) throw py::value_error("direction codes need lower_of_code");
          const py::dtype dt = codes->dtype();
          if (dt.kind() != 'i' || codes->ndim() != 1 || !(codes->flags() & py::array::c_style))
            throw py::value_error("direction codes must be a contiguous signed integer array");
          if (codes->size() != target.size())
            throw py::value_error("direction codes and target differ in length");
          d.codes = codes->data();
          d.width = static_cast<int>(dt.itemsize());
          d.lower_of_code = std::span<const std::uint8_t>(
              lower_of_code->data(), static_cast<std::size_t>(lower_of_code->size()));
        }
        std::span<const double> t(target.data(), static_cast<std::size_t>(target.size()));
        std::span<const double> a(actual.data(), static_cast<std::size_t>(actual.size()));
        auto out = std::make_shared<EvaluationTable>();
        py::gil_scoped_release release;
        *out = evaluate_numeric_fused(t, a, d, scheme);
        return out;
      },
      py::arg("target"), py::arg("actual"), py::arg("scheme"), py::arg("codes") = py::none(),
      py::arg("lower_of_code") = py::none(),
      "evaluate_numeric in one pass, the direction given as codes (a categorical's) into\n"
      "lower_of_code (1 = lower is better; a negative code: higher is better).");

  m.def(
      "repeated_codes",
      [](const py::list& chunks, const std::string& source) {
        const std::vector<std::string_view> codes = arrow_string_views(chunks);
        Diagnostics found;
        {
          py::gil_scoped_release release;
          found = repeated_codes(codes, source);
        }
        std::vector<std::string> out;
        for (const Diagnostic& d : found) out.push_back(d.to_string());
        return out;
      },
      py::arg("chunks"), py::arg("source") = "<DataFrame>",
      "The repeated-code warnings of an Arrow string column, given as its chunks' (offsets,\n"
      "data, validity or None, offset, length, large) buffers, read in place.");
}

}  // namespace dxkit::python

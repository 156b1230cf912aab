// dxkit::budget for Python (_core.budget): a Budget object whose rows, roll-ups, comparisons
// and findings come out as columns (dicts of lists / numpy arrays) that python/dxkit/budget.py
// turns into DataFrames. Amounts cross as int64 đồng, exact.
#include "dxkit/budget/budget.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bind.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number_style.hpp"
#include "dxkit/text/reading.hpp"
#include "dxkit/units/express.hpp"

namespace dxkit::python {

namespace {

using namespace dxkit::budget;

py::object money_or_none(const std::optional<Money>& m) {
  return m ? py::object(py::int_(m->dong)) : py::object(py::none());
}

std::vector<Dimension> dimensions(const std::vector<std::string>& names) {
  std::vector<Dimension> out;
  for (const auto& n : names) out.push_back(parse_dimension(n));
  return out;
}

ReadOptions options(const std::optional<std::string>& unit,
                    const std::map<std::string, std::string>& columns, const std::string& format,
                    const std::string& delimiter, std::optional<int> plan_year) {
  ReadOptions o;
  if (unit) o.unit = parse_unit(*unit);
  o.columns = columns;
  const NumberStyle style = parse_number_style(format);  // "auto" decides per table
  o.format = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  o.detect_format = style == NumberStyle::automatic;
  o.delimiter = parse_delimiter(delimiter);
  o.plan_year = plan_year;
  return o;
}

}  // namespace

void bind_budget(py::module_& m) {
  m.def(
      "parse_money",
      [](const std::string& text, const std::string& unit, const std::string& format) {
        return parse_money(text, parse_unit(unit), parse_number_format(format)).dong;
      },
      py::arg("text"), py::arg("unit") = "triệu đồng", py::arg("format") = "vietnamese",
      "An amount in whole đồng (int): parse_money('75.428') == 75_428_000_000;\n"
      "parse_money('105,24 tỷ đồng') == 105_240_000_000.");
  m.def(
      "format_money",
      [](std::int64_t dong, const std::string& unit, int decimals) {
        return format_money(Money{dong}, parse_unit(unit), decimals);
      },
      py::arg("dong"), py::arg("unit") = "triệu đồng", py::arg("decimals") = -1,
      "Đồng printed in a unit, rounded half away from zero (decimals=-1: exact).");
  m.def(
      "rounding_note",
      [](const std::string& unit, int decimals) {
        return rounding_note(parse_unit(unit), decimals);
      },
      py::arg("unit"), py::arg("decimals"),
      "The note a table prints when amounts in `unit` are rounded to `decimals` decimals.");

  py::class_<Budget>(m, "BudgetCore", "A budget appendix as read by the C++ core.")
      .def_readonly("source", &Budget::source)
      .def_readonly("number_note", &Budget::number_note)
      .def_property_readonly("unit", [](const Budget& b) { return std::string(to_string(b.unit)); })
      .def_property_readonly("total", [](const Budget& b) { return b.total().dong; })
      .def(
          "share_of", [](const Budget& b, std::int64_t dong) { return b.share_of(Money{dong}); },
          py::arg("dong"))
      .def("columns_info",
           [](const Budget& b) {
             py::list out;
             for (std::size_t c = 0; c < b.columns.size(); ++c) {
               const auto rep = b.reported_total(c);
               out.append(
                   py::make_tuple(b.columns[c].header, std::string(to_string(b.columns[c].role)),
                                  b.columns[c].year, b.column_total(c).dong, money_or_none(rep)));
             }
             return out;
           })
      .def("rows",
           [](const Budget& b) {
             py::dict d;
             py::list line, stt, label, kind, section, group, agency, source, note, first, last;
             for (const Row& r : b.rows) {
               line.append(r.line);
               stt.append(r.stt);
               label.append(r.label);
               kind.append(std::string(to_string(r.kind)));
               section.append(r.section);
               group.append(r.group);
               agency.append(r.agency);
               source.append(r.source);
               note.append(r.note);
               first.append(r.period
                                ? py::object(py::int_(static_cast<int>(r.period->begin().year())))
                                : py::none());
               last.append(r.period
                               ? py::object(py::int_(static_cast<int>(r.period->last().year())))
                               : py::none());
             }
             d["line"] = line;
             d["stt"] = stt;
             d["label"] = label;
             d["kind"] = kind;
             d["section"] = section;
             d["group"] = group;
             d["agency"] = agency;
             d["source"] = source;
             d["note"] = note;
             d["period_start"] = first;
             d["period_end"] = last;
             for (std::size_t c = 0; c < b.columns.size(); ++c) {
               py::list col;
               for (const Row& r : b.rows) col.append(money_or_none(r.amounts[c]));
               d[py::str(b.columns[c].header)] = col;
             }
             for (std::size_t t = 0; t < b.text_headers.size(); ++t) {
               py::list col;
               for (const Row& r : b.rows) col.append(r.texts[t]);
               d[py::str(b.text_headers[t])] = col;
             }
             return d;
           })
      .def(
          "rollup",
          [](const Budget& b, const std::vector<std::string>& by) {
            const auto dims = dimensions(by);
            std::vector<RollupRow> rows;
            {
              py::gil_scoped_release release;
              rows = b.rollup(dims);
            }
            std::vector<std::vector<std::string>> keys(by.size());
            std::vector<std::int64_t> amount;
            std::vector<double> share;
            for (const RollupRow& r : rows) {
              for (std::size_t k = 0; k < by.size(); ++k) keys[k].push_back(r.keys[k]);
              amount.push_back(r.amount.dong);
              share.push_back(r.share);
            }
            return py::make_tuple(keys, py::array(py::cast(amount)), py::array(py::cast(share)));
          },
          py::arg("by"))
      .def(
          "expressed",
          [](const Budget& b, const units::Registry& registry, const std::string& as_of) {
            Budget copy = b;
            units::AgenciesWritten w;
            {
              py::gil_scoped_release release;
              w = units::express_budget(registry, copy, parse_iso_date(as_of));
            }
            std::vector<std::string> notes;
            for (const Diagnostic& d : w.notes) notes.push_back(d.to_string());
            std::map<std::string, std::string> originals;
            for (const auto& [name, _] : w.written) originals[name] = w.original(name);
            return py::make_tuple(std::move(copy), originals, notes, w.moved);
          },
          py::arg("registry"), py::arg("as_of"),
          "(a copy with each row's agency in the agencies of as_of, {agency at as_of: names as "
          "written}, notes, items moved).")
      .def(
          "compare",
          [](const Budget& b, const Budget& other, const std::vector<std::string>& by) {
            const auto dims = dimensions(by);
            std::vector<ComparisonRow> rows;
            {
              py::gil_scoped_release release;
              rows = b.compare(other, dims);
            }
            std::vector<std::vector<std::string>> keys(by.size());
            std::vector<std::int64_t> before, after, change;
            std::vector<py::object> pct;
            for (const ComparisonRow& r : rows) {
              for (std::size_t k = 0; k < by.size(); ++k) keys[k].push_back(r.keys[k]);
              before.push_back(r.before.dong);
              after.push_back(r.after.dong);
              change.push_back(r.change.dong);
              pct.push_back(r.change_percent ? py::object(py::float_(*r.change_percent))
                                             : py::none());
            }
            return py::make_tuple(keys, before, after, change, pct);
          },
          py::arg("other"), py::arg("by"))
      .def("check", [](const Budget& b) {
        py::dict d;
        py::list kind, severity, file, line, label, column, reported, computed, message, sheet,
            table, cell;
        std::vector<Finding> findings;
        {
          py::gil_scoped_release release;
          findings = b.check();
        }
        for (const Finding& f : findings) {
          const Diagnostic& g = f.diagnostic;
          kind.append(g.code);
          severity.append(to_string(g.severity));
          file.append(g.where.file);
          line.append(g.where.line);
          label.append(f.label);
          column.append(g.where.column_name);
          reported.append(money_or_none(f.reported));
          computed.append(money_or_none(f.computed));
          message.append(g.message);
          // A document's finding: its sheet or Word table, and a sheet's cell ("D10").
          sheet.append(g.where.sheet.empty() ? py::none() : py::object(py::str(g.where.sheet)));
          table.append(g.where.table ? py::object(py::int_(g.where.table)) : py::none());
          const std::string c = g.where.cell();
          cell.append(c.empty() ? py::none() : py::object(py::str(c)));
        }
        d["kind"] = kind;
        d["severity"] = severity;
        d["file"] = file;
        d["line"] = line;
        d["label"] = label;
        d["column"] = column;
        d["reported"] = reported;
        d["computed"] = computed;
        d["message"] = message;
        d["sheet"] = sheet;
        d["table"] = table;
        d["cell"] = cell;
        return d;
      });

  m.def(
      "read_budget_csv",
      [](const std::string& path, const std::optional<std::string>& unit,
         const std::map<std::string, std::string>& columns, const std::string& format,
         const std::string& delimiter, std::optional<int> plan_year) {
        const ReadOptions o = options(unit, columns, format, delimiter, plan_year);
        py::gil_scoped_release release;
        return read_budget(path, o);
      },
      py::arg("path"), py::arg("unit") = py::none(),
      py::arg("columns") = std::map<std::string, std::string>{}, py::arg("format") = "vietnamese",
      py::arg("delimiter") = "", py::arg("plan_year") = py::none());

  m.def(
      "budget_from_columns",
      [](std::vector<std::string> header, std::vector<std::vector<std::string>> cols,
         const std::optional<std::string>& unit, const std::map<std::string, std::string>& columns,
         const std::string& format, std::optional<int> plan_year) {
        const ReadOptions o = options(unit, columns, format, "", plan_year);
        py::gil_scoped_release release;
        return make_budget(csv::from_columns(std::move(header), std::move(cols), "<DataFrame>"), o);
      },
      py::arg("header"), py::arg("columns_data"), py::arg("unit") = py::none(),
      py::arg("columns") = std::map<std::string, std::string>{}, py::arg("format") = "vietnamese",
      py::arg("plan_year") = py::none());

  m.def(
      "budget_from_table",
      [](const csv::Table& table, const std::optional<std::string>& declared,
         const std::optional<std::string>& unit, const std::map<std::string, std::string>& columns,
         const std::string& format, std::optional<int> plan_year) {
        const ReadOptions o = options(unit, columns, format, "", plan_year);
        std::optional<MoneyUnit> d;
        if (declared && !declared->empty()) d = parse_unit(*declared);
        py::gil_scoped_release release;
        return make_budget(table, o, d);
      },
      py::arg("table"), py::arg("declared") = py::none(), py::arg("unit") = py::none(),
      py::arg("columns") = std::map<std::string, std::string>{}, py::arg("format") = "vietnamese",
      py::arg("plan_year") = py::none(),
      "A budget from a table already read (a document's table), its unit line as `declared`.");

  m.def(
      "sum_by_codes",
      [](const std::vector<py::array>& keys, const std::vector<std::size_t>& cardinalities,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> amounts) {
        // Codes of any signed width are read where they are (a categorical's int8 codes are
        // not widened); anything else is converted to int32 first.
        std::vector<py::array> kept;
        std::vector<CodeColumn> columns;
        for (const py::array& k : keys) {
          py::array a = k;
          const bool direct =
              a.dtype().kind() == 'i' && a.ndim() == 1 && (a.flags() & py::array::c_style) != 0;
          if (!direct)
            a = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>::ensure(k);
          if (!a) throw py::value_error("sum_by_codes: keys must be integer arrays");
          kept.push_back(a);
          columns.push_back(
              {a.data(), static_cast<int>(a.itemsize()), static_cast<std::size_t>(a.size())});
        }
        std::span<const std::int64_t> am(amounts.data(), static_cast<std::size_t>(amounts.size()));
        std::vector<std::int64_t> sums, counts;
        {
          py::gil_scoped_release release;
          sums = sum_by_codes(columns, cardinalities, am, &counts);
        }
        return py::make_tuple(owned_array(std::move(sums)), owned_array(std::move(counts)));
      },
      py::arg("keys"), py::arg("cardinalities"), py::arg("amounts"),
      "Exact int64 sums and row counts grouped by integer codes (dense, row-major).");

  m.def(
      "sum_by_keys",
      [](const std::vector<py::array>& keys, const std::vector<std::size_t>& cardinalities,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> amounts) {
        std::vector<py::array> kept;
        std::vector<CodeColumn> columns;
        for (const py::array& k : keys) {
          if (k.dtype().kind() != 'i' || k.ndim() != 1 || (k.flags() & py::array::c_style) == 0)
            throw py::value_error("sum_by_keys: keys must be contiguous signed integer arrays");
          kept.push_back(k);
          columns.push_back(
              {k.data(), static_cast<int>(k.itemsize()), static_cast<std::size_t>(k.size())});
        }
        std::span<const std::int64_t> am(amounts.data(), static_cast<std::size_t>(amounts.size()));
        KeySums r = released([&] { return sum_by_keys(columns, cardinalities, am); });
        py::list uniques;
        for (auto& u : r.uniques) uniques.append(owned_array(std::move(u)));
        return py::make_tuple(uniques, r.cardinalities, owned_array(std::move(r.sums)),
                              owned_array(std::move(r.counts)));
      },
      py::arg("keys"), py::arg("cardinalities"), py::arg("amounts"),
      "Exact int64 sums and counts by keys of codes (cardinality > 0) or integer values\n"
      "(cardinality 0, coded by first appearance): (uniques per key, cardinalities, sums,\n"
      "counts), dense and row-major by the codes.");
}

}  // namespace dxkit::python

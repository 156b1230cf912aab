// Names expressed in the units of a date: the registry's own lookup (find at the date, else
// resolve without a date and follow the successions), so a province and an agency are carried
// the same way, and an unknown name is either a located error or a located warning.
#include "dxkit/units/express.hpp"

#include <algorithm>

namespace dxkit::units {

namespace {

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

Expressed express(const Registry& registry, std::string_view name, const Date& as_of,
                  Unknown unknown, const Location& where, Diagnostics& notes) {
  Expressed out;
  out.original = std::string(name);
  out.name = out.original;
  if (const auto now = registry.find(name, as_of)) {
    out.known = true;
    out.unit = *now;
    return out;
  }
  std::size_t i = 0;
  try {
    i = registry.resolve(name, std::nullopt, where);
  } catch (const ValidationError& e) {
    // An ambiguous name is an error in any case; an unknown one only for Unknown::error.
    if (unknown == Unknown::error || e.message().rfind("unknown ", 0) != 0) throw;
    const std::string near = registry.suggestions(name);
    if (!near.empty())
      notes.push_back({where, Severity::warning, "unknown_" + registry.what(),
                       "unknown " + registry.what() + " '" + out.original +
                           "' kept as written; close matches: " + near});
    return out;
  }
  out.known = true;
  const Unit& u = registry.unit(i);
  if (u.from && as_of < *u.from)
    throw ValidationError(registry.what() + " '" + out.original + "' begins on " + u.from->iso() +
                              ", after " + as_of.iso(),
                          where);
  const auto to = registry.destinations(i, as_of);
  if (to.empty())
    throw ValidationError(registry.what() + " '" + out.original + "' (" + u.label() +
                              ") ended without a successor by " + as_of.iso(),
                          where);
  out.name.clear();
  for (const Destination& d : to)
    out.name += (out.name.empty() ? "" : ", ") + registry.unit(d.unit).name;
  out.unit = to.front().unit;
  out.moved = true;
  return out;
}

Expressed express_list(const Registry& registry, std::string_view cell, const Date& as_of,
                       const Location& where, Diagnostics& notes) {
  Expressed out;
  out.original = std::string(cell);
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t bar = std::min(cell.find(';', start), cell.size());
    const std::string part = trimmed(cell.substr(start, bar - start));
    if (!part.empty()) {
      const Expressed e = express(registry, part, as_of, Unknown::keep, where, notes);
      out.name += (out.name.empty() ? "" : "; ") + e.name;
      out.moved = out.moved || e.moved;
      out.known = out.known || e.known;
    }
    start = bar + 1;
  }
  return out;
}

std::string AgenciesWritten::original(const std::string& name) const {
  const auto w = written.find(name);
  if (w == written.end()) return name;
  std::string out;
  for (const auto& n : w->second) out += (out.empty() ? "" : "; ") + n;
  return out;
}

AgenciesWritten express_assignments(const Registry& registry, std::vector<Assignment>& list,
                                    const Date& as_of, const std::string& file) {
  AgenciesWritten out;
  const auto express_all = [&](std::vector<std::string>& names, std::size_t line,
                               const char* column) {
    Location where;
    where.file = file;
    where.line = line;
    where.column_name = column;
    std::string written;
    for (std::string& n : names) {
      written += (written.empty() ? "" : "; ") + n;
      const Expressed e = express(registry, n, as_of, Unknown::keep, where, out.notes);
      out.written[e.name].insert(n);
      out.moved += e.moved ? 1 : 0;
      n = e.name;
    }
    return written;
  };
  for (Assignment& x : list) {
    out.lead.push_back(express_all(x.lead, x.line, "lead"));
    (void)express_all(x.support, x.line, "support");
  }
  return out;
}

AgenciesWritten express_budget(const Registry& registry, budget::Budget& b, const Date& as_of) {
  AgenciesWritten out;
  for (budget::Row& row : b.rows) {
    if (row.agency.empty()) continue;
    const Location where = b.place(row.line, "agency");
    const Expressed e = express(registry, row.agency, as_of, Unknown::keep, where, out.notes);
    if (row.kind == budget::RowKind::item) {  // headings carry no money of their own
      out.written[e.name].insert(row.agency);
      out.moved += e.moved ? 1 : 0;
    }
    row.agency = e.name;
  }
  return out;
}

}  // namespace dxkit::units

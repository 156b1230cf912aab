// The shipped registries, read once from the CSV tables in src/units/data/.
#include <string>

#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/units/registry.hpp"
#include "units/data/tables.hpp"

namespace dxkit::units {

namespace {

std::vector<std::string> split(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size() && !cell.empty()) {
    const std::size_t bar = cell.find('|', start);
    out.push_back(cell.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

Registry build(std::string what, const char* units, const char* successions, std::string source) {
  Registry r(std::move(what));
  const csv::Table t = csv::parse(units, source + " (units)");
  const auto col = [&](std::string_view name) { return t.require({name}, name); };
  const std::size_t c_code = col("code"), c_name = col("name"), c_kind = col("kind"),
                    c_from = col("from"), c_until = col("until"), c_spell = col("spellings"),
                    c_source = col("source");
  for (std::size_t i = 0; i < t.rows(); ++i) {
    Unit u;
    u.code = t.columns[c_code][i];
    u.name = t.columns[c_name][i];
    u.kind = t.columns[c_kind][i];
    if (!t.columns[c_from][i].empty()) u.from = parse_iso_date(t.columns[c_from][i]);
    if (!t.columns[c_until][i].empty()) u.until = parse_iso_date(t.columns[c_until][i]);
    u.spellings = split(t.columns[c_spell][i]);
    u.source = t.columns[c_source][i];
    r.add(std::move(u), t.where(i, c_name));
  }
  r.load(csv::parse(successions, source));
  return r;
}

}  // namespace

const Registry& provinces() {
  static const Registry r = build("province", data::provinces_units, data::provinces_successions,
                                  "Resolution 202/2025/QH15");
  return r;
}

const Registry& agencies() {
  static const Registry r =
      build("agency", data::agencies_units, data::agencies_successions, "Decree 45/2025/NĐ-CP");
  return r;
}

}  // namespace dxkit::units

// The shipped population, read once from src/units/data/population.cpp. The figures are parsed
// as decimal text into whole persons (thousands with one decimal: no binary fraction on the way),
// and every row is matched to the registry's province of that code and name in the table's year,
// so a typo in the data is an error at its row, not a weight given to the wrong province.
#include "dxkit/units/population.hpp"

#include "dxkit/text/detail/lexer.hpp"
#include "units/data/tables.hpp"

namespace dxkit::units {

namespace {

// "8717.6" (thousand persons) -> 8717600 persons; anything else is a ValidationError.
std::int64_t persons_from_thousands(const std::string& text, const Location& where) {
  const std::size_t dot = text.find('.');
  const bool ok = dot != std::string::npos && dot > 0 && dot <= 9 && dot + 2 == text.size() &&
                  text.find_first_not_of("0123456789", 0) == dot &&
                  text.find_first_not_of("0123456789", dot + 1) == std::string::npos;
  if (!ok)
    throw ValidationError("population '" + text + "': write thousands with one decimal (8717.6)",
                          where);
  const std::uint64_t thousands = *detail::digits_value(std::string_view(text).substr(0, dot));
  return static_cast<std::int64_t>(thousands) * 1000 + (text[dot + 1] - '0') * 100;
}

Population read() {
  Population p;
  const std::optional<std::uint64_t> year = detail::digits_value(data::population_year);
  if (!year || *year < 1900 || *year > 9999)
    throw ValidationError(std::string("population: the year '") + data::population_year +
                          "' is not a year");
  p.year = static_cast<int>(*year);
  p.source = data::population_source;
  p.national =
      persons_from_thousands(data::population_national_thousand, {"population (national)"});
  const csv::Table t = csv::parse(data::population, "population");
  const std::size_t c_code = t.require({"code"}, "code"), c_name = t.require({"name"}, "name"),
                    c_value = t.require({"thousand"}, "thousand");
  const Registry& r = provinces();
  const Date end(p.year, 12, 31);
  for (std::size_t i = 0; i < t.rows(); ++i) {
    const std::string& code = t.columns[c_code][i];
    const std::optional<std::size_t> u = r.find(code, end);
    if (!u || r.unit(*u).code != code ||
        name_key(r.unit(*u).name) != name_key(t.columns[c_name][i]))
      throw ValidationError("population: '" + code + "," + t.columns[c_name][i] +
                                "' is not a province of that code and name on " + end.iso(),
                            t.where(i, c_code));
    if (!p.persons.emplace(code, persons_from_thousands(t.columns[c_value][i], t.where(i, c_value)))
             .second)
      throw ValidationError("population: a second row for code " + code, t.where(i, c_code));
  }
  const std::size_t expected = r.valid_at(end).size();
  if (p.persons.size() != expected)
    throw ValidationError("population: " + std::to_string(p.persons.size()) +
                          " provinces, not the " + std::to_string(expected) + " valid on " +
                          end.iso());
  return p;
}

}  // namespace

const Population& shipped_population() {
  static const Population p = read();
  return p;
}

std::map<std::string, double> shipped_population_weights(const Registry& registry, int year) {
  const Population& p = shipped_population();
  const Registry& shipped = provinces();
  const Date published(p.year, 12, 31), end(year, 12, 31);
  std::map<std::string, double> out;
  for (const auto& [code, persons] : p.persons) {
    const Unit& province = shipped.unit(*shipped.find(code, published));
    // The scores' names are resolved at the end of their year (carry()): each must still mean
    // this province there, in this registry.
    const std::optional<std::size_t> here = registry.find(province.name, published);
    if (!here || registry.unit(*here).code != code)
      throw ValidationError("the shipped population is of the 63 provinces; this registry's " +
                            registry.what() + " units do not include " + province.label() +
                            ", so pass the weights (weights), or choose the rule 'mean'");
    if (registry.find(province.name, end) != here)
      throw ValidationError("the shipped population (" + std::to_string(p.year) +
                            ") is of the 63 provinces before 2025-07-01; at the end of " +
                            std::to_string(year) + " " + province.label() +
                            " is not one of the units scored, so pass the weights of a " +
                            std::to_string(year) + " ranking (weights), or choose the rule 'mean'");
    out[province.name] = static_cast<double>(persons);
  }
  return out;
}

bool is_population(std::string_view weight) {
  const std::string key = name_key(weight);
  return key == "population" || key == "dan so";
}

std::optional<std::int64_t> shipped_population_of(const Registry& registry, std::size_t unit) {
  const Population& p = shipped_population();
  const Unit& u = registry.unit(unit);
  const Date published(p.year, 12, 31);
  const auto persons = p.persons.find(u.code);
  if (persons == p.persons.end() || !u.valid_at(published)) return std::nullopt;
  const Registry& shipped = provinces();
  const std::optional<std::size_t> province = shipped.find(u.code, published);
  if (!province || name_key(shipped.unit(*province).name) != name_key(u.name)) return std::nullopt;
  return persons->second;
}

}  // namespace dxkit::units

#pragma once
/// The population dxkit ships: the average population of the 63 provinces (before 1 July
/// 2025) in 2024, as the General Statistics Office published it, so the default carrying rule
/// weighted_mean(population) needs no table from the user (src/units/data/population.cpp says
/// where the figures come from and how they were checked).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dxkit/export.hpp"
#include "dxkit/units/registry.hpp"

namespace dxkit::units {

/// One year's average population of the shipped provinces.
struct DXKIT_API Population {
  int year = 0;        ///< the reference year (2024)
  std::string source;  ///< the publisher, the table and its address
  /// GSO province code ("01" Hà Nội, "34" Thái Bình) -> persons. Published in thousands with
  /// one decimal, so every figure is a whole number of hundreds of persons.
  std::map<std::string, std::int64_t> persons;
  std::int64_t national = 0;  ///< the national average population the source gives, persons
};

/// The shipped population (the 63 provinces valid on 2024-12-31 in provinces(), by code).
/// Read once; a table that does not match the registry's 63 codes and names is a
/// ValidationError naming the row (a defect of the shipped data, caught by the tests).
[[nodiscard]] DXKIT_API const Population& shipped_population();

/// The shipped population as weights by unit name ({"Thái Bình": 1890400, ...}) for scores of
/// `year` named in `registry` (provinces(), or a copy with the user's mapping tables). Throws
/// ValidationError when the registry lacks one of the 63, or when a name of the 63 means another
/// unit (or none) at the end of `year`: after 2024 the names are the 34's, whose weights the
/// caller must pass.
[[nodiscard]] DXKIT_API std::map<std::string, double> shipped_population_weights(
    const Registry& registry, int year);

/// Whether a rule's weight names the population ("population", "dân số", any case or
/// diacritics): the one weight dxkit ships.
[[nodiscard]] DXKIT_API bool is_population(std::string_view weight);

/// The shipped population of `unit` of `registry` (persons), when it is one of the 63 provinces
/// of the shipped year (same code and name, valid at that year's end; the new Hưng Yên, code 33
/// from 2025-07-01, is not); nullopt for any other unit.
[[nodiscard]] DXKIT_API std::optional<std::int64_t> shipped_population_of(const Registry& registry,
                                                                          std::size_t unit);

}  // namespace dxkit::units

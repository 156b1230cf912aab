#pragma once
// The shipped tables of the units area, as CSV text (one file per table set, like
// src/text/vocabularies/): read by src/units/shipped.cpp with the core's CSV reader.
namespace dxkit::units::data {
extern const char* const provinces_units;
extern const char* const provinces_successions;
extern const char* const agencies_units;
extern const char* const agencies_successions;
extern const char* const population;  // code,name,thousand: the 63 provinces' average population
extern const char* const population_year;
extern const char* const population_source;
extern const char* const population_national_thousand;
}  // namespace dxkit::units::data

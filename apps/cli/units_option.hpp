#pragma once
// The `--units DATE` option of progress, dti, due and budget: the output expressed in the
// provinces and agencies of that date (the 2025 reorganisation), the names as written kept
// beside. The pieces the four commands share; the work is in the core (dxkit/units/).
#include <CLI/CLI.hpp>
#include <map>
#include <optional>
#include <string>

#include "dxkit/date.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/text/number_style.hpp"
#include "output.hpp"

namespace dxkit::cli {

/// Adds `--units DATE` to `cmd`; `what` says what is expressed ("lead agencies", ...).
void add_units_option(CLI::App* cmd, std::string& units, const std::string& what);
/// The date of `--units`, nullopt when not given; throws ParseError for a bad date.
[[nodiscard]] std::optional<Date> units_date(const std::string& text);
/// A weights table (unit, indicator, value: "Thái Bình,GRDP,2"), by indicator then unit, its
/// values read in `numbers` (auto: decided for this file from the value column; how, in
/// `note`, "" otherwise). Throws ParseError / ValidationError at the row for a value that is
/// not a number.
[[nodiscard]] std::map<std::string, std::map<std::string, double>> read_weights(
    const std::string& path, NumberStyle numbers, std::string& note);
/// The diagnostics added to the report's notes (with their location and severity).
void add_notes(Report& report, const Diagnostics& notes);

}  // namespace dxkit::cli

#pragma once
/// The choices every reader shares, by the names users type (number format, CSV delimiter),
/// and a table handed over in memory (a DataFrame's columns): parsed here once, so the
/// command line and Python accept the same words and fail with the same messages.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

/// The number formats by name, in the order the help lists them.
inline constexpr NameTable number_formats{
    "number format",
    std::array{
        Named<NumberFormat>{NumberFormat::vietnamese, "vietnamese",
                            "'.' groups thousands, ',' is the decimal mark: 75.428; 99,21"},
        Named<NumberFormat>{NumberFormat::plain, "plain",
                            "',' groups thousands, '.' is the decimal mark: 75,428; 99.21"}}};

/// A number format by name: "vietnamese" (or "vi") and "plain" (or "en"). Throws
/// ValidationError "unknown number format 'x'; accepted: vietnamese, plain".
[[nodiscard]] DXKIT_API NumberFormat parse_number_format(std::string_view name);

/// A CSV delimiter by name: "" = detect from the header (0), "tab" or "\t" = TAB, otherwise
/// the one character given. Throws ValidationError "the delimiter must be one character, or
/// 'tab'" for anything longer.
[[nodiscard]] DXKIT_API char parse_delimiter(std::string_view name);

namespace csv {

/// A table given as text columns in memory (a DataFrame), shaped as a parsed CSV: rows are
/// numbered as a spreadsheet shows them (header = line 1, first row = line 2). Throws
/// ValidationError "the header and the columns differ in number" or "the columns differ in
/// length".
[[nodiscard]] DXKIT_API Table from_columns(std::vector<std::string> header,
                                           std::vector<std::vector<std::string>> columns,
                                           std::string source);

}  // namespace csv
}  // namespace dxkit

#pragma once
/// The number style a user chooses for an input (`--numbers`, `numbers=` / `number_format=`):
/// one of the two formats, or `auto`, decided per file from what its cells hold ("1.234,5" is
/// Vietnamese, "1,234.5" and "0.9921" are plain) and reported; a file that holds both is a
/// located error, never a silently misread number.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

enum class NumberStyle : std::uint8_t { vietnamese, plain, automatic };

/// The number styles by name: the help of every `--numbers`, the Python docstrings and
/// docs/usage.md come from here.
inline constexpr NameTable number_styles{
    "number style",
    std::array{
        Named<NumberStyle>{NumberStyle::vietnamese, "vietnamese",
                           "'.' groups thousands, ',' is the decimal mark: 75.428; 99,21"},
        Named<NumberStyle>{NumberStyle::plain, "plain",
                           "',' groups thousands, '.' is the decimal mark: 75,428; 99.21"},
        Named<NumberStyle>{NumberStyle::automatic, "auto",
                           "decided per file from its numbers (1.234,5 or 1,234.5; 0,9921 or "
                           "0.9921), reported; a file holding both is an error"}}};

/// A style by name ("vi" and "en" as for number formats). Throws ValidationError "unknown
/// number style 'x'; accepted: vietnamese, plain, auto".
[[nodiscard]] DXKIT_API NumberStyle parse_number_style(std::string_view name);

/// The reading options for a reader of `style`: dxkit's own JSON (csv.hpp) has its numbers
/// written into cells as that reader reads them (0.735 for plain, 0,735 otherwise: `auto`
/// then decides Vietnamese from them).
[[nodiscard]] inline csv::Options reading_options(NumberStyle style) {
  csv::Options o;
  o.json_numbers = style == NumberStyle::plain ? NumberFormat::plain : NumberFormat::vietnamese;
  return o;
}

/// The names of number_styles, for a command line's choice check.
[[nodiscard]] DXKIT_API std::vector<std::string> number_style_names();
/// "number style: vietnamese (...); plain (...); auto (...)": the help of every `--numbers`.
[[nodiscard]] DXKIT_API std::string number_style_help();

/// What one cell says about the format: the format its numbers can only be read in, or
/// nullopt when they fit both or neither ("75.428", "12", "30/6/2023", "Hoàn thành").
/// "1.234,5", "0,9921", "1.650.380" are Vietnamese; "1,234.5", "0.9921", "1,650,380" plain.
[[nodiscard]] DXKIT_API std::optional<NumberFormat> number_format_of(std::string_view cell);

/// The format auto decided and how, for the output ("numbers read as plain: '0.9921' (line 7,
/// column 'actual') has '.' as its decimal mark").
struct DXKIT_API NumberDecision {
  NumberFormat format = NumberFormat::vietnamese;
  std::string note;
};

/// Decides the format of the cells of `columns` of `table` (number_format_of each). No
/// deciding cell: Vietnamese, the documents' style, and the note says so. Cells of both
/// formats: ParseError at the first cell that contradicts an earlier one (file, line, column),
/// naming both and the way to choose (--numbers vietnamese | plain).
[[nodiscard]] DXKIT_API NumberDecision decide_number_format(const csv::Table& table,
                                                            std::span<const std::size_t> columns);

/// The format a style gives for the cells of `columns` of `table`: vietnamese or plain as
/// chosen (an empty note), automatic as decide_number_format decides (its note). Every reader
/// that takes a NumberStyle resolves it here, once per file.
[[nodiscard]] DXKIT_API NumberDecision resolve_number_style(NumberStyle style,
                                                            const csv::Table& table,
                                                            std::span<const std::size_t> columns);

/// resolve_number_style over every column of `table` except those whose header is in `skip`
/// (codes, names, rules: text whose digits are not the file's numbers).
[[nodiscard]] DXKIT_API NumberDecision resolve_number_style(
    NumberStyle style, const csv::Table& table, std::initializer_list<std::string_view> skip);

}  // namespace dxkit

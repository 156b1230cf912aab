#pragma once
// dxkit's own JSON output (schema "dxkit/1", docs/usage.md) read back as a table: the `rows`
// array becomes the header (every key, in the order first met) and one row per object, so
// every table reader takes `dxkit CMD --format json` output where it takes CSV.
#include <string>
#include <string_view>

#include "dxkit/text/csv.hpp"

namespace dxkit::csv::detail {

/// True when `content` (BOM and leading white space skipped) opens a JSON object.
[[nodiscard]] bool looks_like_json(std::string_view content) noexcept;

/// The rows of a dxkit/1 JSON document as a table. Strings are kept as written (NFC, trimmed,
/// as CSV cells), numbers are written in `options.json_numbers` (75428000000, 0,735 or 0.735),
/// true / false as such, null as an empty cell. Each row's line is the line of its `{`.
/// Throws ParseError (file, line, column) for text that is not JSON, a JSON that is not dxkit's
/// output (no "schema": "dxkit/...", no "rows" array), a row that is not an object, or a
/// nested value in a row.
[[nodiscard]] Table parse_json(std::string_view content, std::string source,
                               const Options& options);

}  // namespace dxkit::csv::detail

#pragma once
// Writing a table of strings as an aligned text table, CSV, or JSON rows.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dxkit::cli {

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right_align;  ///< per column; numbers align right
};

/// Columns padded to their widest cell (by display width), cells longer than `max_width`
/// shortened with "…".
void write_text(std::ostream& out, const TextTable& table, std::size_t max_width = 48);

/// RFC 4180 CSV with a header row; cells quoted when they need it.
void write_csv(std::ostream& out, const TextTable& table);

using Json = nlohmann::ordered_json;

/// A result as named columns of typed cells (null = missing), written as an aligned table,
/// CSV or JSON ({"output": ..., "rows": [{column: value}], "notes": [...]}).
struct Frame {
  std::vector<std::string> header;
  std::vector<std::vector<Json>> rows;
  std::vector<std::string> notes;  ///< printed under the table, "notes" in JSON, left out of CSV
  int digits = 4;                  ///< decimals of numbers in the text table
};

/// NaN as null.
[[nodiscard]] Json num(double v);
template <class T>
[[nodiscard]] Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
/// A cell as text: "NA" for null, numbers with `digits` decimals in a table, 17 significant
/// digits otherwise.
[[nodiscard]] std::string cell_text(const Json& cell, bool table, int digits);
void write_frame(std::ostream& out, const Frame& frame, const std::string& output,
                 const std::string& format);

}  // namespace dxkit::cli

#pragma once
// Writing a table of strings as an aligned text table, CSV, or JSON rows.
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

}  // namespace dxkit::cli

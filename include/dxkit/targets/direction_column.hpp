#pragma once
/// A direction column (higher / lower is better) read as flags for the numeric kernel, with
/// the row of the first bad word in the error.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dxkit/export.hpp"

namespace dxkit {

/// 1 where values[i] says lower is better ("lower", "thấp", "giảm", "-"), 0 where it says
/// higher or is empty. Throws ParseError located at line i + 2 (a spreadsheet row), column
/// "direction", for a word that is neither.
[[nodiscard]] DXKIT_API std::vector<std::uint8_t> lower_is_better_flags(
    std::span<const std::string> values);

}  // namespace dxkit

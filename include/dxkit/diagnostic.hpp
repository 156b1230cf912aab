#pragma once
/// One diagnostic type for everything dxkit tells a user about their input without stopping:
/// budget findings (rows that do not add up), document checks (a fraction against its printed
/// share, tallies the appendix does not support), index notes (a step that changed numbers,
/// negative PCA loadings). Errors that stop the work stay exceptions (error.hpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/error.hpp"
#include "dxkit/export.hpp"

namespace dxkit {

/// How much a diagnostic matters: `note` = for information (a step that ran), `warning` =
/// probably a mistake in the input or an ambiguous value, `error` = the input is wrong (a
/// printed total that does not add up).
enum class Severity : std::uint8_t { note, warning, error };

/// "note", "warning", "error".
[[nodiscard]] DXKIT_API std::string_view to_string(Severity s) noexcept;

/// One thing found in the input.
struct DXKIT_API Diagnostic {
  Location where;  ///< file, line, column (and the column's header) where known
  Severity severity = Severity::warning;
  std::string code;     ///< a stable identifier ("subtotal", "ratio_mismatch", "winsorised")
  std::string message;  ///< what is wrong, with the numbers, in one sentence

  /// "file:line:column: warning [code]: message", leaving out what is unknown.
  [[nodiscard]] std::string to_string() const;
};

/// Diagnostics in the order they were found.
using Diagnostics = std::vector<Diagnostic>;

}  // namespace dxkit

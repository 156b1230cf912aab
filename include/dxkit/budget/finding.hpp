#pragma once
/// A budget finding: the shared dxkit::Diagnostic (where, severity, code, message) plus the
/// facts a budget check adds (the row's label, the printed and the computed amount). Kept
/// apart from table.hpp so that the reader and the checks share it; it has no code.
#include <optional>
#include <string>

#include "dxkit/budget/money.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"

namespace dxkit::budget {

/// Something in a budget table that does not add up, or cannot be read.
struct DXKIT_API Finding {
  /// where = file, 1-based line and the column's header (column_name, "" when not one
  /// column); severity = error or warning; code = row_sum, subtotal, grand_total,
  /// possible_breakdown, duplicate, negative, not_a_number, not_a_period, unit, numbering.
  Diagnostic diagnostic;
  std::string label;              ///< the row's label ("" for the header row)
  std::optional<Money> reported;  ///< the amount printed in the table, where one is compared
  std::optional<Money> computed;  ///< the amount its rows or columns add up to
};

}  // namespace dxkit::budget

#pragma once
/// Roll-ups of a budget: exact sums by dimension (section, group, agency, source, year, tag,
/// period), comparisons of two budgets, and dense sums by integer codes for columnar data.
/// The Budget members rollup(), compare(), value(), total(), column_total(),
/// reported_total() and share_of() are declared with the class (table.hpp) and defined in
/// src/budget/rollup.cpp with the functions below.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/budget/money.hpp"

namespace dxkit::budget {

/// A dimension to roll up by.
enum class Dimension : std::uint8_t { section, group, agency, source, year, tag, period };
/// "section", "group", "agency", "source", "year", "tag", "period"; throws ValidationError.
[[nodiscard]] Dimension parse_dimension(std::string_view name);
[[nodiscard]] std::string_view to_string(Dimension d) noexcept;

/// One line of a roll-up: the keys (one per dimension asked for) and the exact sum.
struct RollupRow {
  std::vector<std::string> keys;
  Money amount;
  double share = 0;  ///< amount / the table's total (0 when the total is 0)
};

/// One line of a comparison of two budgets.
struct ComparisonRow {
  std::vector<std::string> keys;
  Money before, after, change;
  std::optional<double> change_percent;  ///< none when `before` is 0
};

/// Exact sums of `amounts` (đồng) grouped by integer codes, on contiguous arrays: key k of
/// row i is keys[k][i] in [0, cardinalities[k]). Returns a dense array of
/// Π cardinalities sums, row-major in the order of `keys`. Throws ValidationError naming the
/// 1-based row of a code out of range, and on overflow.
/// When `counts` is given it receives the number of rows in each group (so that empty groups
/// can be told from groups that sum to 0).
[[nodiscard]] std::vector<std::int64_t> sum_by_codes(
    const std::vector<std::span<const std::int32_t>>& keys,
    const std::vector<std::size_t>& cardinalities, std::span<const std::int64_t> amounts,
    std::vector<std::int64_t>* counts = nullptr);

}  // namespace dxkit::budget

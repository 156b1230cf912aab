#pragma once
/// Roll-ups of a budget: exact sums by dimension (section, group, agency, source, year, tag,
/// period), comparisons of two budgets, and dense sums by integer codes for columnar data.
/// The Budget members rollup(), compare(), value(), total(), column_total(),
/// reported_total() and share_of() are declared with the class (table.hpp) and defined in
/// src/budget/rollup.cpp with the functions below.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/budget/money.hpp"
#include "dxkit/export.hpp"
#include "dxkit/names.hpp"

namespace dxkit::budget {

/// A dimension to roll up by.
enum class Dimension : std::uint8_t { section, group, agency, source, year, tag, period };

/// The dimensions' names and meanings (the command line's --by help comes from here).
inline constexpr NameTable dimensions{
    "dimension",
    std::array{
        Named<Dimension>{Dimension::section, "section", "the Roman-numbered section (phần)"},
        Named<Dimension>{Dimension::group, "group", "the numbered group under a section"},
        Named<Dimension>{Dimension::agency, "agency",
                         "the agency column (đơn vị thực hiện), else the group's label"},
        Named<Dimension>{Dimension::source, "source",
                         "the funding source: source columns, else the Nguồn vốn label"},
        Named<Dimension>{Dimension::year, "year", "the yearly columns, else the plan year"},
        Named<Dimension>{Dimension::tag, "tag", "the Ghi chú column used as a tag"},
        Named<Dimension>{Dimension::period, "period", "Thời gian thực hiện (2022 - 2024)"},
    }};

/// "section", "group", "agency", "source", "year", "tag", "period"; throws ValidationError
/// "unknown dimension 'x'; accepted: section, group, ...".
[[nodiscard]] DXKIT_API Dimension parse_dimension(std::string_view name);
/// The dimension's name ("?" outside the table).
[[nodiscard]] DXKIT_API std::string_view to_string(Dimension d) noexcept;

/// One line of a roll-up: the keys (one per dimension asked for) and the exact sum.
struct DXKIT_API RollupRow {
  std::vector<std::string> keys;
  Money amount;
  double share = 0;  ///< amount / the table's total (0 when the total is 0)
};

/// One line of a comparison of two budgets.
struct DXKIT_API ComparisonRow {
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
[[nodiscard]] DXKIT_API std::vector<std::int64_t> sum_by_codes(
    const std::vector<std::span<const std::int32_t>>& keys,
    const std::vector<std::size_t>& cardinalities, std::span<const std::int64_t> amounts,
    std::vector<std::int64_t>* counts = nullptr);

/// A key column of codes as an array holds them: `width` bytes each (1, 2, 4 or 8), signed,
/// `size` of them (a pandas categorical's codes are int8 for a few categories).
struct DXKIT_API CodeColumn {
  const void* data = nullptr;
  int width = 4;
  std::size_t size = 0;
};

/// sum_by_codes on codes of any width, read where they are (no widening copy): one pass over
/// the rows, block by block, the group of each row computed and its amount added while the
/// block is in cache. The same sums, counts and errors (the first bad code in row order).
[[nodiscard]] DXKIT_API std::vector<std::int64_t> sum_by_codes(
    const std::vector<CodeColumn>& keys, const std::vector<std::size_t>& cardinalities,
    std::span<const std::int64_t> amounts, std::vector<std::int64_t>* counts = nullptr);

/// Integers coded by first appearance, as pandas.factorize(sort=False) codes them: codes[i]
/// indexes `uniques`, which lists each distinct value once in the order it first occurs.
/// Values within a range of a few million are coded through a table, others through a hash map.
struct DXKIT_API Factorized {
  std::vector<std::int32_t> codes;
  std::vector<std::int64_t> uniques;
};
[[nodiscard]] DXKIT_API Factorized factorize(std::span<const std::int64_t> values);

/// Sums by keys of two kinds in one call: codes (cardinalities[k] > 0, as sum_by_codes reads
/// them) and integer values (cardinalities[k] == 0), coded as factorize codes them (first
/// appearance). Values within a small range are grouped in the same pass as the sums, through
/// a table over the range (no codes written out); wider ones are factorized first.
struct DXKIT_API KeySums {
  std::vector<std::vector<std::int64_t>> uniques;  ///< per key: its distinct values (value keys)
  std::vector<std::size_t> cardinalities;          ///< per key: the codes' or distinct values'
  std::vector<std::int64_t> sums, counts;          ///< dense, row-major by the keys' codes
};
[[nodiscard]] DXKIT_API KeySums sum_by_keys(const std::vector<CodeColumn>& keys,
                                            const std::vector<std::size_t>& cardinalities,
                                            std::span<const std::int64_t> amounts);

}  // namespace dxkit::budget

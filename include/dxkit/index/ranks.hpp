#pragma once
/// Ranks of index results (min, dense, average ties; within groups; many columns at once), a
/// unit's strengths and weaknesses, and the comparison of two results.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/names.hpp"

namespace dxkit::index {

/// Competition ranks, rank 1 = highest, ties share the lowest rank (1, 2, 2, 4); missing
/// values get none.
[[nodiscard]] DXKIT_API std::vector<std::optional<int>> rank_min(std::span<const double> x);

/// rank_min of every column of `data`, column-major (rank 0 = missing), computed on
/// `threads` threads (columns are independent, so the result does not depend on it).
[[nodiscard]] DXKIT_API std::vector<std::int32_t> rank_columns(const DataSet& data,
                                                               unsigned threads = 2);
/// The same for columns given as spans of one length (e.g. a few columns of a data set).
[[nodiscard]] DXKIT_API std::vector<std::int32_t> rank_columns(
    std::span<const std::span<const double>> columns, unsigned threads = 2);

/// How tied values are ranked: min (1, 2, 2, 4, COINr's default), dense (1, 2, 2, 3) or
/// average (1, 2.5, 2.5, 4).
enum class Ties : std::uint8_t { min, dense, average };
/// The ways of ranking ties by name ("ties" in messages).
inline constexpr NameTable kTies{
    "ties",
    std::array{
        Named<Ties>{Ties::min, "min", "ties share the lowest rank: 1, 2, 2, 4 (COINr's default)"},
        Named<Ties>{Ties::dense, "dense", "ties share a rank, no gaps: 1, 2, 2, 3"},
        Named<Ties>{Ties::average, "average", "ties share the mean rank: 1, 2.5, 2.5, 4"},
    }};

/// Ranks, 1 = highest; missing values unranked. Average ties can be fractional.
[[nodiscard]] DXKIT_API std::vector<std::optional<double>> rank(std::span<const double> x,
                                                                Ties ties);

/// Ranks within groups: each unit ranked among the units of its group.
[[nodiscard]] DXKIT_API std::vector<std::optional<double>> rank_within(
    std::span<const double> x, std::span<const std::string> group, Ties ties = Ties::min);

/// A unit's strengths and weaknesses: its `n` best- and worst-ranked indicators (ties by
/// iMeta order), with their ranks.
struct DXKIT_API StrengthsWeaknesses {
  std::vector<std::pair<std::string, int>> strengths, weaknesses;
};
[[nodiscard]] DXKIT_API StrengthsWeaknesses strengths_and_weaknesses(const DataSet& data,
                                                                     const Framework& framework,
                                                                     std::string_view unit,
                                                                     std::size_t n = 5);

/// One unit's change in one column between two results (year on year, method against method).
struct DXKIT_API Change {
  std::string unit;
  std::optional<double> score_before, score_after;
  std::optional<int> rank_before, rank_after;
  std::optional<int> rank_change;  ///< before - after: positive = moved up
};
/// Matched by unit code; a unit in only one result has the other side empty. Units in the
/// order of `before`, then those only in `after`.
[[nodiscard]] DXKIT_API std::vector<Change> compare_results(const DataSet& before,
                                                            const DataSet& after,
                                                            std::string_view column);

}  // namespace dxkit::index

#pragma once
/// The long table of a plan's targets and results: one observation per indicator, year and
/// kind, with the document it comes from (docs/progress.md).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/targets/target.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number_style.hpp"

namespace dxkit {

/// One row of the long table: a target or a result of an indicator in a year.
struct DXKIT_API Observation {
  std::string indicator, name;
  int year = 0;
  enum class Kind : std::uint8_t { target, result, baseline } kind = Kind::result;
  std::string text;              ///< the value as written
  double value = 0;              ///< results: the number; targets: the bound to reach
  std::optional<Target> target;  ///< targets
  bool rank = false;             ///< a rank (lower is better): "top 30", "48/63"
  std::string source;            ///< the document ("167/KH-UBND", "NQ 09-NQ/TU")
  std::size_t line = 0;
};

/// Reads the long table: indicator, year, kind (target / result / baseline, or chỉ tiêu / kết
/// quả), value, and optionally source and name. Targets use the target grammar
/// (docs/targets.md) plus rank targets ("top 30", "top 25", "trong nhóm 30", "xếp thứ 30 trở
/// lên"); results are a number ("3,7%") or a rank ("48/63"). Errors name the file, line and
/// column: an unknown kind, a year that is not a whole number, a value not understood, a
/// compound or milestone target, a rank result for an indicator whose targets are not ranks.
/// Values are read in `format` (the Vietnamese "3,7%" by default; years are whole numbers).
[[nodiscard]] DXKIT_API std::vector<Observation> read_observations(
    const csv::Table& table, NumberFormat format = NumberFormat::vietnamese);
/// The format of the long table's values under `style`: as chosen, or for `auto` decided from
/// the value column (decide_number_format; the note says how). Throws ValidationError when the
/// table has no value column.
[[nodiscard]] DXKIT_API NumberDecision observation_number_format(const csv::Table& table,
                                                                 NumberStyle style);
[[nodiscard]] DXKIT_API std::vector<Observation> read_observations(
    const std::filesystem::path& path);

}  // namespace dxkit

#pragma once
/// DTI results as the Ministry prints them: one row per province (by name or uCode), one
/// column per main indicator (its Vietnamese name, "Chỉ số Nhận thức số", or its code) with
/// scores on 0..1 and 4 decimals, '.' or ',' as the decimal mark (dti.gov.vn, "Xếp hạng chi
/// tiết"). Read as points (score × the indicator's maximum), the DTI is recomputed with the
/// framework's weights and ranked like a points table.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"

namespace dxkit::dti {

/// What the cells of a main-indicator table hold.
enum class Values : std::uint8_t { points, scores };

/// The value kinds by name (`--values`, `values=`).
inline constexpr NameTable kValueKinds{
    "values",
    std::array{Named<Values>{Values::points, "points",
                             "main-indicator points (0..max, e.g. 0..200), as scored"},
               Named<Values>{Values::scores, "scores",
                             "published scores on 0..1 (points / max, 4 decimals, '.' or ',' "
                             "decimals), e.g. the Ministry's DTI tables"}}};

/// Main-indicator scores on 0..1 as points (score × max). Columns: uCode or the unit's name
/// (uName, "Tỉnh, thành phố", "Các tỉnh, thành phố trực thuộc TW", ...: names resolve to
/// province codes), optionally Group; each main indicator worth points by its code or its name
/// (compared without case, diacritics or a leading "Chỉ số"); other columns (rank, the printed
/// DTI) are left out. Throws ValidationError for a missing indicator column or an unknown
/// province (with close matches), ParseError for a cell that is no number or lies outside
/// 0..1, each located (file, row / sheet cell, column).
[[nodiscard]] DXKIT_API index::UnitData scores_table(const csv::Table& table,
                                                     const index::Framework& framework);

/// points_table() or scores_table(), by `values`, the cells read in `format` (Vietnamese by
/// default; there a score with only a '.' such as "0.8253" is read as printed, '.' the decimal
/// mark, since on 0..1 it cannot group thousands).
[[nodiscard]] DXKIT_API index::UnitData main_values(const csv::Table& table,
                                                    const index::Framework& framework,
                                                    Values values,
                                                    NumberFormat format = NumberFormat::vietnamese);

/// The format of a DTI table's numbers (a scoring sheet or main-indicator values) under
/// `style`: as chosen, or for `auto` decided from every column but the units' codes, names and
/// groups, the sub-indicators, rules and evidence (decide_number_format; the note says how).
[[nodiscard]] DXKIT_API NumberDecision number_format(const csv::Table& table, NumberStyle style);

/// The columns of `table` that hold each main indicator of `framework` (by code, else by name
/// without a leading "Chỉ số"), in the framework's order; nullopt where absent.
[[nodiscard]] DXKIT_API std::vector<std::optional<std::size_t>> indicator_columns(
    const csv::Table& table, const index::Framework& framework);

/// Each row's unit code: the uCode column, else the unit-name column resolved through the
/// province registry (all names at 30 June 2025, the 63 provinces, else all at 1 July 2025,
/// the 34). Throws ValidationError (located) for an unknown or ambiguous name, or when the
/// table has neither column.
[[nodiscard]] DXKIT_API std::vector<std::string> unit_codes(const csv::Table& table);

}  // namespace dxkit::dti

#pragma once
/// Scoring text columns given as codes into their distinct values (a pandas categorical, or a
/// column factorised once): each distinct target and result is parsed once however many rows
/// repeat it, and the parsed targets and results come back as codes too. The answers are those
/// of make_indicator_table + evaluate on the same cells, row for row.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/targets/evaluate.hpp"
#include "dxkit/targets/indicator.hpp"
#include "dxkit/targets/scoring.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit {

/// One text column: row i holds values[codes[i]], or no cell ("") where codes[i] < 0.
struct DXKIT_API CodedColumn {
  std::string name;                     ///< header, named in messages
  std::size_t position = 0;             ///< 0-based column number, named in messages (+1)
  std::span<const std::int64_t> codes;  ///< one per row, borrowed (not copied)
  std::vector<std::string> values;      ///< the distinct cells as UTF-8
};

/// The evaluations of coded columns, with the parsed targets and results as codes.
struct DXKIT_API CodedEvaluation {
  EvaluationTable evaluation;
  std::vector<std::int32_t> target_codes;  ///< row -> index into target_labels
  std::vector<std::string> target_labels;  ///< distinct Target::describe() texts
  std::vector<std::int32_t> actual_codes;  ///< row -> index into actual_labels
  std::vector<std::string> actual_labels;  ///< distinct Result::describe() texts
};

/// Scores rows whose target, actual and optional direction cells are coded columns, giving
/// what make_indicator_table + evaluate give for the same cells: the same ratios and statuses,
/// the same first error (ParseError at `source`, line row + 2, the column's number and name,
/// row by row, direction then target then actual; then ValidationError naming the row), and
/// the same warnings (bare_share at the row's actual cell, then duplicate_code over `code`,
/// nullptr: no check). `lines`, when given, is each row's line in `source` instead of row + 2
/// (a CSV file's rows, after blank lines and cells over several lines). Throws ValidationError
/// if the columns differ in length or a code is out of range of its values.
[[nodiscard]] DXKIT_API CodedEvaluation
evaluate_coded(const CodedColumn& target, const CodedColumn& actual, const CodedColumn* direction,
               const CodedColumn* code, const Scheme& scheme, NumberFormat format,
               const std::string& source = "<DataFrame>", const ScoringOptions& options = {},
               std::span<const std::size_t> lines = {});

/// A CSV file's results table as columns, for scoring millions of rows: the target, actual and
/// direction cells as codes into their distinct texts (a plan's table repeats "97% trở lên"
/// over and over), so that each distinct text is parsed once (evaluate_coded) and no row holds
/// a Target or a Result of its own; the other cells are kept as read.
struct DXKIT_API CodedTable {
  std::string source;                              ///< the file, for messages
  std::vector<std::size_t> lines;                  ///< 1-based line where each row starts
  NumberFormat format = NumberFormat::vietnamese;  ///< as given, or as `auto` decided
  std::string number_note;  ///< how `auto` read the numbers ("" when the format was given)
  /// The code, name and pillar cells; empty when the table has no such column.
  std::vector<std::string> codes, names, pillars;
  std::vector<std::string> extra_names;                ///< headers of the kept columns
  std::vector<std::vector<std::string>> extra_values;  ///< extra_values[k][row]
  /// Target, actual and (when the table has one) direction; their codes view the vectors
  /// below, which a move of the table keeps in place (do not copy a CodedTable).
  CodedColumn target, actual;
  std::optional<CodedColumn> direction;
  std::vector<std::int64_t> target_codes, actual_codes, direction_codes;

  CodedTable() = default;
  CodedTable(const CodedTable&) = delete;
  CodedTable& operator=(const CodedTable&) = delete;
  CodedTable(CodedTable&&) = default;
  CodedTable& operator=(CodedTable&&) = default;

  [[nodiscard]] std::size_t size() const noexcept { return lines.size(); }
};

/// The columns of a CSV file's table (csv::read; not a document's table, whose places name
/// sheets and cells): the roles, the `auto` number format and the missing-column errors of
/// make_indicator_table, with no cell parsed yet (evaluate parses them).
[[nodiscard]] DXKIT_API CodedTable make_coded_table(csv::Table&& table,
                                                    const TableOptions& options = {});
/// make_coded_table of the file read as read_indicator_table reads it.
[[nodiscard]] DXKIT_API CodedTable read_coded_table(const std::filesystem::path& path,
                                                    const TableOptions& options = {});

/// Scores a coded table: what evaluate(make_indicator_table(...)) gives for the same file, row
/// for row (ratios, flags, statuses, warnings and their places, the first error), with the
/// parsed targets and results as codes.
[[nodiscard]] DXKIT_API CodedEvaluation evaluate(const CodedTable& table, const Scheme& scheme,
                                                 const ScoringOptions& options = {});

/// The direction of each row as a code into a small table (a pandas categorical's codes):
/// row i is lower-is-better when codes[i] >= 0 and lower_of_code[codes[i]] is 1.
struct DXKIT_API DirectionCodes {
  const void* codes = nullptr;  ///< nullptr: every row higher is better
  int width = 1;                ///< bytes per code: 1, 2, 4 or 8 (signed integers)
  std::span<const std::uint8_t> lower_of_code;
};

/// evaluate(target, actual, lower_is_better, scheme) in one pass over the arrays, block by
/// block so that each block's ratios and flags are classified while still in cache, with the
/// direction read through its codes: the same bits as the unfused call. Throws
/// ValidationError if the arrays differ in length or a code is beyond lower_of_code.
[[nodiscard]] DXKIT_API EvaluationTable evaluate_numeric_fused(std::span<const double> target,
                                                               std::span<const double> actual,
                                                               const DirectionCodes& direction,
                                                               const Scheme& scheme,
                                                               const ScoringOptions& options = {});

/// The warnings evaluate(IndicatorTable) gives for indicator codes on more than one row, for
/// codes given as views (row i is line i + 2 of `source`; an empty code is never a repeat):
/// the first 20 repeats named with the line they repeat, the rest counted in one more.
[[nodiscard]] DXKIT_API Diagnostics repeated_codes(std::span<const std::string_view> codes,
                                                   const std::string& source = "<DataFrame>");

}  // namespace dxkit

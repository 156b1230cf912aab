#pragma once
// dxkit's own budget output read back: the roll-up that `dxkit budget --format csv|json` writes
// and `Budget.rollup()` returns (the keys, `amount` in whole đồng, `share`), and the findings
// block that `--check` appends to the CSV. Used by make_budget and parse_budget (table.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/budget/table.hpp"

namespace dxkit::budget::detail {
/// "2022 - 2024", "2023" (a Thời gian thực hiện cell, or a roll-up's period key); nullopt for
/// anything else. Defined in table.cpp.
[[nodiscard]] std::optional<Period> parse_period(const std::string& text);
/// One amount cell read in `unit`: nullopt and a "not_a_number" finding at `where` when it does
/// not read, the amount and a "negative" finding when it is below zero. Defined in table.cpp.
[[nodiscard]] std::optional<Money> read_amount(const std::string& text, MoneyUnit unit,
                                               NumberFormat format, const Location& where,
                                               const std::string& label,
                                               std::vector<Finding>& findings);
}  // namespace dxkit::budget::detail

namespace dxkit::budget::own_output {

/// The budget a roll-up table holds, one item per row, or nullopt when `table` is not one
/// (its header is not dimension names, `agency_original`, then `amount` and `share`). The
/// amounts are whole đồng whatever the file's unit would be; a `--unit` other than đồng is a
/// ValidationError at the header.
[[nodiscard]] std::optional<Budget> read_rollup(const csv::Table& table,
                                                const ReadOptions& options);

/// Takes the findings block of a `dxkit budget --check --format csv` output off the end of
/// `content` (a blank line, then the header kind,severity,...,message and its rows) and returns
/// its findings as they were written (file, line, label, column, reported and computed đồng,
/// message); none when there is no such block. `first_line` is the 1-based line of
/// `content`'s first line; ParseError, located, for a cell of the block that does not read.
[[nodiscard]] std::vector<Finding> take_findings(std::string_view& content,
                                                 const std::string& source, std::size_t first_line);

}  // namespace dxkit::budget::own_output

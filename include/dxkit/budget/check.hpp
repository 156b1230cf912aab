#pragma once
/// The checks a person does by hand on a budget appendix (row sums, subtotals, the grand
/// total, "of which" breakdowns summed twice, duplicates, numbering), reported as findings
/// that carry the shared dxkit::Diagnostic. Defined in src/budget/check.cpp.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dxkit/budget/finding.hpp"
#include "dxkit/budget/table.hpp"
#include "dxkit/export.hpp"
#include "dxkit/names.hpp"

namespace dxkit::budget {

/// The codes of budget findings, in the order check() reports them, with what each means.
enum class FindingCode : std::uint8_t {
  not_a_number,
  not_a_period,
  negative,
  unit,
  row_sum,
  subtotal,
  grand_total,
  possible_breakdown,
  duplicate,
  numbering
};

/// One name table for the finding codes (Diagnostic::code of a budget Finding).
inline constexpr NameTable finding_codes{
    "finding code",
    std::array{
        Named<FindingCode>{FindingCode::not_a_number, "not_a_number",
                           "an amount cell that is not a number (error)"},
        Named<FindingCode>{FindingCode::not_a_period, "not_a_period",
                           "a Thời gian thực hiện cell that is not a period (warning)"},
        Named<FindingCode>{FindingCode::negative, "negative", "a negative amount (error)"},
        Named<FindingCode>{FindingCode::unit, "unit",
                           "a header's unit differs from the table's (error)"},
        Named<FindingCode>{FindingCode::row_sum, "row_sum",
                           "a total is not the sum of its source or budget-level columns (error)"},
        Named<FindingCode>{FindingCode::subtotal, "subtotal",
                           "a printed subtotal is not the sum of its rows (error)"},
        Named<FindingCode>{FindingCode::grand_total, "grand_total",
                           "the grand total (Tổng cộng) is not the sum of the items (error)"},
        Named<FindingCode>{FindingCode::possible_breakdown, "possible_breakdown",
                           "rows below an item add up to it: an \"of which\" breakdown counted "
                           "twice? (warning)"},
        Named<FindingCode>{FindingCode::duplicate, "duplicate",
                           "the same label and amounts twice under one parent (warning)"},
        Named<FindingCode>{FindingCode::numbering, "numbering",
                           "STT numbering out of sequence (warning)"},
    }};

/// Every finding of `budget`: what reading found, then the checks of rows, subtotals, grand
/// total, breakdowns, duplicates and numbering, in file order within each code. The same as
/// budget.check(). Never throws on bad amounts (they are findings); throws ValidationError
/// only when a sum overflows 64-bit đồng.
[[nodiscard]] DXKIT_API std::vector<Finding> check(const Budget& budget);

}  // namespace dxkit::budget

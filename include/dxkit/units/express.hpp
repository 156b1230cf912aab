#pragma once
/// Names written before the 2025 reorganisation expressed in the units of a date: a task of
/// "Sở TTTT" is owed in 2026 by "Sở Khoa học và Công nghệ", a budget line of Thái Bình rolls up
/// into Hưng Yên. The name as written is always kept beside (`original`), so a table expressed
/// in new units can be traced back to the document.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/budget/table.hpp"
#include "dxkit/date.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/error.hpp"
#include "dxkit/export.hpp"
#include "dxkit/plan/assignment.hpp"
#include "dxkit/units/registry.hpp"

namespace dxkit::units {

/// What to do with a name the registry does not know.
enum class Unknown : std::uint8_t {
  error,  ///< a located ValidationError listing the close matches (provinces)
  keep,   ///< kept as written, a warning when it is close to a known name (agencies: Sở Y tế
          ///< was not reorganised and is not in the registry)
};

/// A name as written and what it is at the date.
struct DXKIT_API Expressed {
  std::string name;      ///< the unit(s) valid at the date, joined by ", "; as written if unchanged
  std::string original;  ///< the name as written
  bool moved = false;    ///< true: the unit had been succeeded by the date
  bool known = false;    ///< false: not in the registry (kept as written)
  std::size_t unit = 0;  ///< registry index of the (first) unit at the date, when known
};

/// Expresses `name` in the units valid at `as_of`. A unit of that name valid then is kept as
/// written; otherwise the only unit of that name (any date) is followed through its
/// successions to the units of `as_of`. Throws ValidationError at `where` for an ambiguous name
/// (listing the candidates), an unknown one under Unknown::error (listing the close matches),
/// and a unit that ended without a successor; Unknown::keep adds a warning to `notes` instead
/// when the unknown name is close to a known one.
[[nodiscard]] DXKIT_API Expressed express(const Registry& registry, std::string_view name,
                                          const Date& as_of, Unknown unknown, const Location& where,
                                          Diagnostics& notes);

/// Each of a cell's names (split at ";") expressed as express() does with Unknown::keep, joined
/// again by "; "; `original` is the cell as written. Empty cells stay empty.
[[nodiscard]] DXKIT_API Expressed express_list(const Registry& registry, std::string_view cell,
                                               const Date& as_of, const Location& where,
                                               Diagnostics& notes);

/// What a table's agencies were written as, once expressed in the agencies of a date.
struct DXKIT_API AgenciesWritten {
  /// Name at the date -> the names as written that became it ("Sở Khoa học và Công nghệ" ->
  /// {"Sở TT&TT", "Sở TTTT"}); a name kept as written maps to itself.
  std::map<std::string, std::set<std::string>> written;
  std::vector<std::string> lead;  ///< assignments: each task's lead as written, "; " between
  Diagnostics notes;              ///< unknown names close to a known one
  std::size_t moved = 0;          ///< names replaced by their successors
  /// The names as written of `name` (at the date), "; " between them; `name` when unknown.
  [[nodiscard]] std::string original(const std::string& name) const;
};

/// `dxkit due --units DATE`, `Assignments.due(units=...)`: each task's lead and supporting
/// agencies expressed in the agencies of `as_of` (express() with Unknown::keep: Sở TTTT -> Sở
/// Khoa học và Công nghệ, Sở Y tế as written), in place. `file` locates the notes; `written`
/// and `lead` keep the names as written (`written` from lead and supporting agencies alike).
[[nodiscard]] DXKIT_API AgenciesWritten express_assignments(const Registry& registry,
                                                            std::vector<Assignment>& list,
                                                            const Date& as_of,
                                                            const std::string& file);

/// `dxkit budget --units DATE`, `Budget.rollup(units=...)`: each row's agency expressed in the
/// agencies of `as_of`, in place, so a roll-up by agency sums a successor's predecessors
/// exactly. `written` and `moved` count items only (headings carry no money of their own).
[[nodiscard]] DXKIT_API AgenciesWritten express_budget(const Registry& registry,
                                                       budget::Budget& budget, const Date& as_of);

}  // namespace dxkit::units

#pragma once
/// A plan's targets and results followed across the 2025 reorganisation: each row belongs to
/// the province of its document (resolved at the document's date, so a 2021 "Hưng Yên" is the
/// former province), and is carried into the province of `as_of` that it became. The new
/// province's own rows win; else the predecessors' rows of one indicator, kind and year are
/// combined by the indicator's rule (weighted_mean(GRDP) for a share of GRDP), and a single
/// predecessor's rows are followed as they are, with a warning naming the predecessors that
/// gave none. Progress (issue 6) is then computed per new province on the carried series.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/plan/link.hpp"
#include "dxkit/plan/observation.hpp"
#include "dxkit/plan/progress.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/units/carry.hpp"
#include "dxkit/units/registry.hpp"

namespace dxkit::units {

/// The series and targets of one unit valid at the date.
struct DXKIT_API Followed {
  std::size_t unit = 0;                          ///< index in the registry
  std::vector<dxkit::Observation> observations;  ///< carried rows (combined ones are new rows)
  std::map<std::string, std::set<std::string>> original;  ///< indicator -> provinces as written
};

/// The units with rows, in registry order, and the warnings (a predecessor without rows, own
/// rows that replace the predecessors', a sum missing a part).
struct DXKIT_API Following {
  std::vector<Followed> units;
  Diagnostics notes;
};

/// Follows `observations` (linked: every source is one of `documents`) into the units of
/// `as_of`. `rules[indicator]` combines the rows of several predecessors (sum, weighted_mean,
/// mean, min, max; not_comparable leaves the indicator out with a warning); `weights[w][p]`
/// is the weight w (the rule's "weighted_mean(w)") of former province p (by name). Ranks of a
/// merged unit are never followed (a rank among 63 is not one among 34): a warning says so. Throws
/// ValidationError (file, line of the row) for a source that is not a document, a province unknown
/// or ambiguous at its document's date (close matches listed), rows of several predecessors without
/// a rule, a weighted rule missing a predecessor's weight, and targets of different kinds combined.
[[nodiscard]] DXKIT_API Following
follow(const Registry& registry, const std::vector<dxkit::Observation>& observations,
       const std::vector<Document>& documents, const Date& as_of,
       const std::map<std::string, RuleSpec>& rules,
       const std::map<std::string, std::map<std::string, double>>& weights,
       const std::string& file = {});

/// The weights of weighted_mean rules, by weight then former province (by name):
/// {"GRDP": {"Thái Bình": 2, "Hưng Yên": 3}}.
using Weights = std::map<std::string, std::map<std::string, double>>;

/// A weights table of columns unit, indicator, value ("Thái Bình,GRDP,2"), as `dxkit progress
/// --weights` and Python read it. Throws ValidationError for a missing column and ParseError at
/// the cell for a value that is not a number. `format`: how the values are written (the
/// callers decide it per file with resolve_number_style over the value column).
[[nodiscard]] DXKIT_API Weights read_weights(const csv::Table& table,
                                             NumberFormat format = NumberFormat::vietnamese);

/// One row of progress in the units of a date: the province it was followed into, the
/// provinces whose rows were used (as written, "; " between them) and the verdict.
struct DXKIT_API ProvinceProgress {
  std::string province;
  std::string original;
  dxkit::Progress progress;
};

/// `dxkit progress --units DATE` and Python's `Plan.progress(units=...)`: the observations
/// followed into the provinces of `as_of` (follow()), then progress (issue 6) per province on
/// the carried series, in registry order. The notes are follow()'s.
struct DXKIT_API ProgressIn {
  std::vector<ProvinceProgress> rows;
  Diagnostics notes;
};
[[nodiscard]] DXKIT_API ProgressIn
progress_in(const Registry& registry, const std::vector<dxkit::Observation>& observations,
            const std::vector<Document>& documents, const Date& as_of,
            const std::map<std::string, RuleSpec>& rules, const Weights& weights,
            const dxkit::ProgressOptions& options, const std::string& file = {});

}  // namespace dxkit::units

#pragma once
// The bare_share warning (a result of at most 1 with no '%' against a percentage target), worded
// once for every evaluation path: the parsed table's (evaluate.cpp) and the coded columns'
// (columns.cpp), so that both give the same located texts.
#include "dxkit/diagnostic.hpp"
#include "dxkit/error.hpp"
#include "dxkit/targets/result.hpp"
#include "dxkit/targets/target.hpp"

namespace dxkit::targets_detail {

// A bare number of at most 1 ("0,99", no '%', no percent format) against a percentage target
// is most often a share written as a fraction of 1 (99 %) or a percent-formatted cell typed
// out; dxkit reads it as written (0,99 %) and says so, where it is, instead of scoring 1,02 %
// of the target in silence. A document's percent-formatted cell arrives as "99%" and is not
// warned about.
[[nodiscard]] inline bool bare_share(const ResultPart& r) noexcept {
  return !r.percent && r.kind != ResultKind::fraction && r.kind != ResultKind::done &&
         r.kind != ResultKind::not_done && r.value != 0 && r.value <= 1 && r.value >= -1;
}

/// Whether any part of `result` is a bare share (most rows have none: look before building).
[[nodiscard]] inline bool any_bare_share(const Result& result) noexcept {
  for (const ResultPart& r : result.parts)
    if (bare_share(r)) return true;
  return false;
}

/// Adds the warnings of a row whose result scored `ratio` against `target`, at `where` (the
/// row's actual cell: line, column number and header).
void warn_bare_shares(const Target& target, const Result& result, double ratio,
                      const Location& where, Diagnostics& warnings);

}  // namespace dxkit::targets_detail

#pragma once
/// DTI results as they are published: points / max on 0..1, rounded to 4 decimals.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/dti/presets.hpp"
#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::dti {

/// The score of every node on 0..1: a main indicator's points / its maximum, an aggregate's
/// Σ points / Σ maximum of what is under it, so the top node is the DTI (Σ points / 1000).
/// Unrounded (up to 1e-10, so that equal point totals tie exactly): publish with published(),
/// rank with index::rank (competition ranks on the unrounded values).
[[nodiscard]] DXKIT_API index::DataSet results(const index::UnitData& points,
                                               const index::Framework& framework);

/// A published value: rounded half away from zero to `decimals` (4 for the DTI).
[[nodiscard]] DXKIT_API double published(double value, int decimals = 4);

}  // namespace dxkit::dti

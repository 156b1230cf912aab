#pragma once
#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"

namespace dxkit::index {

/// The indicator columns of `raw`, each divided by its denominator column where iMeta names one.
[[nodiscard]] DXKIT_API DataSet denominate(const DataSet& raw, const Framework& framework);
/// The same from iData, whether its numbers are owned or borrowed.
[[nodiscard]] DXKIT_API DataSet denominate(const UnitData& raw, const Framework& framework);

}  // namespace dxkit::index

#pragma once
/// The driver of an index run: [panel impute -> select time ->] denominate -> impute ->
/// screen -> treat -> normalise -> aggregate, each step from its own header.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/export.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/options.hpp"
#include "dxkit/index/panel.hpp"
#include "dxkit/index/screen.hpp"
#include "dxkit/index/treat.hpp"
#include "dxkit/names.hpp"

namespace dxkit::index {

/// The data sets a run keeps, in the order the steps make them.
enum class DataSetName : std::uint8_t {
  denominated,
  imputed,
  screened,
  treated,
  normalised,
  aggregated
};
/// The data sets by name ("data set" in messages).
inline constexpr NameTable kDataSets{
    "data set",
    std::array{
        Named<DataSetName>{DataSetName::denominated, "denominated",
                           "the indicators, each divided by its denominator"},
        Named<DataSetName>{DataSetName::imputed, "imputed", "missing values imputed"},
        Named<DataSetName>{DataSetName::screened, "screened", "units screened out removed"},
        Named<DataSetName>{DataSetName::treated, "treated", "outliers treated"},
        Named<DataSetName>{DataSetName::normalised, "normalised", "every indicator normalised"},
        Named<DataSetName>{DataSetName::aggregated, "aggregated",
                           "the normalised indicators with one column per aggregate"},
    }};

/// Every data set of a run, as COINr keeps them, and what each step did.
struct DXKIT_API PipelineResult {
  std::optional<double> time;  ///< the time built, for panel data
  DataSet denominated, imputed, screened, treated, normalised, aggregated;
  std::vector<std::string> screened_out;
  std::vector<Screened> screening;
  std::vector<PanelFill> panel_filled;
  std::vector<Treatment> treatment;
  /// Each step that changed a number, as a note: codes index.panel_imputed,
  /// index.denominated, index.imputed, index.screened, index.treated (none when the run
  /// only normalised and aggregated); and warnings: index.zero_weights (a parent whose
  /// children all weigh 0, located at the first child's iMeta line: its scores are NA).
  Diagnostics notes;
  Framework framework;  ///< the framework as used (weights of the chosen set applied)
  bool kept = true;     ///< false: only `aggregated` was kept (keep_data_sets = false)
  /// false: `aggregated` holds the aggregates alone (keep_indicators = false).
  bool indicators = true;

  /// A data set by name: denominated, imputed, screened, treated, normalised, aggregated.
  /// Throws ValidationError listing the names for any other.
  [[nodiscard]] const DataSet& data(std::string_view name) const;
  /// `aggregated` for an analysis that reads the normalised indicators in it (`what`:
  /// correlations, Cronbach's alpha, strengths): throws ValidationError when the run did not
  /// keep them, instead of an analysis silently without its indicators.
  [[nodiscard]] const DataSet& aggregated_with_indicators(std::string_view what) const;
};

/// The data sets are taken by value: pass std::move(d) to work in place.
/// Runs [panel impute -> select time ->] denominate -> impute -> screen -> treat ->
/// normalise -> aggregate. When no intermediate data set is kept and nothing before the
/// normalisation changes the numbers (no denominator, imputation, screening or treatment),
/// the normalisation reads the indicators straight from `data` (owned or borrowed) instead
/// of a copy; the results are the same to the bit.
[[nodiscard]] DXKIT_API PipelineResult run_pipeline(const UnitData& data,
                                                    const Framework& framework,
                                                    const PipelineOptions& options = {});

}  // namespace dxkit::index

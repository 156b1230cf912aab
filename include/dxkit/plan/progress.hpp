#pragma once
/// Progress toward targets across documents and years: observations (targets and results of
/// an indicator, each with its year and source) from a long table, and for every indicator the
/// required and observed yearly change, their ratio and a status, the value projected for the
/// target year and the year the target would be reached. See docs/progress.md (methods and
/// their sources: the ESCAP / Open SDG progress measure, SDSN trend arrows).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/plan/link.hpp"
#include "dxkit/plan/observation.hpp"

namespace dxkit {

struct DXKIT_API ProgressOptions {
  bool compound = false;          ///< compound growth rates instead of linear change
  double on_track = 0.95;         ///< ratio >= this: on_track
  double acceleration = 0.6;      ///< >= this: acceleration_needed
  double limited = 0;             ///< >= this: limited_progress; below: deteriorating
  std::optional<int> as_of_year;  ///< leave out observations after this year
};

/// The verdict for one indicator and one target year.
struct DXKIT_API Progress {
  std::string indicator, name;
  int target_year = 0;
  std::string target_text;
  double target = 0;
  bool lower_is_better = false;
  std::optional<int> baseline_year, latest_year;
  std::optional<double> baseline, latest;
  std::optional<double> required, observed, ratio;  ///< yearly change (or growth rate)
  std::optional<double> projected;                  ///< at the target year, at the observed pace
  std::optional<double> year_reached;               ///< when the target is met at that pace
  std::string status;     ///< achieved, on_track, acceleration_needed, limited_progress,
                          ///< deteriorating, insufficient_data; for a target year the results
                          ///< have already reached: achieved or missed
  std::string path_from;  ///< where the required path starts: "baseline 2020" or "target 2025"
};

/// For every indicator and each of its target years after its first result: the path runs
/// from the baseline (the first result, or a row of kind baseline) through every target in
/// year order, so an indicator with 2025 and 2030 targets is judged for 2030 against the
/// stretch from the 2025 target. The observed pace runs from the baseline to the latest
/// result. A target already met by the latest result is `achieved`.
[[nodiscard]] DXKIT_API std::vector<Progress> progress(const std::vector<Observation>& observations,
                                                       const ProgressOptions& options = {});

}  // namespace dxkit

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

#include "dxkit/date.hpp"
#include "dxkit/targets/target.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit {

/// One row of the long table: a target or a result of an indicator in a year.
struct Observation {
  std::string indicator, name;
  int year = 0;
  enum class Kind : std::uint8_t { target, result, baseline } kind = Kind::result;
  std::string text;              ///< the value as written
  double value = 0;              ///< results: the number; targets: the bound to reach
  std::optional<Target> target;  ///< targets
  bool rank = false;             ///< a rank (lower is better): "top 30", "48/63"
  std::string source;            ///< the document ("167/KH-UBND", "NQ 09-NQ/TU")
  std::size_t line = 0;
};

/// Reads the long table: indicator, year, kind (target / result / baseline, or chỉ tiêu / kết
/// quả), value, and optionally source and name. Targets use the target grammar
/// (docs/targets.md) plus rank targets ("top 30", "top 25", "trong nhóm 30", "xếp thứ 30 trở
/// lên"); results are a number ("3,7%") or a rank ("48/63"). Errors name the file, line and
/// column: an unknown kind, a year that is not a whole number, a value not understood, a
/// compound or milestone target, a rank result for an indicator whose targets are not ranks.
[[nodiscard]] std::vector<Observation> read_observations(const csv::Table& table);
[[nodiscard]] std::vector<Observation> read_observations(const std::filesystem::path& path);

/// A plan or a resolution: the documents observations come from.
struct Document {
  std::string number;  ///< "167/KH-UBND", "09-NQ/TU"
  std::string kind;    ///< plan (kế hoạch) or resolution (nghị quyết)
  std::string province;
  int year = 0;              ///< the year it plans (a resolution: the year it was adopted)
  std::optional<Date> date;  ///< date of signature, if given
  std::size_t line = 0;
};

/// Reads documents: number, kind, province, year, and optionally date (dd/mm/yyyy or
/// YYYY-MM-DD). Errors name the file, line and column (an unknown kind, a bad date, a number
/// listed twice).
[[nodiscard]] std::vector<Document> read_documents(const csv::Table& table);

/// Links indicators across documents: each observation whose indicator is a key of `mapping`
/// takes the mapped code (a resolution's "KTS_GRDP" and a plan's "3.1" become one
/// indicator). With documents given, every observation's source must be one of their numbers
/// (ValidationError naming the observation's line otherwise).
void link(std::vector<Observation>& observations, const std::map<std::string, std::string>& mapping,
          const std::vector<Document>& documents = {});
/// A mapping table: from, to (the code as a document writes it, the common code).
[[nodiscard]] std::map<std::string, std::string> read_mapping(const csv::Table& table);

struct ProgressOptions {
  bool compound = false;          ///< compound growth rates instead of linear change
  double on_track = 0.95;         ///< ratio >= this: on_track
  double acceleration = 0.6;      ///< >= this: acceleration_needed
  double limited = 0;             ///< >= this: limited_progress; below: deteriorating
  std::optional<int> as_of_year;  ///< leave out observations after this year
};

/// The verdict for one indicator and one target year.
struct Progress {
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
[[nodiscard]] std::vector<Progress> progress(const std::vector<Observation>& observations,
                                             const ProgressOptions& options = {});

}  // namespace dxkit

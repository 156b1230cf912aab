#pragma once
/// Point scoring of sub-indicators (rules: points, ratio, steps, graded, yes / no) with
/// self-assessed, appraised and final points, and each unit's main-indicator points.
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
#include "dxkit/text/number.hpp"

namespace dxkit::dti {

/// How a sub-indicator turns what a unit reports into points (the Rule column):
/// points | ratio ("a/b" × max) | steps(4=20;3=15;2=10;1=5) (a count, the highest step it
/// reaches) | graded(chủ tịch=1;phó chủ tịch=0,5;không=0) (a level, its share of max) |
/// yes_no ("có" = max, "không" = 0).
struct DXKIT_API Rule {
  enum class Kind : std::uint8_t { points, ratio, steps, graded, yes_no } kind = Kind::points;
  std::vector<std::pair<double, double>> steps;        ///< (count, points), highest count first
  std::vector<std::pair<std::string, double>> levels;  ///< (folded level, share of max)
  std::string text;
};
/// The kinds of rule by name, with how each turns a reported value into points ("rule" in
/// messages).
inline constexpr NameTable kRuleKinds{
    "rule",
    std::array{
        Named<Rule::Kind>{Rule::Kind::points, "points", "the points as reported"},
        Named<Rule::Kind>{Rule::Kind::ratio, "ratio", "a/b times the maximum"},
        Named<Rule::Kind>{
            Rule::Kind::steps, "steps",
            "steps(4=20;3=15;...): a count, the points of the highest step it reaches"},
        Named<Rule::Kind>{
            Rule::Kind::graded, "graded",
            "graded(chủ tịch=1;phó chủ tịch=0,5;không=0): a level, its share of the maximum"},
        Named<Rule::Kind>{Rule::Kind::yes_no, "yes_no", "có (yes) = the maximum, không (no) = 0"},
    }};
/// A rule from its text ("steps(4=20;3=15)"); throws ParseError naming the accepted kinds.
[[nodiscard]] DXKIT_API Rule parse_rule(std::string_view text);
/// Points for one reported value under a rule, its numbers read in `format`; throws ParseError
/// / ValidationError saying why.
[[nodiscard]] DXKIT_API double points(const Rule& rule, double max, std::string_view value,
                                      NumberFormat format = NumberFormat::vietnamese);

/// One sub-indicator of one unit: what it reported, the points it gave itself, the points the
/// appraisal council gave, and the final points (appraised when there, else self-assessed).
struct DXKIT_API SubScore {
  std::string unit, unit_name, group, main, sub, rule, evidence;
  std::string self_text, appraised_text;  ///< as written
  double max = 0;
  std::optional<double> self, appraised;
  double final_points = 0;
  std::size_t line = 0;
};

/// A scoring sheet: columns uCode, Main, Sub, Rule, Max, Self, and optionally uName, Group,
/// Appraised, Evidence. Numbers in `format` (the Vietnamese "6,5", "45/50" by default; the
/// rules' own numbers are always Vietnamese). Errors name the
/// file, line and column: an unknown rule, a value the rule cannot read, points above the
/// maximum, a sub-indicator listed twice for a unit, a Main that is not an indicator of the
/// framework.
struct DXKIT_API Sheet {
  std::vector<SubScore> subs;
};
[[nodiscard]] DXKIT_API Sheet score_sheet(const csv::Table& table,
                                          const index::Framework& framework,
                                          NumberFormat format = NumberFormat::vietnamese);
[[nodiscard]] DXKIT_API Sheet read_sheet(const std::filesystem::path& path,
                                         const index::Framework& framework);

/// The sub-indicators whose appraised points differ from the self-assessed ones.
[[nodiscard]] DXKIT_API std::vector<SubScore> differences(const Sheet& sheet);

/// Each unit's main-indicator points (the sum of its sub-indicators' final points; a main
/// indicator worth 0 points is missing), as iData; the Group column becomes a group. Throws
/// ValidationError for a unit without any sub-indicator of a scored main indicator, or with
/// more points than the maximum.
[[nodiscard]] DXKIT_API index::UnitData main_scores(const Sheet& sheet,
                                                    const index::Framework& framework);
/// Main-indicator points given directly (uCode, [uName, Group,] one column per main
/// indicator), as main_scores gives them.
[[nodiscard]] DXKIT_API index::UnitData points_table(const csv::Table& table,
                                                     const index::Framework& framework);

}  // namespace dxkit::dti

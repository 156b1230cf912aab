#pragma once
/// Vietnam's Digital Transformation Index (DTI) and the department / district indices that
/// copy its template: ready-made frameworks in iMeta form, point scoring of sub-indicators
/// (a / b × max, steps by count, graded levels, yes / no) with self-assessed, appraised and
/// final points, and results as they are published (points / max on 0..1 with 4 decimals,
/// DTI = Σ points / total, competition ranks on the unrounded values). See docs/dti.md.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/text/csv.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/names.hpp"

namespace dxkit::dti {

/// The frameworks shipped: "dti_922" (QĐ 922/QĐ-BTTTT, DTI 2021-2022: nine main indicators,
/// 1,000 points), "dti_1726" (QĐ 1726/QĐ-BTTTT, DTI 2020: three pillars 400 / 300 / 300),
/// "haiduong_department" (QĐ 297/QĐ-UBND Hải Dương 2023: six main indicators, 500 points).
[[nodiscard]] std::vector<std::string> presets();

/// The shipped frameworks as a choice.
enum class Preset : std::uint8_t { dti_922, dti_1726, haiduong_department };
/// The shipped frameworks by name, with what each is ("framework" in messages).
inline constexpr NameTable kPresetNames{
    "framework",
    std::array{
        Named<Preset>{Preset::dti_922, "dti_922",
                      "QĐ 922/QĐ-BTTTT, provincial DTI 2021-2022: nine main indicators, 1,000 points"},
        Named<Preset>{Preset::dti_1726, "dti_1726",
                      "QĐ 1726/QĐ-BTTTT, provincial DTI 2020: three pillars 400 / 300 / 300"},
        Named<Preset>{Preset::haiduong_department, "haiduong_department",
                      "QĐ 297/QĐ-UBND Hải Dương 2023, departments: six main indicators, 500 points"},
    }};
/// A preset's iMeta as CSV text (to copy and change). Weight = MaxPoints: an aggregate's score
/// is then Σ points / Σ max of its children. Throws ValidationError listing the presets.
[[nodiscard]] std::string preset_meta(std::string_view name);
[[nodiscard]] index::Framework preset_framework(std::string_view name);

/// The maximum points of a node: iMeta's MaxPoints column, else its weight.
[[nodiscard]] double max_points(const index::Node& node);

/// How a sub-indicator turns what a unit reports into points (the Rule column):
/// points | ratio ("a/b" × max) | steps(4=20;3=15;2=10;1=5) (a count, the highest step it
/// reaches) | graded(chủ tịch=1;phó chủ tịch=0,5;không=0) (a level, its share of max) |
/// yes_no ("có" = max, "không" = 0).
struct Rule {
  enum class Kind : std::uint8_t { points, ratio, steps, graded, yes_no } kind = Kind::points;
  std::vector<std::pair<double, double>> steps;       ///< (count, points), highest count first
  std::vector<std::pair<std::string, double>> levels; ///< (folded level, share of max)
  std::string text;
};
/// The kinds of rule by name, with how each turns a reported value into points ("rule" in
/// messages).
inline constexpr NameTable kRuleKinds{
    "rule",
    std::array{
        Named<Rule::Kind>{Rule::Kind::points, "points", "the points as reported"},
        Named<Rule::Kind>{Rule::Kind::ratio, "ratio", "a/b times the maximum"},
        Named<Rule::Kind>{Rule::Kind::steps, "steps",
                          "steps(4=20;3=15;...): a count, the points of the highest step it reaches"},
        Named<Rule::Kind>{Rule::Kind::graded, "graded",
                          "graded(chủ tịch=1;phó chủ tịch=0,5;không=0): a level, its share of the maximum"},
        Named<Rule::Kind>{Rule::Kind::yes_no, "yes_no", "có (yes) = the maximum, không (no) = 0"},
    }};
/// (name, meaning) of each choice of `kind`: "framework" (kPresetNames) or "rule"
/// (kRuleKinds); any other is a ValidationError listing them.
[[nodiscard]] std::vector<std::pair<std::string_view, std::string_view>> choices(std::string_view kind);
/// A rule from its text ("steps(4=20;3=15)"); throws ParseError naming the accepted kinds.
[[nodiscard]] Rule parse_rule(std::string_view text);
/// Points for one reported value under a rule; throws ParseError / ValidationError saying why.
[[nodiscard]] double points(const Rule& rule, double max, std::string_view value);

/// One sub-indicator of one unit: what it reported, the points it gave itself, the points the
/// appraisal council gave, and the final points (appraised when there, else self-assessed).
struct SubScore {
  std::string unit, unit_name, group, main, sub, rule, evidence;
  std::string self_text, appraised_text;  ///< as written
  double max = 0;
  std::optional<double> self, appraised;
  double final_points = 0;
  std::size_t line = 0;
};

/// A scoring sheet: columns uCode, Main, Sub, Rule, Max, Self, and optionally uName, Group,
/// Appraised, Evidence. Numbers in the Vietnamese format ("6,5", "45/50"). Errors name the
/// file, line and column: an unknown rule, a value the rule cannot read, points above the
/// maximum, a sub-indicator listed twice for a unit, a Main that is not an indicator of the
/// framework.
struct Sheet {
  std::vector<SubScore> subs;
};
[[nodiscard]] Sheet score_sheet(const csv::Table& table, const index::Framework& framework);
[[nodiscard]] Sheet read_sheet(const std::filesystem::path& path, const index::Framework& framework);

/// The sub-indicators whose appraised points differ from the self-assessed ones.
[[nodiscard]] std::vector<SubScore> differences(const Sheet& sheet);

/// Each unit's main-indicator points (the sum of its sub-indicators' final points; a main
/// indicator worth 0 points is missing), as iData; the Group column becomes a group. Throws
/// ValidationError for a unit without any sub-indicator of a scored main indicator, or with
/// more points than the maximum.
[[nodiscard]] index::UnitData main_scores(const Sheet& sheet, const index::Framework& framework);
/// Main-indicator points given directly (uCode, [uName, Group,] one column per main
/// indicator), as main_scores gives them.
[[nodiscard]] index::UnitData points_table(const csv::Table& table, const index::Framework& framework);

/// The score of every node on 0..1: a main indicator's points / its maximum, an aggregate's
/// Σ points / Σ maximum of what is under it, so the top node is the DTI (Σ points / 1000).
/// Unrounded (up to 1e-10, so that equal point totals tie exactly): publish with published(),
/// rank with index::rank (competition ranks on the unrounded values).
[[nodiscard]] index::DataSet results(const index::UnitData& points,
                                     const index::Framework& framework);

/// A published value: rounded half away from zero to `decimals` (4 for the DTI).
[[nodiscard]] double published(double value, int decimals = 4);

}  // namespace dxkit::dti

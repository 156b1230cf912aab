#pragma once
/// The DTI frameworks shipped with dxkit, in iMeta form, and the maximum points of a node.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/index/pipeline.hpp"
#include "dxkit/names.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::dti {

/// The frameworks shipped: "dti_922" (QĐ 922/QĐ-BTTTT, DTI 2021-2022: nine main indicators,
/// 1,000 points), "dti_1726" (QĐ 1726/QĐ-BTTTT, DTI 2020: three pillars 400 / 300 / 300),
/// "haiduong_department" (QĐ 297/QĐ-UBND Hải Dương 2023: six main indicators, 500 points).
[[nodiscard]] DXKIT_API std::vector<std::string> presets();

/// The shipped frameworks as a choice.
enum class Preset : std::uint8_t { dti_922, dti_1726, haiduong_department };
/// The shipped frameworks by name, with what each is ("framework" in messages).
inline constexpr NameTable kPresetNames{
    "framework",
    std::array{
        Named<Preset>{
            Preset::dti_922, "dti_922",
            "QĐ 922/QĐ-BTTTT, provincial DTI 2021-2022: nine main indicators, 1,000 points"},
        Named<Preset>{Preset::dti_1726, "dti_1726",
                      "QĐ 1726/QĐ-BTTTT, provincial DTI 2020: three pillars 400 / 300 / 300"},
        Named<Preset>{
            Preset::haiduong_department, "haiduong_department",
            "QĐ 297/QĐ-UBND Hải Dương 2023, departments: six main indicators, 500 points"},
    }};
/// A preset's iMeta as CSV text (to copy and change). Weight = MaxPoints: an aggregate's score
/// is then Σ points / Σ max of its children. Throws ValidationError listing the presets.
[[nodiscard]] DXKIT_API std::string preset_meta(std::string_view name);
[[nodiscard]] DXKIT_API index::Framework preset_framework(std::string_view name);

/// The maximum points of a node: iMeta's MaxPoints column, else its weight.
[[nodiscard]] DXKIT_API double max_points(const index::Node& node);

/// (name, meaning) of each choice of `kind`: "framework" (kPresetNames) or "rule"
/// (kRuleKinds); any other is a ValidationError listing them.
[[nodiscard]] DXKIT_API std::vector<std::pair<std::string_view, std::string_view>> choices(
    std::string_view kind);

}  // namespace dxkit::dti

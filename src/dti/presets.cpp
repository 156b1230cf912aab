// The DTI frameworks shipped, their names, and the maximum points of a node.
#include "dxkit/dti/presets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "dti/detail.hpp"
#include "dxkit/dti/points.hpp"
#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::dti {

using detail::at;
using detail::kNaN;
using detail::split;

namespace {

struct PresetMeta {
  const char* name;
  const char* meta;
};

// Weight = MaxPoints, so that a weighted mean of points / max is Σ points / Σ max.
// In the order of kPresetNames (the array index is the Preset value).
constexpr PresetMeta kPresets[] = {
    {"dti_922",
     "Level,iCode,iName,Direction,Weight,MaxPoints,Parent,Type\n"
     "1,NT,Nhận thức số,1,100,100,NenTang,Indicator\n"
     "1,TC,Thể chế số,1,100,100,NenTang,Indicator\n"
     "1,HT,Hạ tầng số,1,100,100,NenTang,Indicator\n"
     "1,NL,Nhân lực số,1,100,100,NenTang,Indicator\n"
     "1,ATTT,An toàn thông tin mạng,1,100,100,NenTang,Indicator\n"
     "1,DTTM,Đô thị thông minh (không tính điểm),1,0,0,NenTang,Indicator\n"
     "1,CQS,Hoạt động chính quyền số,1,200,200,HoatDong,Indicator\n"
     "1,KTS,Hoạt động kinh tế số,1,150,150,HoatDong,Indicator\n"
     "1,XHS,Hoạt động xã hội số,1,150,150,HoatDong,Indicator\n"
     "2,NenTang,Nền tảng chung,1,500,500,DTI,Aggregate\n"
     "2,HoatDong,Hoạt động,1,500,500,DTI,Aggregate\n"
     "3,DTI,Chỉ số chuyển đổi số cấp tỉnh (QĐ 922/QĐ-BTTTT),1,1,1000,,Aggregate\n"},
    {"dti_1726",
     "Level,iCode,iName,Direction,Weight,MaxPoints,Parent,Type\n"
     "1,CQS,Chính quyền số,1,400,400,DTI,Indicator\n"
     "1,KTS,Kinh tế số,1,300,300,DTI,Indicator\n"
     "1,XHS,Xã hội số,1,300,300,DTI,Indicator\n"
     "2,DTI,Chỉ số chuyển đổi số cấp tỉnh (QĐ 1726/QĐ-BTTTT),1,1,1000,,Aggregate\n"},
    {"haiduong_department",
     "Level,iCode,iName,Direction,Weight,MaxPoints,Parent,Type\n"
     "1,NT,Nhận thức số,1,50,50,DTI,Indicator\n"
     "1,TC,Thể chế số,1,50,50,DTI,Indicator\n"
     "1,HT,Hạ tầng số,1,50,50,DTI,Indicator\n"
     "1,NL,Nhân lực số,1,50,50,DTI,Indicator\n"
     "1,ATTT,An toàn thông tin mạng,1,100,100,DTI,Indicator\n"
     "1,HDCDS,Hoạt động chuyển đổi số,1,200,200,DTI,Indicator\n"
     "2,DTI,Chỉ số chuyển đổi số cấp sở (QĐ 297/QĐ-UBND Hải Dương),1,1,500,,Aggregate\n"},
};

}  // namespace

std::vector<std::string> presets() {
  std::vector<std::string> out;
  for (const auto& p : kPresetNames.entries) out.emplace_back(p.name);
  return out;
}

std::string preset_meta(std::string_view name) {
  return kPresets[static_cast<std::size_t>(kPresetNames.parse(name))].meta;
}

index::Framework preset_framework(std::string_view name) {
  return index::make_framework(csv::parse(preset_meta(name), std::string(name) + ".csv"));
}

std::vector<std::pair<std::string_view, std::string_view>> choices(std::string_view kind) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  if (kind == "framework")
    for (const auto& e : kPresetNames.entries) out.emplace_back(e.name, e.meaning);
  else if (kind == "rule")
    for (const auto& e : kRuleKinds.entries) out.emplace_back(e.name, e.meaning);
  else
    throw ValidationError("unknown kind of choice '" + std::string(kind) +
                          "'; accepted: framework, rule");
  return out;
}

double max_points(const index::Node& node) {
  auto it = node.extra.find("MaxPoints");
  if (it == node.extra.end()) return node.weight;
  return parse_number(it->second, NumberFormat::plain);
}

}  // namespace dxkit::dti

// Agency aliases: the spellings plans use for one agency, each mapped to its short name.
// The due list groups by the short name and keeps the spelling for display. A table of
// string literals in one file: adding a spelling is one line here plus a test.
#include "dxkit/text/unicode.hpp"
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<std::string_view>& agencies() {
  static const Vocabulary<std::string_view> table(
      "agency", {
                    {"Sở TTTT", "Sở TTTT"},
                    {"Sở TT&TT", "Sở TTTT"},
                    {"Sở TT-TT", "Sở TTTT"},
                    {"Sở TT và TT", "Sở TTTT"},
                    {"Sở Thông tin và Truyền thông", "Sở TTTT"},
                    {"Sở Thông tin - Truyền thông", "Sở TTTT"},
                    {"Sở KH&ĐT", "Sở KHĐT"},
                    {"Sở KHĐT", "Sở KHĐT"},
                    {"Sở Kế hoạch và Đầu tư", "Sở KHĐT"},
                    {"Sở TC", "Sở Tài chính"},
                    {"Sở Tài chính", "Sở Tài chính"},
                    {"Sở KH&CN", "Sở KHCN"},
                    {"Sở KHCN", "Sở KHCN"},
                    {"Sở Khoa học và Công nghệ", "Sở KHCN"},
                    {"Sở GD&ĐT", "Sở GDĐT"},
                    {"Sở GDĐT", "Sở GDĐT"},
                    {"Sở Giáo dục và Đào tạo", "Sở GDĐT"},
                    {"Sở Y tế", "Sở Y tế"},
                    {"Sở NV", "Sở Nội vụ"},
                    {"Sở Nội vụ", "Sở Nội vụ"},
                    {"VP UBND tỉnh", "Văn phòng UBND tỉnh"},
                    {"Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"},
                    {"Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"},
                    {"Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh"},
                });
  return table;
}

std::string agency_of(std::string_view spelling) {
  if (auto a = agencies().whole(spelling)) return std::string(*a);
  return std::string(trim(spelling));
}

}  // namespace dxkit::text

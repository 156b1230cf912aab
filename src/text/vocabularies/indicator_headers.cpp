// Header spellings of indicator tables (a targets or results appendix). The documents' own
// come first; the first spelling of each role that is found wins. A table of string literals
// in one file: adding a header is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<IndicatorColumn>& indicator_headers() {
  using enum IndicatorColumn;
  static const Vocabulary<IndicatorColumn> table("indicator table header",
                                                 {
                                                     {"code", code},
                                                     {"stt", code},
                                                     {"tt", code},
                                                     {"mã", code},
                                                     {"mã chỉ tiêu", code},
                                                     {"id", code},
                                                     {"name", name},
                                                     {"tên chỉ tiêu", name},
                                                     {"tên", name},
                                                     {"chỉ tiêu cụ thể", name},
                                                     {"nội dung", name},
                                                     {"indicator", name},
                                                     {"pillar", pillar},
                                                     {"trụ cột", pillar},
                                                     {"lĩnh vực", pillar},
                                                     {"nhóm", pillar},
                                                     {"nhóm chỉ tiêu", pillar},
                                                     {"target", target},
                                                     {"mục tiêu", target},
                                                     {"chỉ tiêu", target},
                                                     {"kế hoạch", target},
                                                     {"mục tiêu kế hoạch", target},
                                                     {"chỉ tiêu kế hoạch", target},
                                                     {"actual", actual},
                                                     {"result", actual},
                                                     {"kết quả", actual},
                                                     {"kết quả thực hiện", actual},
                                                     {"thực hiện", actual},
                                                     {"kết quả đạt được", actual},
                                                     {"unit", unit},
                                                     {"đơn vị tính", unit},
                                                     {"đvt", unit},
                                                     {"đơn vị", unit},
                                                     {"direction", direction},
                                                     {"chiều", direction},
                                                     {"hướng", direction},
                                                     {"level", level},
                                                     {"cấp", level},
                                                 });
  return table;
}

}  // namespace dxkit::text

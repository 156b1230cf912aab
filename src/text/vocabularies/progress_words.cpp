// Headers and kind words of the progress tables: observations (indicator, year, kind, value),
// documents (number, kind, province, year, date) and their kinds. A table of string literals
// in one file: adding a phrase is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<ProgressWord>& progress_words() {
  using enum ProgressWord;
  static const Vocabulary<ProgressWord> table("progress table word",
                                              {
                                                  {"indicator", indicator},
                                                  {"chỉ tiêu", indicator},
                                                  {"mã", indicator},
                                                  {"year", year},
                                                  {"năm", year},
                                                  {"kind", kind},
                                                  {"loại", kind},
                                                  {"value", value},
                                                  {"giá trị", value},
                                                  {"source", source},
                                                  {"nguồn", source},
                                                  {"văn bản", source},
                                                  {"name", name},
                                                  {"tên", name},
                                                  {"number", number},
                                                  {"số", number},
                                                  {"số hiệu", number},
                                                  {"province", province},
                                                  {"tỉnh", province},
                                                  {"date", date},
                                                  {"ngày", date},
                                                  {"target", target_kind},
                                                  {"chỉ tiêu", target_kind},
                                                  {"mục tiêu", target_kind},
                                                  {"result", result_kind},
                                                  {"kết quả", result_kind},
                                                  {"thực hiện", result_kind},
                                                  {"baseline", baseline_kind},
                                                  {"cơ sở", baseline_kind},
                                                  {"plan", plan_kind},
                                                  {"kế hoạch", plan_kind},
                                                  {"resolution", resolution_kind},
                                                  {"nghị quyết", resolution_kind},
                                              });
  return table;
}

}  // namespace dxkit::text

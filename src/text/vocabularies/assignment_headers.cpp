// Header spellings of assignment appendices (who does what by when). A table of string
// literals in one file: adding a header is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<AssignmentColumn>& assignment_headers() {
  using enum AssignmentColumn;
  static const Vocabulary<AssignmentColumn> table("assignment header",
                                                  {
                                                      {"STT", number},
                                                      {"No", number},
                                                      {"Tên nhiệm vụ", task},
                                                      {"Tên dự án/nhiệm vụ", task},
                                                      {"Nội dung chỉ tiêu", task},
                                                      {"Nội dung", task},
                                                      {"Nhiệm vụ", task},
                                                      {"Chỉ tiêu", task},
                                                      {"Task", task},
                                                      {"Target", task},
                                                      {"Đơn vị chủ trì", lead},
                                                      {"Chủ trì", lead},
                                                      {"Cơ quan chủ trì", lead},
                                                      {"Lead", lead},
                                                      {"Đơn vị phối hợp", support},
                                                      {"Phối hợp", support},
                                                      {"Cơ quan phối hợp", support},
                                                      {"Support", support},
                                                      {"Thời điểm đánh giá", deadline},
                                                      {"Thời gian thực hiện", deadline},
                                                      {"Thời gian hoàn thành", deadline},
                                                      {"Thời hạn", deadline},
                                                      {"Deadline", deadline},
                                                      {"Status", status},
                                                      {"Tình trạng", status},
                                                      {"Trạng thái", status},
                                                      {"Kết quả", status},
                                                  });
  return table;
}

}  // namespace dxkit::text

// Verdict and status labels: what a scored row reads (Vượt / Đạt / Chưa đạt) and what an
// assignment's status column may say (with the statuses `dxkit due` writes, so that its output
// reads back: done, and overdue / due_soon / open / recurring / undated, all not done). The first
// phrase of each meaning is the label dxkit prints. A table of string literals in one file: adding
// a phrase is one line plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<Verdict>& verdicts() {
  using enum Verdict;
  static const Vocabulary<Verdict> table("verdict", {
                                                        {"Vượt", exceeded},
                                                        {"Đạt", met},
                                                        {"Hoàn thành", completed},
                                                        {"Đã hoàn thành", completed},
                                                        {"done", completed},
                                                        {"Chưa đạt", not_met},
                                                        {"Chưa có số liệu", no_data},
                                                        {"Chưa hoàn thành", open},
                                                        {"Đang thực hiện", open},
                                                        {"open", open},
                                                        {"Quá hạn", open},
                                                        {"Sắp đến hạn", open},
                                                        {"Chưa đến hạn", open},
                                                        {"overdue", open},
                                                        {"due_soon", open},
                                                        {"recurring", open},
                                                        {"undated", open},
                                                    });
  return table;
}

}  // namespace dxkit::text

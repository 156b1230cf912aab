// Result words: the phrases of a result cell ("ước đạt 85%", "Hoàn thành", "chưa có số liệu").
// A table of string literals in one file: adding a phrase is one line here plus a test. "≈" is
// dxkit's own canonical form of an estimate (ResultPart::describe), so that it reads back.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<ResultWord>& result_words() {
  using enum ResultWord;
  static const Vocabulary<ResultWord> table("result word", {
                                                               {"ước đạt", estimate},
                                                               {"ước", estimate},
                                                               {"ước tính", estimate},
                                                               {"khoảng", estimate},
                                                               {"dự kiến", estimate},
                                                               {"dự kiến đạt", estimate},
                                                               {"xấp xỉ", estimate},
                                                               {"~", estimate},
                                                               {"≈", estimate},
                                                               {"about", estimate},
                                                               {"approximately", estimate},
                                                               {"estimated", estimate},
                                                               {"est.", estimate},
                                                               {"hoàn thành", done},
                                                               {"đã hoàn thành", done},
                                                               {"done", done},
                                                               {"completed", done},
                                                               {"complete", done},
                                                               {"xong", done},
                                                               {"đã xong", done},
                                                               {"chưa hoàn thành", not_done},
                                                               {"không hoàn thành", not_done},
                                                               {"not done", not_done},
                                                               {"not completed", not_done},
                                                               {"chưa xong", not_done},
                                                               {"chưa", not_done},
                                                               {"chưa có số liệu", no_data},
                                                               {"không có số liệu", no_data},
                                                               {"no data", no_data},
                                                               {"n/a", no_data},
                                                               {"na", no_data},
                                                               {"-", no_data},
                                                               {"—", no_data},
                                                               {"–", no_data},
                                                               {"đạt", achieved},
                                                               {"đã", achieved},
                                                           });
  return table;
}

}  // namespace dxkit::text

// Words of a rank target or result ("trong top 30", "xếp thứ 30 trở lên", "hạng 48/63"). A
// table of string literals in one file: adding a phrase is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<RankWord>& rank_words() {
  using enum RankWord;
  static const Vocabulary<RankWord> table("rank word", {
                                                           {"trong", within},
                                                           {"nằm trong", within},
                                                           {"vào", within},
                                                           {"thuộc", within},
                                                           {"top", top},
                                                           {"nhóm", top},
                                                           {"xếp", place_lead},
                                                           {"đứng", place_lead},
                                                           {"thứ", place},
                                                           {"hạng", place},
                                                           {"trở lên", place_tail},
                                                           {"trở về trước", place_tail},
                                                           {"hạng", result_lead},
                                                           {"thứ", result_lead},
                                                           {"xếp thứ", result_lead},
                                                       });
  return table;
}

}  // namespace dxkit::text

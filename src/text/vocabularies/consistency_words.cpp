// Words of a plan's running text that the consistency checks read: the verbs that tie a
// fraction to its share ("1.030/1.685 đạt 61,1%"), and the words of a tally ("Số mục tiêu đã
// hoàn thành: 10/16", "trên 50%: 04/16", "06 chỉ tiêu vượt"). A table of string literals in
// one file: adding a phrase is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<ConsistencyWord>& consistency_words() {
  using enum ConsistencyWord;
  static const Vocabulary<ConsistencyWord> table("consistency word",
                                                 {
                                                     {"đạt", share_verb},
                                                     {"bằng", share_verb},
                                                     {"chiếm", share_verb},
                                                     {"tương đương", share_verb},
                                                     {"tỷ lệ", share_qualifier},
                                                     {"khoảng", share_qualifier},
                                                     {"hoàn thành", tally_met},
                                                     {"đạt và vượt", tally_met_or_exceeded},
                                                     {"trên", tally_above},
                                                     {"dưới", tally_below},
                                                     {"chỉ tiêu vượt", tally_exceeded},
                                                     {"chỉ tiêu đạt", tally_met_only},
                                                     {"và", tally_and},
                                                 });
  return table;
}

}  // namespace dxkit::text

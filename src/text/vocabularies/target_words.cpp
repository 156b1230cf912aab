// Target words: the phrases of a target cell ("tối thiểu 80%", "từ 50 đến 70", "90% trở lên").
// One source file per vocabulary, as a table of string literals: the compiler checks it, it
// needs no build step, and adding a phrase is one line here plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<TargetWord>& target_words() {
  using enum TargetWord;
  static const Vocabulary<TargetWord> table("target word", {
      {">=", at_least}, {"≥", at_least}, {"tối thiểu", at_least}, {"ít nhất", at_least},
      {"không dưới", at_least}, {"không thấp hơn", at_least}, {"không ít hơn", at_least},
      {"at least", at_least}, {"min", at_least},
      {">", more_than}, {"trên", more_than}, {"hơn", more_than}, {"cao hơn", more_than},
      {"lớn hơn", more_than}, {"nhiều hơn", more_than}, {"more than", more_than},
      {"above", more_than}, {"over", more_than},
      {"<=", at_most}, {"≤", at_most}, {"tối đa", at_most}, {"không quá", at_most},
      {"không vượt quá", at_most}, {"at most", at_most}, {"max", at_most},
      {"<", less_than}, {"dưới", less_than}, {"thấp hơn", less_than}, {"ít hơn", less_than},
      {"nhỏ hơn", less_than}, {"less than", less_than}, {"below", less_than},
      {"under", less_than},
      {"đạt", filler}, {"phấn đấu", filler}, {"có", filler}, {"là", filler}, {"mức", filler},
      {"ở mức", filler}, {"bằng", filler}, {"đã", filler}, {"được", filler},
      {"target", filler}, {"at", filler},
      {"từ", from}, {"from", from},
      {"trở lên", or_more}, {"or more", or_more}, {"or above", or_more},
      {"trở xuống", or_less}, {"or less", or_less}, {"or below", or_less},
      {"-", range_joiner}, {"–", range_joiner}, {"—", range_joiner}, {"đến", range_joiner},
      {"tới", range_joiner}, {"to", range_joiner},
      {"higher", higher}, {"higher_is_better", higher}, {"up", higher}, {"+", higher},
      {"cao", higher}, {"tăng", higher}, {"cao hơn", higher},
      {"lower", lower}, {"lower_is_better", lower}, {"down", lower}, {"-", lower},
      {"thấp", lower}, {"giảm", lower}, {"thấp hơn", lower},
      {"số", reference}, {"năm", reference}, {"ngày", reference}, {"tháng", reference},
      {"quý", reference}, {"đề án", reference}, {"chỉ thị", reference}, {"kế hoạch", reference},
      {"quyết định", reference}, {"nghị quyết", reference}, {"nghị định", reference},
      {"thông tư", reference}, {"công văn", reference}, {"giai đoạn", reference},
      {"mức độ", reference}, {"mức", reference}, {"cấp độ", reference}, {"phiên bản", reference},
      {"khóa", reference}, {"khoá", reference}, {"lần thứ", reference}, {"điều", reference},
      {"khoản", reference}, {"điểm", reference}, {"phụ lục", reference}, {"tuổi", reference},
  });
  return table;
}

}  // namespace dxkit::text

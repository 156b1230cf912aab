// Deadline phrases of assignment appendices ("Trước ngày 30/11/2024", "Quý III/2023", "Thường
// xuyên"). The grammar around them (a date, a month, a year) is in src/plan/deadline.cpp; the
// words are here, as a table of string literals: adding a phrase is one line plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<DeadlineWord>& deadline_words() {
  using enum DeadlineWord;
  static const Vocabulary<DeadlineWord> table("deadline phrase",
                                              {
                                                  {"thường xuyên", recurring},
                                                  {"hằng năm", recurring},
                                                  {"hàng năm", recurring},
                                                  {"liên tục", continuous},
                                                  {"trước khi", on_event},
                                                  {"sau khi", on_event},
                                                  {"khi", on_event},
                                                  {"theo", elsewhere},
                                                  {"từ ngày", window_from},
                                                  {"từ", window_from},
                                                  {"đến ngày", window_to},
                                                  {"đến", window_to},
                                                  {"-", window_to},
                                                  {"–", window_to},
                                                  {"trước ngày", before},
                                                  {"trước", before},
                                                  {"ngày", by},
                                                  {"đến ngày", by},
                                                  {"đến", by},
                                                  {"hạn", by},
                                                  {"hoàn thành", by},
                                                  {"trước tháng", before_month},
                                                  {"trước", before_month},
                                                  {"tháng", month},
                                                  {"năm", month_year},
                                                  {"cuối năm", year_end},
                                                  {"đến cuối năm", year_end},
                                                  {"trước 31/12", year_end_day},
                                                  {"trong năm", year},
                                                  {"năm", year},
                                                  {"cả năm", year},
                                                  {"quý", quarter},
                                                  {"giai đoạn", period},
                                                  {"năm", period},
                                                  {"-", period_to},
                                                  {"–", period_to},
                                                  {"đến", period_to},
                                                  {"6 tháng đầu năm", first_half},
                                                  {"sáu tháng đầu năm", first_half},
                                                  {"6 tháng cuối năm", second_half},
                                                  {"sáu tháng cuối năm", second_half},
                                                  {"lúc", clock_at},
                                                  {"vào lúc", clock_at},
                                                  {"giờ", hour},
                                                  {"h", hour},
                                                  {"phút", minute},
                                              });
  return table;
}

}  // namespace dxkit::text

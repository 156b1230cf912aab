// Header spellings of budget appendices (kinh phí = budget) and the row words that mark the
// grand total. A table of string literals in one file: adding a header is one line plus a test.
#include "dxkit/text/vocabularies.hpp"

namespace dxkit::text {

const Vocabulary<BudgetWord>& budget_headers() {
  using enum BudgetWord;
  static const Vocabulary<BudgetWord> table("budget header", {
      {"stt", stt}, {"tt", stt}, {"số tt", stt}, {"số thứ tự", stt}, {"no", stt}, {"no.", stt},
      {"tên nhiệm vụ", name}, {"tên dự án", name}, {"danh mục", name}, {"nội dung", name},
      {"tên", name}, {"nhiệm vụ", name}, {"dự án", name}, {"tên nhiệm vụ, dự án", name},
      {"name", name}, {"task", name}, {"project", name}, {"item", name},
      {"đơn vị thực hiện", agency}, {"đơn vị chủ trì", agency}, {"cơ quan chủ trì", agency},
      {"đơn vị", agency}, {"agency", agency},
      {"nguồn vốn", source}, {"nguồn kinh phí", source}, {"source", source},
      {"thời gian thực hiện", period}, {"thời gian", period}, {"period", period},
      {"ghi chú", note}, {"note", note}, {"tag", note},
      {"tổng mức đầu tư", total}, {"tổng cộng", total}, {"kinh phí bố trí", total},
      {"tổng", total}, {"tổng kinh phí", total}, {"kinh phí", total}, {"total", total},
      {"vốn đầu tư", investment}, {"vốn đầu tư công", investment},
      {"vốn đầu tư phát triển", investment}, {"investment", investment},
      {"vốn sự nghiệp", recurrent}, {"chi thường xuyên", recurrent},
      {"vốn chi thường xuyên", recurrent}, {"kinh phí sự nghiệp", recurrent},
      {"recurrent", recurrent},
      {"vốn xã hội hóa", socialized}, {"xã hội hóa", socialized}, {"vốn xã hội hoá", socialized},
      {"xã hội hoá", socialized}, {"socialized", socialized},
      {"nstw", central}, {"ngân sách trung ương", central}, {"central", central},
      {"nsđp", local}, {"nsdp", local}, {"ngân sách địa phương", local}, {"local", local},
      {"năm", year_prefix}, {"vốn năm", year_prefix}, {"vốn bố trí năm", year_prefix},
      {"kế hoạch năm", year_prefix}, {"kinh phí năm", year_prefix}, {"year", year_prefix},
      {"tổng cộng", grand_total}, {"tổng số", grand_total}, {"tổng", grand_total},
      {"total", grand_total}, {"grand total", grand_total},
  });
  return table;
}

}  // namespace dxkit::text

#pragma once
// Every vocabulary the documents use, each as one table in one source file of
// src/text/vocabularies/ (the file named after the function). The meanings are small enums of
// the text area, so the tables depend on nothing else; each area maps them to its own types.
// Adding a phrase is one line in that file plus a test (docs/vocabulary.md).
#include <string_view>

#include "dxkit/export.hpp"
#include "dxkit/text/vocabulary.hpp"

namespace dxkit::text {

/// Words of a target cell (target_words.cpp): comparators, filler, "từ", "trở lên", and the
/// words after which a number in a sentence is a reference ("Quyết định số 2545").
enum class TargetWord : unsigned char {
  at_least,      ///< ">=", "tối thiểu", "ít nhất", "không dưới"
  more_than,     ///< ">", "trên", "hơn"
  at_most,       ///< "<=", "tối đa", "không quá"
  less_than,     ///< "<", "dưới"
  filler,        ///< "đạt", "phấn đấu": says nothing about the comparison
  from,          ///< "từ X (đến Y | trở lên)"
  or_more,       ///< "X trở lên"
  or_less,       ///< "X trở xuống"
  range_joiner,  ///< "X - Y", "X đến Y"
  higher,        ///< direction: higher is better ("cao", "tăng")
  lower,         ///< direction: lower is better ("thấp", "giảm")
  reference,  ///< a number right after it is a reference, not a quantity ("số", "năm", "Đề án")
  subject,  ///< "đối với X đạt A%": the part of a multi-part target that X must meet
};
/// Target words; matched on tokens (comparators before a number, the prefix of a cell).
[[nodiscard]] DXKIT_API const Vocabulary<TargetWord>& target_words();

/// Words of a result cell (result_words.cpp).
enum class ResultWord : unsigned char {
  estimate,  ///< "ước đạt", "khoảng", "dự kiến": an estimated result
  done,      ///< "hoàn thành", "đã hoàn thành"
  not_done,  ///< "chưa hoàn thành", "không hoàn thành"
  no_data,   ///< "chưa có số liệu", "n/a"
  achieved,  ///< "đạt", "đã": a share in running text that is a result, not a target
};
/// Result words.
[[nodiscard]] DXKIT_API const Vocabulary<ResultWord>& result_words();

/// Verdict and status labels (verdicts.cpp): what a scored row or an assignment's status reads.
enum class Verdict : unsigned char {
  exceeded,   ///< "Vượt"
  met,        ///< "Đạt"
  completed,  ///< "Hoàn thành": met, in the bands scheme and for a task
  not_met,    ///< "Chưa đạt"
  no_data,    ///< "Chưa có số liệu"
  open,       ///< a task still open: "Chưa hoàn thành", "Đang thực hiện"
};
/// Verdict labels; the first phrase of a meaning is the label dxkit prints for it.
[[nodiscard]] DXKIT_API const Vocabulary<Verdict>& verdicts();

/// Column roles of an indicator table (indicator_headers.cpp).
enum class IndicatorColumn : unsigned char {
  code,
  name,
  pillar,
  target,
  actual,
  unit,
  direction,
  level
};
/// Header spellings of indicator tables (targets and results appendices).
[[nodiscard]] DXKIT_API const Vocabulary<IndicatorColumn>& indicator_headers();

/// Column roles and row words of a budget appendix (budget_headers.cpp).
enum class BudgetWord : unsigned char {
  stt,
  name,
  agency,
  source,
  period,
  note,  // text columns
  total,
  investment,
  recurrent,
  socialized,
  central,
  local,        // amount columns
  year_prefix,  ///< "Năm", "Vốn năm": a yearly allocation when a year follows ("Năm 2023")
  grand_total,  ///< a row label or STT that marks the grand total ("Tổng cộng")
};
/// Budget headers and row words.
[[nodiscard]] DXKIT_API const Vocabulary<BudgetWord>& budget_headers();

/// Column roles of an assignment appendix (assignment_headers.cpp).
enum class AssignmentColumn : unsigned char { number, task, lead, support, deadline, status };
/// Header spellings of assignment appendices.
[[nodiscard]] DXKIT_API const Vocabulary<AssignmentColumn>& assignment_headers();

/// Column roles and kind words of the progress tables (observation_headers.cpp):
/// observations, documents and mappings.
enum class ProgressWord : unsigned char {
  indicator,
  year,
  kind,
  value,
  source,
  name,  // observation columns
  number,
  province,
  date,  // document columns (with kind, year)
  target_kind,
  result_kind,
  baseline_kind,  // observation kinds
  plan_kind,
  resolution_kind,  // document kinds
};
/// Progress-table headers and kind words.
[[nodiscard]] DXKIT_API const Vocabulary<ProgressWord>& progress_words();

/// Words of a rank target or result ("trong top 30", "xếp thứ 30 trở lên", "hạng 48/63"),
/// in rank_words.cpp.
enum class RankWord : unsigned char {
  within,       ///< "trong", "nằm trong", "vào", "thuộc" before "top"
  top,          ///< "top", "nhóm"
  place_lead,   ///< "xếp", "đứng" before "thứ"
  place,        ///< "thứ", "hạng"
  place_tail,   ///< "trở lên", "trở về trước" after the place
  result_lead,  ///< "hạng", "thứ", "xếp thứ" before "48/63"
};
/// Rank words.
[[nodiscard]] DXKIT_API const Vocabulary<RankWord>& rank_words();

/// Deadline phrases (deadline_words.cpp).
enum class DeadlineWord : unsigned char {
  recurring,     ///< "thường xuyên", "hằng năm": a standing task (anywhere in the text)
  continuous,    ///< "liên tục": a standing task when it is the whole text
  on_event,      ///< "trước khi", "sau khi", "khi" at the start
  elsewhere,     ///< "theo ..." at the start: set by another body or document
  window_from,   ///< "từ ngày" before the first date of a window
  window_to,     ///< "đến ngày", "-" between the two dates of a window
  before,        ///< "trước ngày", "trước" before a day: due the day before
  by,            ///< "ngày", "hạn", "đến" before a day: due that day
  before_month,  ///< "trước tháng", "trước" before a month: due the day before it begins
  month,         ///< "tháng" before a month
  month_year,    ///< "năm" between a month or quarter and its year ("tháng 9 năm 2023")
  year_end,      ///< "cuối năm", "đến cuối năm" before a year
  year_end_day,  ///< "trước 31/12" before a year
  year,          ///< "năm", "trong năm", "cả năm" before a year
  quarter,       ///< "quý" before a quarter
  period,        ///< "giai đoạn", "năm" before a period of years
  period_to,     ///< "-", "đến" between the years of a period
  first_half,    ///< "6 tháng đầu năm" before a year: January to June
  second_half,   ///< "6 tháng cuối năm" before a year: July to December
  clock_at,      ///< "lúc", "vào lúc" before a time of day ("lúc 14:30")
  hour,          ///< "giờ", "h" after the hours of a time of day ("17 giờ 30")
  minute,        ///< "phút" after its minutes
};
/// Deadline phrases.
[[nodiscard]] DXKIT_API const Vocabulary<DeadlineWord>& deadline_words();

/// Words of a plan's running text read by the consistency checks (consistency_words.cpp).
enum class ConsistencyWord : unsigned char {
  share_verb,  ///< "đạt", "bằng", "chiếm", "tương đương" between a fraction and its share
  share_qualifier,        ///< "tỷ lệ", "khoảng" between the verb and the share
  tally_met,              ///< "hoàn thành: 10/16"
  tally_met_or_exceeded,  ///< "đạt và vượt 13/15"
  tally_above,            ///< "trên 50%: 04/16"
  tally_below,            ///< "dưới 50%: 02/16"
  tally_exceeded,         ///< "06 chỉ tiêu vượt"
  tally_met_only,         ///< "07 chỉ tiêu đạt" (not followed by "và")
  tally_and,              ///< "và": "chỉ tiêu đạt và ..." is not a met-only tally
};
/// Consistency words.
[[nodiscard]] DXKIT_API const Vocabulary<ConsistencyWord>& consistency_words();

/// Column roles of a DTI scoring sheet or points table (dti_headers.cpp).
enum class DtiColumn : unsigned char {
  unit,       ///< "uCode": the province or department
  unit_name,  ///< "uName"
  group,      ///< "Group"
  main,       ///< "Main": the main indicator
  sub,        ///< "Sub": the sub-indicator
  rule,       ///< "Rule": how the cell is scored
  max,        ///< "Max": the sub-indicator's maximum points
  self,       ///< "Self": self-assessed
  appraised,  ///< "Appraised": by the appraisal council
  evidence,   ///< "Evidence"
};
/// DTI sheet headers; compared as text::label_key (case and spacing do not matter).
[[nodiscard]] DXKIT_API const Vocabulary<DtiColumn>& dti_headers();

/// Agency aliases (agencies.cpp): each spelling mapped to one agency's short name
/// ("Sở TT&TT", "Sở Thông tin và Truyền thông" -> "Sở TTTT").
[[nodiscard]] DXKIT_API const Vocabulary<std::string_view>& agencies();

/// The agency a spelling names (its short name), or the spelling trimmed when no alias knows it.
[[nodiscard]] DXKIT_API std::string agency_of(std::string_view spelling);

}  // namespace dxkit::text

#pragma once
/// Assignment appendices: every task with its lead agency, supporting agencies and a deadline
/// in words (deadline.hpp), under the section headings of the appendix.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit {

/// One row of an assignment appendix.
struct DXKIT_API Assignment {
  std::string number;   ///< STT as printed ("3"), prefixed by its section ("II.3")
  std::string section;  ///< the section heading above it ("XÂY DỰNG CHÍNH QUYỀN SỐ")
  std::string task;     ///< the task or target
  std::vector<std::string> lead, support;  ///< agencies, split at ";" (and "," for support)
  Deadline deadline;
  std::string status;  ///< "done" or "" (from a Status column: Hoàn thành / Đã hoàn thành / done)
  std::size_t line = 0;
};

/// Reads an assignment table: STT, the task (Tên nhiệm vụ / Tên dự án/nhiệm vụ / Nội dung chỉ
/// tiêu / Task), the lead (Đơn vị chủ trì / Chủ trì / Lead), the supporting agencies (Đơn vị
/// phối hợp / Phối hợp / Support), the deadline (Thời điểm đánh giá / Thời gian thực hiện /
/// Deadline, optional: a table without one takes `default_deadline`) and optionally Status.
/// A row whose STT is a Roman numeral is a section heading. Errors name the file, line and
/// column: a missing task or lead column, a deadline not understood, an impossible date.
[[nodiscard]] DXKIT_API std::vector<Assignment> read_assignments(
    const csv::Table& table, std::string_view default_deadline = {});
[[nodiscard]] DXKIT_API std::vector<Assignment> read_assignments(
    const std::filesystem::path& path, std::string_view default_deadline = {});

}  // namespace dxkit

// Links the installed dxkit and scores one Đồng Tháp row: 99,21% against "đạt 80% trở lên".
#include <dxkit/dxkit.hpp>
#include <iostream>

int main() {
  const auto target =
      dxkit::parse_target("Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80% trở lên.");
  const auto result = dxkit::parse_result("99,21%");
  const auto e = dxkit::evaluate(target, result);
  const auto scheme = dxkit::Scheme::exceed();
  const auto& status = scheme.statuses()[scheme.classify(e)];
  std::cout << status.id << ' ' << status.label << '\n';
  // The newer parts link too: a deadline in words (Boost.Date_Time) and a DTI framework.
  const auto deadline = dxkit::parse_deadline("Quý III/2023");
  const auto dti = dxkit::dti::preset_framework("dti_922");
  std::cout << deadline.reading << ", " << dti.nodes.size() << " DTI nodes\n";
  return status.id == "exceeded" && deadline.due && dti.nodes.size() == 12 ? 0 : 1;
}

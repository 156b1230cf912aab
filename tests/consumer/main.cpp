// Links the installed dxkit and scores one Đồng Tháp row: 99,21% against "đạt 80% trở lên".
#include <dxkit/dxkit.hpp>
#include <iostream>

int main() {
  const auto target = dxkit::parse_target("Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80% trở lên.");
  const auto result = dxkit::parse_result("99,21%");
  const auto e = dxkit::evaluate(target, result);
  const auto scheme = dxkit::Scheme::exceed();
  const auto& status = scheme.statuses()[scheme.classify(e)];
  std::cout << status.id << ' ' << status.label << '\n';
  return status.id == "exceeded" ? 0 : 1;
}

// Links the installed dxkit (static or shared, found by CMake or pkg-config) and scores one
// Đồng Tháp row: 99,21% against "đạt 80% trở lên". With a shared libdxkit built with hidden
// visibility it also proves that what it calls is exported (DXKIT_API), including the typeinfo
// of the exceptions, which a consumer must be able to catch.
#include <dxkit/dxkit.hpp>
#include <iostream>
#include <string>

static_assert(DXKIT_VERSION_MAJOR >= 0 && DXKIT_VERSION_MINOR >= 0 && DXKIT_VERSION_PATCH >= 0);

int main() {
  // The header the consumer compiled against and the library it runs with agree.
  const std::string header_version = std::to_string(DXKIT_VERSION_MAJOR) + "." +
                                     std::to_string(DXKIT_VERSION_MINOR) + "." +
                                     std::to_string(DXKIT_VERSION_PATCH);
  const bool same_version = header_version == DXKIT_VERSION && header_version == dxkit::version();
  std::cout << "version " << dxkit::version() << '\n';

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
  // Exact money: 75.428 triệu đồng as the plans write it, printed in tỷ đồng.
  const auto money = dxkit::budget::parse_money("75.428");
  const auto in_billions = dxkit::budget::format_money(money, dxkit::budget::MoneyUnit::billion);
  std::cout << in_billions << " tỷ đồng\n";
  // An error thrown inside the library is caught here by its class.
  bool caught = false;
  try {
    (void)dxkit::budget::parse_money("7x");
  } catch (const dxkit::ParseError& error) {
    caught = !error.message().empty();
  }
  std::cout << (caught ? "ParseError caught" : "ParseError NOT caught") << '\n';
  return same_version && status.id == "exceeded" && deadline.due && dti.nodes.size() == 12 &&
                 in_billions == "75,428" && caught
             ? 0
             : 1;
}

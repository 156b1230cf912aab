#pragma once
namespace dxkit {
/// The library version, "MAJOR.MINOR.PATCH".
inline constexpr const char* version = "0.1.0";
}  // namespace dxkit

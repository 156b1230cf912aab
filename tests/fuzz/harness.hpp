#pragma once
// What every harness shares. A harness feeds its bytes to one reader and accepts only a
// dxkit::Error (or a subclass) as the answer to bad input: any other exception escapes, so
// libFuzzer reports it as a crash, and the replay test (tests/cpp/reliability) fails on it.
// The same source is compiled twice: with clang and libFuzzer (preset `fuzz`), and with the
// normal compiler into dxkit_tests, where LLVMFuzzerTestOneInput is renamed per harness.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dxkit/error.hpp"

namespace dxkit::fuzz {

/// The input as text (any bytes: invalid UTF-8 is part of what is fuzzed).
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `f`, swallowing the errors dxkit documents for bad input; returns 0 as libFuzzer asks.
template <class F>
int guarded(F&& f) {
  try {
    f();
  } catch (const dxkit::Error&) {
    // A located, documented error: the right answer to bad input.
  }
  return 0;
}

}  // namespace dxkit::fuzz

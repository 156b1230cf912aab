#pragma once
// EXPECT_THROW that also checks the message: what() must equal `message` exactly (tests check
// what a user reads, not only that something was thrown).
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "dxkit/error.hpp"

#define EXPECT_THROW_MSG(statement, exception_type, message)                               \
  do {                                                                                     \
    try {                                                                                  \
      statement;                                                                           \
      ADD_FAILURE() << "no " #exception_type " from: " #statement;                         \
    } catch (const exception_type& thrown_) {                                              \
      EXPECT_EQ(std::string(thrown_.what()), std::string(message)) << "from: " #statement; \
    } catch (const std::exception& other_) {                                               \
      ADD_FAILURE() << "another exception from: " #statement << ": " << other_.what();     \
    }                                                                                      \
  } while (false)

namespace dxkit_test {

// The message of the dxkit error `f` throws, or "no error" (for tests that look for a part of
// it: a place, a bound, a name).
inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const dxkit::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace dxkit_test

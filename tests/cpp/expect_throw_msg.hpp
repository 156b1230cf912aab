#pragma once
// EXPECT_THROW that also checks the message: what() must equal `message` exactly (tests check
// what a user reads, not only that something was thrown).
#include <gtest/gtest.h>

#include <string>

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

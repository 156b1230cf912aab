#include "dxkit/diagnostic.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Diagnostic, PrintsWhereSeverityCodeAndMessage) {
  dxkit::Diagnostic d{{"budget.csv", 7, 3, "Tổng"},
                      dxkit::Severity::error,
                      "subtotal",
                      "printed 10 but the rows add up to 12"};
  EXPECT_EQ(
      d.to_string(),
      "budget.csv:7:3 (column 'Tổng'): error [subtotal]: printed 10 but the rows add up to 12");
  dxkit::Diagnostic bare{{}, dxkit::Severity::note, "", "ran"};
  EXPECT_EQ(bare.to_string(), "note: ran");
  EXPECT_EQ(dxkit::to_string(dxkit::Severity::warning), "warning");
}

}  // namespace

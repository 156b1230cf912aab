#pragma once
// The duplicate-code warnings of every evaluation path (a parsed table, coded DataFrame
// columns, Arrow buffers): the first kMaxNamed repeats named one by one, the rest counted in
// one more warning, so millions of repeated rows cost a scan, not millions of messages. Each
// path finds its repeats its own way (hash table, codes); the words are written here once.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "dxkit/diagnostic.hpp"
#include "dxkit/error.hpp"

namespace dxkit::targets_detail {

class RepeatedCodes {
 public:
  static constexpr std::size_t kMaxNamed = 20;

  /// Counts one repeat; true while it is among the first kMaxNamed (name it with `named`).
  bool count() { return ++repeats_ <= kMaxNamed; }

  /// The warning for a repeat of `code` at `where`, first seen on line `seen_line`.
  static Diagnostic named(Location where, std::string_view code, std::size_t seen_line) {
    return Diagnostic{std::move(where), Severity::warning, "duplicate_code",
                      "indicator code '" + std::string(code) + "' repeats line " +
                          std::to_string(seen_line) + ": both rows are scored and counted"};
  }

  /// Adds the one warning that counts the repeats past the first kMaxNamed, if any.
  void finish(Location where, Diagnostics& out) const {
    if (repeats_ <= kMaxNamed) return;
    out.push_back(Diagnostic{std::move(where), Severity::warning, "duplicate_code",
                             std::to_string(repeats_ - kMaxNamed) +
                                 " more rows repeat an indicator code (the first " +
                                 std::to_string(kMaxNamed) + " are named above)"});
  }

 private:
  std::size_t repeats_ = 0;
};

}  // namespace dxkit::targets_detail

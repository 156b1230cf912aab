#pragma once
// The duplicate-code warnings of every evaluation path (a parsed table, coded DataFrame
// columns, Arrow buffers): the first kMaxNamed repeats named one by one, the rest counted in
// one more warning, so millions of repeated rows cost a scan, not millions of messages. The
// repeats are found by one hash table (find_repeats) and worded here once.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/cancel.hpp"
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

/// Calls found(i, first) for every row i whose code (code_at(i), a string_view; empty ones are
/// skipped) was already the code of row `first`. The codes' hashes are taken first (a
/// sequential pass), then an open-addressed table of 8-byte slots (32-bit row, 32 bits of the
/// hash) is filled with the slot of a row a few rows ahead already fetched, so a million codes
/// cost overlapped cache misses, not serial ones, and no allocation per code; the strings are
/// compared only when the 32 bits agree. Ctrl-C (check_cancelled) is polled every 65 536 rows.
template <class CodeAt, class Found>
void find_repeats(std::size_t n, const CodeAt& code_at, const Found& found) {
  constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;
  constexpr std::size_t kAhead = 8;
  std::size_t capacity = 16;
  while (capacity < 2 * n) capacity <<= 1;
  const std::size_t mask = capacity - 1;
  struct Slot {
    std::uint32_t row;
    std::uint32_t tag;
  };
  std::vector<std::uint64_t> hashes(n);
  for (std::size_t i = 0; i < n; ++i) hashes[i] = std::hash<std::string_view>{}(code_at(i));
  std::vector<Slot> slots(capacity, Slot{kEmpty, 0});
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 65536 == 65535) check_cancelled();
    if (i + kAhead < n) __builtin_prefetch(&slots[hashes[i + kAhead] & mask]);
    const std::string_view code = code_at(i);
    if (code.empty()) continue;
    const std::uint64_t hash = hashes[i];
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    std::size_t pos = hash & mask;
    while (slots[pos].row != kEmpty && (slots[pos].tag != tag || code_at(slots[pos].row) != code))
      pos = (pos + 1) & mask;
    if (slots[pos].row == kEmpty) {
      slots[pos] = Slot{static_cast<std::uint32_t>(i), tag};
      continue;
    }
    found(i, static_cast<std::size_t>(slots[pos].row));
  }
}

}  // namespace dxkit::targets_detail

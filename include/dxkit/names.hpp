#pragma once
/// One name table per enumerated choice (normalisations, aggregations, schemes, output kinds,
/// frameworks, ...). The table is the single place a choice's spelling and one-line meaning
/// live: parsing, printing, the command-line help, the Python docstrings and the docs tables
/// all come from it (or are tested against it), so they cannot drift.
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "dxkit/error.hpp"

namespace dxkit {

/// One choice: its value, the name users type, and what it means (one line, English; the
/// Vietnamese word beside it where the documents have one).
template <class E>
struct Named {
  E value;
  std::string_view name;
  std::string_view meaning;
};

/// A fixed table of the choices of `E`, in the order they are documented.
template <class E, std::size_t N>
struct NameTable {
  std::string_view what;  ///< "normalisation", "scheme", ... (used in messages and help)
  std::array<Named<E>, N> entries;

  /// The value named `name` (exact spelling). Throws ValidationError "unknown <what> 'x';
  /// accepted: a, b, c".
  [[nodiscard]] E parse(std::string_view name) const {
    for (const auto& e : entries)
      if (e.name == name) return e.value;
    throw ValidationError("unknown " + std::string(what) + " '" + std::string(name) +
                          "'; accepted: " + joined());
  }

  /// The name of `value` ("?" for a value outside the table, which is a programming error).
  [[nodiscard]] std::string_view name(E value) const noexcept {
    for (const auto& e : entries)
      if (e.value == value) return e.name;
    return "?";
  }

  /// True when `name` is one of the table's names.
  [[nodiscard]] bool contains(std::string_view name) const noexcept {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const auto& e) { return e.name == name; });
  }

  /// "a, b, c": the names in table order, as used in help texts and messages.
  [[nodiscard]] std::string joined(std::string_view separator = ", ") const {
    std::string out;
    for (const auto& e : entries) {
      if (!out.empty()) out += separator;
      out += e.name;
    }
    return out;
  }
};

/// Deduction guide: `NameTable table{"what", std::array{Named<E>{...}, ...}}`.
template <class E, std::size_t N>
NameTable(std::string_view, std::array<Named<E>, N>) -> NameTable<E, N>;

}  // namespace dxkit

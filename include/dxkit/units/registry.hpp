#pragma once
/// Administrative units with time: provinces, agencies or communes, each valid for a period,
/// linked to their successors from a date with a share (1 for a whole unit; a commune split
/// between two new ones has two shares that sum to 1). Names are looked up after folding case,
/// diacritics and prefixes ("TP. Hồ Chí Minh", "tinh thai binh"), and at a date, since a name
/// can mean two units ("Hưng Yên" before and after 1 July 2025).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/date.hpp"
#include "dxkit/error.hpp"
#include "dxkit/export.hpp"
#include "dxkit/text/csv.hpp"

namespace dxkit::units {

/// One unit and its period of validity (both ends included; nullopt = open).
struct DXKIT_API Unit {
  std::string code;           ///< GSO code for provinces, a short name for agencies
  std::string name;           ///< official name without "Tỉnh"/"Thành phố"
  std::string kind;           ///< "tỉnh", "thành phố", "sở", "ủy ban", "user", ...
  std::optional<Date> from;   ///< first day valid; nullopt = before the registry
  std::optional<Date> until;  ///< last day valid; nullopt = still valid
  std::vector<std::string> spellings;  ///< other names documents use ("Sở TTTT", "TP.HCM")
  std::string source;                  ///< the legal act that created or kept it

  /// True when the unit exists on `day`.
  [[nodiscard]] bool valid_at(const Date& day) const noexcept;
  /// True when the unit exists on some day of [first, last].
  [[nodiscard]] bool valid_during(const Date& first, const Date& last) const noexcept;
  /// "name (code, until 2025-06-30)", "name (code, from 2025-07-01)" or "name (code)".
  [[nodiscard]] std::string label() const;
};

/// `old_unit` continued in `new_unit` from `from` with `share` of it (0 < share <= 1).
struct DXKIT_API Succession {
  std::size_t old_unit = 0;
  std::size_t new_unit = 0;
  Date from{2025, 7, 1};
  double share = 1.0;
  std::string source;  ///< the legal act, or the user's file
  std::string note;    ///< what else moved (functions handed to a third agency, ...)
  Location where;      ///< the row of the table that declared it
};

/// A unit valid at a date that (a share of) another unit became.
struct DXKIT_API Destination {
  std::size_t unit = 0;
  double share = 1.0;
};

/// The fold used for names: NFC, lower case, no diacritics (đ -> d), punctuation as spaces,
/// one space between words, and a leading "tỉnh", "thành phố" or "tp" left out. Throws
/// EncodingError on bad UTF-8.
[[nodiscard]] DXKIT_API std::string name_key(std::string_view name);

/// Levenshtein distance between two strings, in bytes (keys are ASCII after name_key).
[[nodiscard]] DXKIT_API std::size_t edit_distance(std::string_view a, std::string_view b);

/// A set of units and their successions.
class DXKIT_API Registry {
 public:
  /// `what` names a unit in messages ("province", "agency").
  explicit Registry(std::string what) : what_(std::move(what)) {}

  [[nodiscard]] const std::string& what() const noexcept { return what_; }
  [[nodiscard]] const std::vector<Unit>& units() const noexcept { return units_; }
  [[nodiscard]] const Unit& unit(std::size_t i) const { return units_.at(i); }
  [[nodiscard]] const std::vector<Succession>& successions() const noexcept { return links_; }

  /// Adds a unit; throws ValidationError when its period is reversed or another unit of the
  /// same name overlaps it in time (the name would then mean two units at once).
  std::size_t add(Unit unit, const Location& where = {});

  /// Declares that `s.old_unit` continues in `s.new_unit` from `s.from`. Throws
  /// ValidationError (at s.where) for a share outside (0, 1], an old unit that is not valid on
  /// the day before, or a new unit that is not valid on the day itself.
  void succeed(Succession s);

  /// Throws ValidationError at the first row of the old unit when the shares of one old unit
  /// on one date do not sum to 1 (within 1e-9), with the shares it found.
  void check_shares() const;

  /// The unit named `name` (or with that code) valid at `as_of`, or the only unit of that name
  /// when `as_of` is nullopt. Throws ValidationError at `where`: unknown names list the close
  /// matches (edit distance); a name of several units lists them with their periods; a unit
  /// not valid at `as_of` says when it was and what it became.
  [[nodiscard]] std::size_t resolve(std::string_view name, std::optional<Date> as_of = std::nullopt,
                                    const Location& where = {}) const;
  /// The unit named `name` valid on some day of [first, last] (an observation's year).
  /// Throws ValidationError as resolve() does, and when two such units share the name.
  [[nodiscard]] std::size_t resolve_during(std::string_view name, const Date& first,
                                           const Date& last, const Location& where = {}) const;

  /// The unit named `name` (or with that code) valid on `day`, or nullopt when none is (an
  /// unknown name, or a unit that ended or had not begun). Never throws for a valid name.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name, const Date& day) const;
  /// The names of the units within a few edits of `name` ("Sở Khoa học và Công nghệ, ..."),
  /// "" when none: what an unknown name was likely meant to be.
  [[nodiscard]] std::string suggestions(std::string_view name) const;

  /// Units valid at `day`, in registry order.
  [[nodiscard]] std::vector<std::size_t> valid_at(const Date& day) const;
  /// The successions out of unit `i` (what it became), and into it (what it was formed from).
  [[nodiscard]] std::vector<Succession> successors(std::size_t i) const;
  [[nodiscard]] std::vector<Succession> predecessors(std::size_t i) const;
  /// The units valid at `as_of` that unit `i` (or shares of it) became, following successions
  /// dated on or before `as_of` through every step; shares multiply. Empty when the unit ended
  /// without a successor, or starts after `as_of`.
  [[nodiscard]] std::vector<Destination> destinations(std::size_t i, const Date& as_of) const;

  /// Adds the rows of a mapping table with columns old, new, from (YYYY-MM-DD) and optionally
  /// share (default 1), note. Names are resolved at the day before `from` (old) and at `from`
  /// (new); a name the registry lacks becomes a unit of kind "user", unless it is within edit
  /// distance 2 of a shipped name (a likely typo: located error listing the close matches).
  /// An old unit without an end ends the day before `from`. Then check_shares().
  void load(const csv::Table& table);

 private:
  [[nodiscard]] std::vector<std::size_t> named(std::string_view key) const;
  [[nodiscard]] std::string close_matches(std::string_view key) const;
  std::string what_;
  std::vector<Unit> units_;
  std::vector<std::string> keys_;  // name_key of each unit's name
  std::vector<Succession> links_;
};

/// The 63 provinces before and the 34 after 1 July 2025, with the 23 mergers of National
/// Assembly Resolution 202/2025/QH15 (shipped data: src/units/data/provinces.cpp).
[[nodiscard]] DXKIT_API const Registry& provinces();
/// The 2025 department mergers (Decree 45/2025/NĐ-CP) and the end of the district level
/// (shipped data: src/units/data/agencies.cpp).
[[nodiscard]] DXKIT_API const Registry& agencies();

}  // namespace dxkit::units

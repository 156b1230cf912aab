// The registry's lookups. Names are compared as name_key(): documents write the same province
// as "Tỉnh Thái Bình", "THÁI BÌNH" and "Thai Binh", so diacritics, case and the unit's prefix
// are left out; a name that still means two units is told apart by the date.
#include "dxkit/units/registry.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include "dxkit/plan/assignment.hpp"
#include "dxkit/plan/calendar.hpp"
#include "dxkit/plan/deadline.hpp"
#include "dxkit/plan/due.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/unaccented.hpp"
#include "dxkit/text/unicode.hpp"

namespace dxkit::units {

std::string name_key(std::string_view name) {
  // The folding is text's (shared with other name look-ups); the unit's prefix is this one's.
  std::string out = text::unaccented_key(name);
  for (const std::string_view prefix : {"thanh pho ", "tinh ", "tp "})
    if (out.size() > prefix.size() && out.compare(0, prefix.size(), prefix) == 0)
      return out.substr(prefix.size());
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool Unit::valid_at(const Date& day) const noexcept {
  return (!from || *from <= day) && (!until || day <= *until);
}

bool Unit::valid_during(const Date& first, const Date& last) const noexcept {
  return (!from || *from <= last) && (!until || first <= *until);
}

std::string Unit::label() const {
  std::string out = name + " (" + code;
  if (from) out += ", from " + from->iso();
  if (until) out += ", until " + until->iso();
  return out + ")";
}

std::size_t Registry::add(Unit unit, const Location& where) {
  if (unit.from && unit.until && *unit.until < *unit.from)
    throw ValidationError(what_ + " '" + unit.name + "' ends (" + unit.until->iso() +
                              ") before it starts (" + unit.from->iso() + ")",
                          where);
  const std::string key = name_key(unit.name);
  for (std::size_t i : named(key)) {
    const Unit& other = units_[i];
    const bool apart = (unit.until && other.from && *unit.until < *other.from) ||
                       (other.until && unit.from && *other.until < *unit.from);
    if (!apart)
      throw ValidationError(what_ + " '" + unit.name + "' is already in the registry as " +
                                other.label() + " for an overlapping period",
                            where);
  }
  units_.push_back(std::move(unit));
  keys_.push_back(key);
  return units_.size() - 1;
}

void Registry::succeed(Succession s) {
  const Unit& old_unit = units_.at(s.old_unit);
  const Unit& new_unit = units_.at(s.new_unit);
  if (!(s.share > 0 && s.share <= 1))
    throw ValidationError("share of '" + old_unit.name + "' in '" + new_unit.name +
                              "' must be above 0 and at most 1, not " + std::to_string(s.share),
                          s.where);
  if (!old_unit.valid_at(s.from.plus_days(-1)))
    throw ValidationError(old_unit.label() + " does not exist on " + s.from.plus_days(-1).iso() +
                              ", the day before it becomes '" + new_unit.name + "'",
                          s.where);
  if (!new_unit.valid_at(s.from))
    throw ValidationError(new_unit.label() + " does not exist on " + s.from.iso() + ", when '" +
                              old_unit.name + "' becomes it",
                          s.where);
  links_.push_back(std::move(s));
}

void Registry::check_shares() const {
  std::map<std::pair<std::size_t, std::string>, std::vector<const Succession*>> groups;
  for (const Succession& s : links_) groups[{s.old_unit, s.from.iso()}].push_back(&s);
  for (const auto& [key, list] : groups) {
    double total = 0;
    std::string parts;
    for (const Succession* s : list) {
      total += s->share;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", s->share);
      parts += (parts.empty() ? "" : " + ") + std::string(buf) + " to " + units_[s->new_unit].name;
    }
    if (std::fabs(total - 1.0) > 1e-9) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", total);
      throw ValidationError("shares of '" + units_[key.first].name + "' from " + key.second +
                                " sum to " + buf + ", not 1: " + parts,
                            list.front()->where);
    }
  }
}

std::vector<std::size_t> Registry::named(std::string_view key) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    bool hit = keys_[i] == key || units_[i].code == key;
    for (const std::string& s : units_[i].spellings) hit = hit || name_key(s) == key;
    if (hit) out.push_back(i);
  }
  return out;
}

std::string Registry::close_matches(std::string_view key) const {
  std::vector<std::pair<std::size_t, std::string>> near;
  std::set<std::string> seen;
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 4);
  for (std::size_t i = 0; i < units_.size(); ++i) {
    std::size_t best = edit_distance(key, keys_[i]);
    for (const std::string& s : units_[i].spellings)
      best = std::min(best, edit_distance(key, name_key(s)));
    if (best <= limit && seen.insert(units_[i].name).second)
      near.emplace_back(best, units_[i].name);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (std::size_t k = 0; k < near.size() && k < 5; ++k)
    out += (out.empty() ? "" : ", ") + near[k].second;
  return out;
}

std::optional<std::size_t> Registry::find(std::string_view name, const Date& day) const {
  for (std::size_t i : named(name_key(name)))
    if (units_[i].valid_at(day)) return i;
  return std::nullopt;
}

std::string Registry::suggestions(std::string_view name) const {
  return close_matches(name_key(name));
}

std::size_t Registry::resolve(std::string_view name, std::optional<Date> as_of,
                              const Location& where) const {
  if (as_of) return resolve_during(name, *as_of, *as_of, where);
  const std::string key = name_key(name);
  const auto hits = named(key);
  if (hits.size() == 1) return hits.front();
  if (hits.empty()) {
    const std::string near = close_matches(key);
    throw ValidationError("unknown " + what_ + " '" + std::string(name) + "'" +
                              (near.empty() ? "; no close match" : "; close matches: " + near),
                          where);
  }
  std::string list;
  for (std::size_t i : hits) list += (list.empty() ? "" : "; ") + units_[i].label();
  throw ValidationError(
      "ambiguous " + what_ + " '" + std::string(name) + "': " + list + "; give a date", where);
}

std::size_t Registry::resolve_during(std::string_view name, const Date& first, const Date& last,
                                     const Location& where) const {
  const std::string key = name_key(name);
  const auto hits = named(key);
  std::vector<std::size_t> valid;
  for (std::size_t i : hits)
    if (units_[i].valid_during(first, last)) valid.push_back(i);
  if (valid.size() == 1) return valid.front();
  const std::string when =
      first == last ? "on " + first.iso() : "in " + first.iso() + ".." + last.iso();
  if (hits.empty()) return resolve(name, std::nullopt, where);  // throws with close matches
  if (valid.empty()) {
    std::string list;
    for (std::size_t i : hits) {
      std::string became;
      if (units_[i].until)
        for (const Destination& d : destinations(i, last))
          became += (became.empty() ? "" : ", ") + units_[d.unit].name;
      list += (list.empty() ? "" : "; ") + units_[i].label() +
              (became.empty() ? "" : ", now part of " + became);
    }
    throw ValidationError(
        what_ + " '" + std::string(name) + "' does not exist " + when + ": " + list, where);
  }
  std::string list;
  for (std::size_t i : valid) list += (list.empty() ? "" : "; ") + units_[i].label();
  throw ValidationError(
      "ambiguous " + what_ + " '" + std::string(name) + "' " + when + ": " + list + "; give a date",
      where);
}

std::vector<std::size_t> Registry::valid_at(const Date& day) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < units_.size(); ++i)
    if (units_[i].valid_at(day)) out.push_back(i);
  return out;
}

std::vector<Succession> Registry::successors(std::size_t i) const {
  std::vector<Succession> out;
  for (const Succession& s : links_)
    if (s.old_unit == i) out.push_back(s);
  return out;
}

std::vector<Succession> Registry::predecessors(std::size_t i) const {
  std::vector<Succession> out;
  for (const Succession& s : links_)
    if (s.new_unit == i) out.push_back(s);
  return out;
}

std::vector<Destination> Registry::destinations(std::size_t i, const Date& as_of) const {
  std::vector<Destination> out;
  const Unit& u = units_.at(i);
  if (u.valid_at(as_of)) return {{i, 1.0}};
  if (u.from && as_of < *u.from) return out;
  for (const Succession& s : links_) {
    if (s.old_unit != i || as_of < s.from) continue;
    for (Destination d : destinations(s.new_unit, as_of)) {
      d.share *= s.share;
      auto same = std::find_if(out.begin(), out.end(), [&](auto& x) { return x.unit == d.unit; });
      if (same == out.end())
        out.push_back(d);
      else
        same->share += d.share;
    }
  }
  return out;
}

void Registry::load(const csv::Table& t) {
  const std::size_t c_old = t.require({"old", "cũ"}, "old");
  const std::size_t c_new = t.require({"new", "mới"}, "new");
  const std::size_t c_from = t.require({"from", "từ ngày"}, "from");
  const auto c_share = t.find({"share", "tỷ lệ"});
  const auto c_note = t.find({"note", "ghi chú"});
  const auto c_source = t.find({"source", "căn cứ"});
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Date from{1, 1, 1};
    try {
      from = parse_iso_date(t.columns[c_from][r]);
    } catch (const ParseError& e) {
      throw e.at(t.where(r, c_from));
    }
    const auto find_or_add = [&](std::size_t c, const Date& day, bool old) {
      const std::string& name = t.columns[c][r];
      const std::string key = name_key(name);
      if (key.empty()) throw ValidationError("empty " + what_ + " name", t.where(r, c));
      if (!named(key).empty()) return resolve(name, day, t.where(r, c));
      const std::string near = close_matches(key);
      bool typo = false;
      for (const Unit& u : units_)  // a user's own units are not what it misspelt
        typo = typo || (u.kind != "user" && edit_distance(key, name_key(u.name)) <= 2);
      if (typo)
        throw ValidationError("unknown " + what_ + " '" + name + "'; close matches: " + near,
                              t.where(r, c));
      Unit u{name, name, "user", std::nullopt, std::nullopt, {}, t.source};
      if (old)
        u.until = from.plus_days(-1);
      else
        u.from = from;
      return add(std::move(u), t.where(r, c));
    };
    const std::size_t o = find_or_add(c_old, from.plus_days(-1), true);
    const std::size_t n = find_or_add(c_new, from, false);
    if (!units_[o].until) units_[o].until = from.plus_days(-1);
    Succession s{o,
                 n,
                 from,
                 1.0,
                 c_source ? t.columns[*c_source][r] : t.source,
                 c_note ? t.columns[*c_note][r] : "",
                 t.where(r, c_old)};
    if (c_share && !t.columns[*c_share][r].empty()) {
      const std::string& cell = t.columns[*c_share][r];
      // A share lies in (0, 1]: "0,5" and "0.5" can only mean one half, so either decimal
      // mark is read whatever the number style (a share never groups thousands).
      std::string written = cell;
      if (std::count(written.begin(), written.end(), ',') +
              std::count(written.begin(), written.end(), '.') ==
          1)
        std::replace(written.begin(), written.end(), ',', '.');
      try {
        s.share = parse_number(written, NumberFormat::plain);
      } catch (const ParseError&) {
        throw ParseError("a share is a number between 0 and 1 (0,5 or 0.5)", cell,
                         t.where(r, *c_share));
      }
      s.where = t.where(r, *c_share);
    }
    succeed(std::move(s));
  }
  check_shares();
}

}  // namespace dxkit::units

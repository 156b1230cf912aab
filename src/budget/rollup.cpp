#include "dxkit/budget/rollup.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <thread>
#include <unordered_map>

#include "../parallel.hpp"
#include "dxkit/budget/table.hpp"
#include "dxkit/error.hpp"

namespace dxkit::budget {

Dimension parse_dimension(std::string_view name) { return dimensions.parse(name); }

std::string_view to_string(Dimension d) noexcept { return dimensions.name(d); }

std::optional<Money> Budget::value(const Row& row) const {
  // A table with yearly allocations (Năm 2022, Vốn năm 2023) spends those; its "Tổng mức đầu
  // tư" is then the size of the whole multi-year project. Otherwise the total, else the sum
  // of the kinds of capital (investment, recurrent, socialised), else the sum of the budget
  // levels (central, local): the same money cut two ways, never added together.
  std::optional<Money> total, sources, levels, years;
  bool has_year_columns = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const AmountRole role = columns[c].role;
    has_year_columns = has_year_columns || role == AmountRole::year;
    if (!row.amounts[c]) continue;
    if (role == AmountRole::total && !total) total = row.amounts[c];
    if (role == AmountRole::investment || role == AmountRole::recurrent ||
        role == AmountRole::socialized)
      sources = add(sources.value_or(Money{}), *row.amounts[c]);
    if (role == AmountRole::central || role == AmountRole::local)
      levels = add(levels.value_or(Money{}), *row.amounts[c]);
    if (role == AmountRole::year) years = add(years.value_or(Money{}), *row.amounts[c]);
  }
  if (has_year_columns) return years;
  return total ? total : sources ? sources : levels;
}

Money Budget::total() const {
  Money sum;
  for (const Row& r : rows)
    if (r.kind == RowKind::item)
      if (auto v = value(r)) sum = add(sum, *v);
  return sum;
}

Money Budget::column_total(std::size_t column) const {
  Money sum;
  for (const Row& r : rows)
    if (r.kind == RowKind::item && r.amounts.at(column)) sum = add(sum, *r.amounts[column]);
  return sum;
}

std::optional<Money> Budget::reported_total(std::size_t column) const {
  for (const Row& r : rows)
    if (r.kind == RowKind::grand_total) return r.amounts.at(column);
  return std::nullopt;
}

namespace {

std::string period_text(const Row& r) {
  if (!r.period) return "";
  const int first = r.period->begin().year();
  const int last = r.period->last().year();
  return first == last ? std::to_string(first)
                       : std::to_string(first) + " - " + std::to_string(last);
}

// The (source, year, amount) pieces of one item.
struct Piece {
  std::string source, year;
  Money amount;
};

std::vector<Piece> pieces(const Budget& b, const Row& r, bool by_source) {
  std::vector<Piece> out;
  // A table with yearly allocations spends those (Budget::value): each is a piece of its year,
  // under the row's source label (the source columns split the multi-year project, not a
  // year's allocation), and a row without any has no amount, whatever the dimensions.
  bool has_years = false;
  for (std::size_t c = 0; c < b.columns.size(); ++c) {
    if (b.columns[c].role != AmountRole::year) continue;
    has_years = true;
    if (r.amounts[c]) out.push_back({r.source, std::to_string(b.columns[c].year), *r.amounts[c]});
  }
  if (has_years) return out;
  const std::string plan_year = b.plan_year ? std::to_string(*b.plan_year) : "";
  if (by_source) {
    // The kinds of capital (investment, recurrent, socialised) where the row has them, else the
    // budget levels (central, local): the same money cut two ways, so one cut only, never both.
    auto split = [&](std::initializer_list<AmountRole> roles) {
      for (std::size_t c = 0; c < b.columns.size(); ++c)
        if (r.amounts[c] && std::find(roles.begin(), roles.end(), b.columns[c].role) != roles.end())
          out.push_back({b.columns[c].header, plan_year, *r.amounts[c]});
      return !out.empty();
    };
    if (split({AmountRole::investment, AmountRole::recurrent, AmountRole::socialized}) ||
        split({AmountRole::central, AmountRole::local}))
      return out;
  }
  if (auto v = b.value(r)) out.push_back({r.source, plan_year, *v});
  return out;
}

}  // namespace

std::vector<RollupRow> Budget::rollup(const std::vector<Dimension>& by) const {
  const bool by_source = std::find(by.begin(), by.end(), Dimension::source) != by.end();
  std::vector<RollupRow> out;
  std::map<std::vector<std::string>, std::size_t> index;
  for (const Row& r : rows) {
    if (r.kind != RowKind::item) continue;
    for (const Piece& p : pieces(*this, r, by_source)) {
      std::vector<std::string> keys;
      for (Dimension d : by) {
        switch (d) {
          case Dimension::section:
            keys.push_back(r.section);
            break;
          case Dimension::group:
            keys.push_back(r.group);
            break;
          case Dimension::agency:
            keys.push_back(r.agency);
            break;
          case Dimension::source:
            keys.push_back(p.source);
            break;
          case Dimension::year:
            keys.push_back(p.year);
            break;
          case Dimension::tag:
            keys.push_back(r.note);
            break;
          case Dimension::period:
            keys.push_back(period_text(r));
            break;
        }
      }
      auto [it, fresh] = index.try_emplace(keys, out.size());
      if (fresh) out.push_back({std::move(keys), Money{}, 0});
      out[it->second].amount = add(out[it->second].amount, p.amount);
    }
  }
  Money all;
  for (const RollupRow& r : out) all = add(all, r.amount);
  for (RollupRow& r : out)
    r.share =
        all.dong == 0 ? 0 : static_cast<double>(r.amount.dong) / static_cast<double>(all.dong);
  return out;
}

std::vector<ComparisonRow> Budget::compare(const Budget& other,
                                           const std::vector<Dimension>& by) const {
  std::vector<ComparisonRow> out;
  std::map<std::vector<std::string>, std::size_t> index;
  auto put = [&](const std::vector<RollupRow>& rows, bool after) {
    for (const RollupRow& r : rows) {
      auto [it, fresh] = index.try_emplace(r.keys, out.size());
      if (fresh) out.push_back({r.keys, Money{}, Money{}, Money{}, std::nullopt});
      (after ? out[it->second].after : out[it->second].before) = r.amount;
    }
  };
  put(rollup(by), false);
  put(other.rollup(by), true);
  for (ComparisonRow& r : out) {
    r.change = subtract(r.after, r.before);
    if (r.before.dong != 0)
      r.change_percent =
          100.0 * static_cast<double>(r.change.dong) / static_cast<double>(r.before.dong);
  }
  return out;
}

std::vector<std::int64_t> sum_by_codes(const std::vector<std::span<const std::int32_t>>& keys,
                                       const std::vector<std::size_t>& cardinalities,
                                       std::span<const std::int64_t> amounts,
                                       std::vector<std::int64_t>* counts) {
  std::vector<CodeColumn> columns;
  for (const auto& k : keys) columns.push_back({k.data(), 4, k.size()});
  return sum_by_codes(columns, cardinalities, amounts, counts);
}

namespace {
// cell[j] = cell[j] * card + code of row from + j, for a block; false when a code is out of
// [0, card) (the caller then looks for the first such row).
template <class Code>
bool add_key(const void* data, std::size_t from, std::size_t count, std::uint32_t card,
             std::uint32_t* cell) {
  const Code* code = static_cast<const Code*>(data) + from;
  bool bad = false;
  for (std::size_t j = 0; j < count; ++j) {
    const auto c = static_cast<std::int64_t>(code[j]);
    bad = bad | (c < 0) | (c >= static_cast<std::int64_t>(card));
    cell[j] = cell[j] * card + static_cast<std::uint32_t>(c);
  }
  return !bad;
}

std::int64_t code_at(const CodeColumn& k, std::size_t i) {
  switch (k.width) {
    case 1:
      return static_cast<const std::int8_t*>(k.data)[i];
    case 2:
      return static_cast<const std::int16_t*>(k.data)[i];
    case 4:
      return static_cast<const std::int32_t*>(k.data)[i];
    default:
      return static_cast<const std::int64_t*>(k.data)[i];
  }
}

// add_key for a code column of any width.
bool add_code_key(const CodeColumn& k, std::size_t from, std::size_t count, std::uint32_t card,
                  std::uint32_t* cell) {
  switch (k.width) {
    case 1:
      return add_key<std::int8_t>(k.data, from, count, card, cell);
    case 2:
      return add_key<std::int16_t>(k.data, from, count, card, cell);
    case 4:
      return add_key<std::int32_t>(k.data, from, count, card, cell);
    default:
      return add_key<std::int64_t>(k.data, from, count, card, cell);
  }
}

// The error for the first code out of range in rows [from, from + count), in row order and then
// key order (value keys, cardinality 0, have none); called when add_code_key found one.
[[noreturn]] void refuse_first_bad_code(const std::vector<CodeColumn>& keys,
                                        const std::vector<std::size_t>& cardinalities,
                                        std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i)
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (cardinalities[k] == 0) continue;
      const std::int64_t c = code_at(keys[k], i);
      if (c < 0 || c >= static_cast<std::int64_t>(cardinalities[k]))
        throw ValidationError("sum_by_codes: row " + std::to_string(i + 1) + ": key " +
                              std::to_string(k + 1) + " has no value (code " + std::to_string(c) +
                              ")");
    }
  throw ValidationError("sum_by_codes: a code out of range");  // not reached
}
}  // namespace

std::vector<std::int64_t> sum_by_codes(const std::vector<CodeColumn>& keys,
                                       const std::vector<std::size_t>& cardinalities,
                                       std::span<const std::int64_t> amounts,
                                       std::vector<std::int64_t>* counts) {
  if (keys.size() != cardinalities.size())
    throw ValidationError("sum_by_codes: one cardinality per key column");
  std::size_t cells = 1;
  for (std::size_t k = 0; k < cardinalities.size(); ++k) {
    const std::size_t c = cardinalities[k];
    if (c == 0)
      throw ValidationError("sum_by_codes: key " + std::to_string(k + 1) +
                            " has no categories (cardinality 0): no row can be grouped by it");
    if (cells > (std::size_t{1} << 28) / c)
      throw ValidationError("sum_by_codes: too many groups for a dense table");
    cells *= c;
  }
  const std::size_t n = amounts.size();
  for (const auto& k : keys) {
    if (k.size != n) throw ValidationError("sum_by_codes: key and amount columns differ in length");
    if (k.width != 1 && k.width != 2 && k.width != 4 && k.width != 8)
      throw ValidationError("sum_by_codes: codes must be 1, 2, 4 or 8 bytes wide");
  }
  std::vector<std::int64_t> sums(cells, 0);
  std::vector<std::int64_t> count(counts ? cells : 0, 0);
  bool overflow = false;
  constexpr std::size_t kBlock = 2048;
  std::array<std::uint32_t, kBlock> cell{};
  for (std::size_t from = 0; from < n; from += kBlock) {
    const std::size_t m = std::min(kBlock, n - from);
    std::fill_n(cell.begin(), m, 0u);
    bool good = true;
    for (std::size_t k = 0; k < keys.size(); ++k)
      good = add_code_key(keys[k], from, m, static_cast<std::uint32_t>(cardinalities[k]),
                          cell.data()) &&
             good;
    if (!good) refuse_first_bad_code(keys, cardinalities, from, m);
    const std::int64_t* a = amounts.data() + from;
    for (std::size_t j = 0; j < m; ++j)
      overflow |= __builtin_add_overflow(sums[cell[j]], a[j], &sums[cell[j]]);
    if (counts)
      for (std::size_t j = 0; j < m; ++j) ++count[cell[j]];
  }
  if (overflow) throw ValidationError("sum_by_codes: a group's sum exceeds 9,2 × 10^18 đồng");
  if (counts) *counts = std::move(count);
  return sums;
}

Factorized factorize(std::span<const std::int64_t> values) {
  const std::size_t n = values.size();
  if (n > static_cast<std::size_t>(INT32_MAX))
    throw ValidationError("factorize: more than 2^31 - 1 values");
  Factorized out;
  out.codes.resize(n);
  if (n == 0) return out;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  // The span of the values, in unsigned arithmetic (hi - lo may exceed INT64_MAX).
  const std::uint64_t span = static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo);
  const std::uint64_t dense_limit = std::max<std::uint64_t>(std::uint64_t{1} << 16, n);
  if (span < dense_limit && span < (std::uint64_t{1} << 26)) {
    std::vector<std::int32_t> table(static_cast<std::size_t>(span) + 1, -1);
    const std::int64_t base = *lo;
    for (std::size_t i = 0; i < n; ++i) {
      const auto at = static_cast<std::size_t>(static_cast<std::uint64_t>(values[i]) -
                                               static_cast<std::uint64_t>(base));
      std::int32_t c = table[at];
      if (c < 0) {
        c = table[at] = static_cast<std::int32_t>(out.uniques.size());
        out.uniques.push_back(values[i]);
      }
      out.codes[i] = c;
    }
    return out;
  }
  std::unordered_map<std::int64_t, std::int32_t> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, fresh] = seen.try_emplace(values[i], static_cast<std::int32_t>(seen.size()));
    if (fresh) out.uniques.push_back(values[i]);
    out.codes[i] = it->second;
  }
  return out;
}

namespace {
// min and max of a value key, whatever its width.
template <class T>
std::pair<std::int64_t, std::int64_t> range_of(const void* data, std::size_t n) {
  const T* v = static_cast<const T*>(data);
  T lo = v[0], hi = v[0];
  for (std::size_t i = 1; i < n; ++i) {
    lo = std::min(lo, v[i]);
    hi = std::max(hi, v[i]);
  }
  return {lo, hi};
}

std::pair<std::int64_t, std::int64_t> range_of(const CodeColumn& k) {
  switch (k.width) {
    case 1:
      return range_of<std::int8_t>(k.data, k.size);
    case 2:
      return range_of<std::int16_t>(k.data, k.size);
    case 4:
      return range_of<std::int32_t>(k.data, k.size);
    default:
      return range_of<std::int64_t>(k.data, k.size);
  }
}

// cell[j] = cell[j] * span + (value - base) for a block of a value key, noting each offset
// the first time it is seen (the order of first appearance).
template <class T>
void add_values(const void* data, std::size_t from, std::size_t count, std::int64_t base,
                std::uint32_t span, std::uint32_t* cell, std::vector<std::uint8_t>& seen,
                std::vector<std::uint32_t>& order) {
  const T* v = static_cast<const T*>(data) + from;
  for (std::size_t j = 0; j < count; ++j) {
    const auto off = static_cast<std::uint32_t>(static_cast<std::uint64_t>(v[j]) -
                                                static_cast<std::uint64_t>(base));
    if (!seen[off]) {
      seen[off] = 1;
      order.push_back(off);
    }
    cell[j] = cell[j] * span + off;
  }
}
}  // namespace

namespace {
// range_of over chunks of a million rows on the machine's threads (a pass over the values
// that is otherwise a fifth of a large roll-up).
std::pair<std::int64_t, std::int64_t> range_in_chunks(const CodeColumn& k) {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  if (k.size < 2 * kChunk) return range_of(k);
  const std::size_t chunks = (k.size + kChunk - 1) / kChunk;
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges(chunks);
  const auto width = static_cast<std::size_t>(k.width);
  detail::parallel_for(chunks, std::min(8u, std::max(1u, std::thread::hardware_concurrency())),
                       [&](std::size_t c) {
                         const std::size_t first = c * kChunk;
                         CodeColumn part = k;
                         part.data = static_cast<const char*>(k.data) + first * width;
                         part.size = std::min(kChunk, k.size - first);
                         ranges[c] = range_of(part);
                       });
  std::pair<std::int64_t, std::int64_t> out = ranges[0];
  for (const auto& [lo, hi] : ranges) {
    out.first = std::min(out.first, lo);
    out.second = std::max(out.second, hi);
  }
  return out;
}
}  // namespace

KeySums sum_by_keys(const std::vector<CodeColumn>& keys,
                    const std::vector<std::size_t>& cardinalities,
                    std::span<const std::int64_t> amounts) {
  if (keys.size() != cardinalities.size())
    throw ValidationError("sum_by_codes: one cardinality per key column");
  const std::size_t n = amounts.size();
  for (const auto& k : keys) {
    if (k.size != n) throw ValidationError("sum_by_codes: key and amount columns differ in length");
    if (k.width != 1 && k.width != 2 && k.width != 4 && k.width != 8)
      throw ValidationError("sum_by_codes: codes must be 1, 2, 4 or 8 bytes wide");
  }
  const std::size_t nk = keys.size();
  KeySums out;
  out.uniques.resize(nk);
  out.cardinalities = cardinalities;
  // The span of each key: a code key's cardinality, a value key's max - min + 1.
  std::vector<std::int64_t> base(nk, 0);
  std::vector<std::uint64_t> span(nk, 0);
  bool dense = true;
  std::uint64_t cells = 1;
  // The tables stay small beside the columns: a value key's range at most n (and 4 Mi), the
  // product of the spans at most n (and 16 Mi) cells.
  const std::uint64_t value_limit = std::min<std::uint64_t>(
      std::max<std::uint64_t>(std::uint64_t{1} << 16, n), std::uint64_t{1} << 22);
  const std::uint64_t cell_limit = std::min<std::uint64_t>(
      std::max<std::uint64_t>(std::uint64_t{1} << 20, n), std::uint64_t{1} << 24);
  for (std::size_t k = 0; k < nk; ++k) {
    if (cardinalities[k] > 0) {
      span[k] = cardinalities[k];
    } else if (n > 0) {
      const auto [lo, hi] = range_in_chunks(keys[k]);
      base[k] = lo;
      const std::uint64_t width = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
      span[k] = width < value_limit ? width + 1 : cell_limit + 1;
    } else {
      span[k] = 1;
    }
    if (cells > cell_limit / span[k]) {  // also when span[k] alone exceeds cell_limit
      dense = false;
    } else {
      cells *= span[k];
    }
  }
  if (!dense) {
    // Wide values: factorized first (a hash map), then summed by their codes.
    std::vector<Factorized> coded(nk);
    std::vector<CodeColumn> columns(keys);
    for (std::size_t k = 0; k < nk; ++k) {
      if (cardinalities[k] > 0) continue;
      std::vector<std::int64_t> wide(n);
      for (std::size_t i = 0; i < n; ++i) wide[i] = code_at(keys[k], i);
      coded[k] = factorize(wide);
      columns[k] = {coded[k].codes.data(), 4, n};
      out.cardinalities[k] = std::max<std::size_t>(coded[k].uniques.size(), 1);
      out.uniques[k] = std::move(coded[k].uniques);
    }
    out.sums = sum_by_codes(columns, out.cardinalities, amounts, &out.counts);
    return out;
  }
  // Rows in chunks of a fixed size, each summed into its own table (on as many threads as
  // the machine has when the tables are small), the tables then added in chunk order with
  // checked additions: the chunks do not depend on the number of threads, so neither does
  // the answer nor the error (the first bad row of the first chunk that has one).
  struct Part {
    std::vector<std::int64_t> sums, counts;
    std::vector<std::vector<std::uint8_t>> seen;
    std::vector<std::vector<std::uint32_t>> order;
    bool overflow = false;
  };
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  const bool chunked = n >= 2 * kChunk && cells <= (std::size_t{1} << 16);
  const std::size_t chunk_count = chunked ? (n + kChunk - 1) / kChunk : 1;
  std::vector<Part> parts(chunk_count);
  const auto run = [&](std::size_t c) {
    Part& p = parts[c];
    const std::size_t first = chunked ? c * kChunk : 0;
    const std::size_t last = chunked ? std::min(n, first + kChunk) : n;
    p.sums.assign(cells, 0);
    p.counts.assign(cells, 0);
    p.seen.resize(nk);
    p.order.resize(nk);
    for (std::size_t k = 0; k < nk; ++k)
      if (cardinalities[k] == 0) p.seen[k].assign(span[k], 0);
    constexpr std::size_t kBlock = 2048;
    std::array<std::uint32_t, kBlock> cell{};
    for (std::size_t from = first; from < last; from += kBlock) {
      const std::size_t m = std::min(kBlock, last - from);
      std::fill_n(cell.begin(), m, 0u);
      bool good = true;
      for (std::size_t k = 0; k < nk; ++k) {
        const auto s = static_cast<std::uint32_t>(span[k]);
        const void* d = keys[k].data;
        if (cardinalities[k] > 0) {
          good = add_code_key(keys[k], from, m, s, cell.data()) && good;
          continue;
        }
        auto& seen = p.seen[k];
        auto& order = p.order[k];
        switch (keys[k].width) {
          case 1:
            add_values<std::int8_t>(d, from, m, base[k], s, cell.data(), seen, order);
            break;
          case 2:
            add_values<std::int16_t>(d, from, m, base[k], s, cell.data(), seen, order);
            break;
          case 4:
            add_values<std::int32_t>(d, from, m, base[k], s, cell.data(), seen, order);
            break;
          default:
            add_values<std::int64_t>(d, from, m, base[k], s, cell.data(), seen, order);
        }
      }
      if (!good) refuse_first_bad_code(keys, cardinalities, from, m);
      const std::int64_t* a = amounts.data() + from;
      for (std::size_t j = 0; j < m; ++j) {
        p.overflow |= __builtin_add_overflow(p.sums[cell[j]], a[j], &p.sums[cell[j]]);
        ++p.counts[cell[j]];
      }
    }
  };
  const unsigned threads =
      chunked ? std::min(8u, std::max(1u, std::thread::hardware_concurrency())) : 1u;
  detail::parallel_for(chunk_count, threads, run);
  std::vector<std::int64_t> sums = std::move(parts[0].sums), counts = std::move(parts[0].counts);
  std::vector<std::vector<std::uint8_t>> seen = std::move(parts[0].seen);
  std::vector<std::vector<std::uint32_t>> order = std::move(parts[0].order);
  bool overflow = parts[0].overflow;
  for (std::size_t c = 1; c < chunk_count; ++c) {
    Part& p = parts[c];
    overflow = overflow || p.overflow;
    for (std::size_t i = 0; i < cells; ++i) {
      overflow |= __builtin_add_overflow(sums[i], p.sums[i], &sums[i]);
      counts[i] += p.counts[i];
    }
    for (std::size_t k = 0; k < nk; ++k)  // a later chunk's values after the earlier ones'
      for (const std::uint32_t off : p.order[k])
        if (!seen[k][off]) {
          seen[k][off] = 1;
          order[k].push_back(off);
        }
  }
  if (overflow) throw ValidationError("sum_by_codes: a group's sum exceeds 9,2 × 10^18 đồng");
  // Value keys: their offsets coded by first appearance; the dense cells moved to the codes'
  // row-major order (a cell of no row stays out).
  std::vector<std::vector<std::uint32_t>> code_of(nk);
  for (std::size_t k = 0; k < nk; ++k) {
    if (cardinalities[k] > 0) continue;
    code_of[k].assign(span[k], 0);
    for (std::size_t j = 0; j < order[k].size(); ++j) {
      code_of[k][order[k][j]] = static_cast<std::uint32_t>(j);
      out.uniques[k].push_back(
          static_cast<std::int64_t>(static_cast<std::uint64_t>(base[k]) + order[k][j]));
    }
    out.cardinalities[k] = std::max<std::size_t>(order[k].size(), 1);
  }
  std::size_t total = 1;
  for (std::size_t c : out.cardinalities) total *= c;
  out.sums.assign(total, 0);
  out.counts.assign(total, 0);
  for (std::size_t c = 0; c < cells; ++c) {
    if (counts[c] == 0) continue;
    std::size_t rest = c, index = 0, stride = 1;
    for (std::size_t k = nk; k-- > 0;) {
      const std::size_t off = rest % span[k];
      rest /= span[k];
      index += (cardinalities[k] > 0 ? off : code_of[k][off]) * stride;
      stride *= out.cardinalities[k];
    }
    out.sums[index] = sums[c];
    out.counts[index] = counts[c];
  }
  return out;
}

double Budget::share_of(Money state_budget) const {
  if (state_budget.dong <= 0) throw ValidationError("the state budget must be a positive amount");
  return 100.0 * static_cast<double>(total().dong) / static_cast<double>(state_budget.dong);
}

}  // namespace dxkit::budget

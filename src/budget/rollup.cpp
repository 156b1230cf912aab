#include "dxkit/budget/rollup.hpp"

#include <algorithm>
#include <map>

#include "dxkit/budget/table.hpp"
#include "dxkit/error.hpp"

namespace dxkit::budget {

Dimension parse_dimension(std::string_view name) { return dimensions.parse(name); }

std::string_view to_string(Dimension d) noexcept { return dimensions.name(d); }

std::optional<Money> Budget::value(const Row& row) const {
  // A table with yearly allocations (Năm 2022, Vốn năm 2023) spends those; its "Tổng mức đầu
  // tư" is then the size of the whole multi-year project. Otherwise the total, else the sum
  // of the source columns.
  std::optional<Money> total, sources, years;
  bool has_year_columns = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const AmountRole role = columns[c].role;
    has_year_columns = has_year_columns || role == AmountRole::year;
    if (!row.amounts[c]) continue;
    if (role == AmountRole::total && !total) total = row.amounts[c];
    if (role == AmountRole::investment || role == AmountRole::recurrent ||
        role == AmountRole::socialized)
      sources = add(sources.value_or(Money{}), *row.amounts[c]);
    if (role == AmountRole::year) years = add(years.value_or(Money{}), *row.amounts[c]);
  }
  if (has_year_columns) return years;
  return total ? total : sources;
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

std::vector<Piece> pieces(const Budget& b, const Row& r, bool by_source, bool by_year) {
  std::vector<Piece> out;
  const std::string plan_year = b.plan_year ? std::to_string(*b.plan_year) : "";
  if (by_year) {
    bool any = false;
    for (std::size_t c = 0; c < b.columns.size(); ++c)
      if (b.columns[c].role == AmountRole::year && r.amounts[c]) {
        out.push_back({r.source, std::to_string(b.columns[c].year), *r.amounts[c]});
        any = true;
      }
    if (any || !by_source) {
      if (!any)
        if (auto v = b.value(r)) out.push_back({r.source, plan_year, *v});
      return out;
    }
  }
  if (by_source) {
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
      const AmountRole role = b.columns[c].role;
      if ((role == AmountRole::investment || role == AmountRole::recurrent ||
           role == AmountRole::socialized || role == AmountRole::central ||
           role == AmountRole::local) &&
          r.amounts[c])
        out.push_back({b.columns[c].header, plan_year, *r.amounts[c]});
    }
    if (!out.empty()) return out;
  }
  if (auto v = b.value(r)) out.push_back({r.source, plan_year, *v});
  return out;
}

}  // namespace

std::vector<RollupRow> Budget::rollup(const std::vector<Dimension>& by) const {
  const bool by_source = std::find(by.begin(), by.end(), Dimension::source) != by.end();
  const bool by_year = std::find(by.begin(), by.end(), Dimension::year) != by.end();
  std::vector<RollupRow> out;
  std::map<std::vector<std::string>, std::size_t> index;
  for (const Row& r : rows) {
    if (r.kind != RowKind::item) continue;
    for (const Piece& p : pieces(*this, r, by_source, by_year)) {
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
  if (keys.size() != cardinalities.size())
    throw ValidationError("sum_by_codes: one cardinality per key column");
  std::size_t cells = 1;
  for (std::size_t c : cardinalities) {
    if (c == 0 || cells > (std::size_t{1} << 28) / c)
      throw ValidationError("sum_by_codes: too many groups for a dense table");
    cells *= c;
  }
  const std::size_t n = amounts.size();
  for (const auto& k : keys)
    if (k.size() != n)
      throw ValidationError("sum_by_codes: key and amount columns differ in length");
  // Flat group index first (one pass per key), then one pass of checked additions.
  std::vector<std::uint32_t> cell(n, 0);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const auto card = static_cast<std::int32_t>(cardinalities[k]);
    const std::int32_t* code = keys[k].data();
    for (std::size_t i = 0; i < n; ++i) {
      if (code[i] < 0 || code[i] >= card)
        throw ValidationError("sum_by_codes: row " + std::to_string(i + 1) + ": key " +
                              std::to_string(k + 1) + " has no value (code " +
                              std::to_string(code[i]) + ")");
      cell[i] = cell[i] * static_cast<std::uint32_t>(card) + static_cast<std::uint32_t>(code[i]);
    }
  }
  std::vector<std::int64_t> sums(cells, 0);
  bool overflow = false;
  for (std::size_t i = 0; i < n; ++i)
    overflow |= __builtin_add_overflow(sums[cell[i]], amounts[i], &sums[cell[i]]);
  if (overflow) throw ValidationError("sum_by_codes: a group's sum exceeds 9,2 × 10^18 đồng");
  if (counts) {
    counts->assign(cells, 0);
    for (std::size_t i = 0; i < n; ++i) ++(*counts)[cell[i]];
  }
  return sums;
}

double Budget::share_of(Money state_budget) const {
  if (state_budget.dong <= 0) throw ValidationError("the state budget must be a positive amount");
  return 100.0 * static_cast<double>(total().dong) / static_cast<double>(state_budget.dong);
}

}  // namespace dxkit::budget

#include "dxkit/index/framework.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <new>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "dxkit/error.hpp"
#include "index/detail.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace dxkit::index {

namespace detail {

namespace {
constexpr std::align_val_t kHugePage{std::size_t{2} << 20};

// DXKIT_MADVISE_HUGEPAGE=0 turns the advice off, as NUMPY_MADVISE_HUGEPAGE=0 does numpy's: on
// a virtual machine that hands free memory back to its host, the first use of fresh huge
// pages can cost more than small pages would (docs/benchmarks.md, session 15).
bool advise_huge_pages() {
  static const bool on = [] {
    const char* v = std::getenv("DXKIT_MADVISE_HUGEPAGE");
    return v == nullptr || std::string_view(v) != "0";
  }();
  return on;
}
}  // namespace

void* allocate_large(std::size_t bytes) {
  void* p = ::operator new(bytes, kHugePage);
#if defined(MADV_HUGEPAGE)
  // Advice only: where the kernel has no huge page to give, it uses small ones.
  if (advise_huge_pages()) (void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
  return p;
}

void deallocate_large(void* p, std::size_t /*bytes*/) noexcept {
  // The unsized form: clang before 19 leaves sized deallocation off unless asked.
  ::operator delete(p, kHugePage);
}

}  // namespace detail

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool is_missing(const std::string& s) { return s.empty() || s == "NA" || s == "NaN"; }

// A plain-format number as COINr writes it (17 significant digits, maybe an exponent);
// nullopt for a missing value; throws ParseError naming the cell otherwise.
std::optional<double> number(const std::string& s, const csv::Table& t, std::size_t row,
                             std::size_t col) {
  if (is_missing(s)) return std::nullopt;
  double v = 0;
  const char* first = s.data();
  if (!s.empty() && s[0] == '+') ++first;
  auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    throw ParseError("not a number (iData and iMeta use the plain format: 4.0979, 1e-05, NA)", s,
                     t.where(row, col));
  }
  return v;
}

// An iData cell in `format`: plain as the machine writes it (from_chars: "4.0979850000000004",
// "1e-05"), else with ',' grouping thousands ("1,234.5"); vietnamese as documents write it.
std::optional<double> data_number(const std::string& s, const csv::Table& t, std::size_t row,
                                  std::size_t col, NumberFormat format) {
  if (format == NumberFormat::plain) {
    std::optional<ParseError> machine;
    try {
      return number(s, t, row, col);
    } catch (const ParseError& e) {
      machine = e;
    }
    // Grouped thousands only where no other reading exists ("1,234.5", "1,650,380"): a bare
    // "75,428" may be a Vietnamese 75.428 in a file read as plain by default, and stays an
    // error rather than a silent 75428.
    if (number_format_of(s) != NumberFormat::plain) throw *machine;
    try {
      return parse_number(s, NumberFormat::plain);
    } catch (const ParseError&) {
      throw *machine;  // the machine format's message, located
    }
  }
  if (is_missing(s)) return std::nullopt;
  try {
    return parse_number(s, NumberFormat::vietnamese);
  } catch (const ParseError& e) {
    throw e.at(t.where(row, col));
  }
}

std::size_t require(const csv::Table& t, std::string_view name) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == name) return c;  // COINr's headers, exactly
  throw ValidationError("missing column '" + std::string(name) + "'", t.where_header());
}

}  // namespace

std::optional<std::size_t> Framework::find(std::string_view code) const {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].code == code) return i;
  return std::nullopt;
}

std::vector<std::size_t> Framework::of_type(NodeType type) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].type == type) out.push_back(i);
  return out;
}

std::vector<std::size_t> Framework::children(std::string_view code) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].parent == code && nodes[i].in_tree()) out.push_back(i);
  return out;
}

int Framework::max_level() const {
  int m = 0;
  for (const Node& n : nodes) m = std::max(m, n.level);
  return m;
}

std::map<std::string, double> Framework::effective_weights() const {
  std::map<std::string, double> out;
  // Top-down: nodes without a parent have 1; a child has its share of its siblings' weights
  // times its parent's effective weight.
  for (int level = max_level(); level >= 1; --level) {
    for (const Node& n : nodes) {
      if (n.level != level) continue;
      if (n.parent.empty()) {
        out[n.code] = 1;
        continue;
      }
      double sum = 0;
      for (std::size_t s : children(n.parent)) sum += nodes[s].weight;
      out[n.code] = n.weight / sum * out[n.parent];
    }
  }
  return out;
}

Framework make_framework(const csv::Table& t) {
  const std::size_t c_level = require(t, "Level"), c_code = require(t, "iCode"),
                    c_name = require(t, "iName"), c_dir = require(t, "Direction"),
                    c_weight = require(t, "Weight"), c_parent = require(t, "Parent"),
                    c_type = require(t, "Type");
  std::optional<std::size_t> c_unit, c_target, c_denom;
  std::vector<std::size_t> c_extra;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (t.header[c] == "Unit")
      c_unit = c;
    else if (t.header[c] == "Target")
      c_target = c;
    else if (t.header[c] == "Denominator")
      c_denom = c;
    else if (c != c_level && c != c_code && c != c_name && c != c_dir && c != c_weight &&
             c != c_parent && c != c_type)
      c_extra.push_back(c);
  }
  Framework f;
  f.source = t.source;
  auto fail = [&](std::size_t row, const std::string& column, const std::string& message) {
    Location where = t.at(t.lines[row]);
    where.column_name = column;
    return ValidationError(message, where);
  };
  std::unordered_set<std::string_view> seen;  // views of the table's cells, which outlive f
  for (std::size_t r = 0; r < t.rows(); ++r) {
    Node n;
    n.code = t.columns[c_code][r];
    n.name = t.columns[c_name][r];
    const std::string& type = t.columns[c_type][r];
    if (type == "Indicator")
      n.type = NodeType::indicator;
    else if (type == "Aggregate")
      n.type = NodeType::aggregate;
    else if (type == "Group")
      n.type = NodeType::group;
    else if (type == "Denominator")
      n.type = NodeType::denominator;
    else
      throw fail(r, "Type",
                 "unknown type '" + type + "'; accepted: Indicator, Aggregate, Group, Denominator");
    if (n.code.empty()) throw fail(r, "iCode", "empty iCode");
    if (!seen.insert(t.columns[c_code][r]).second)
      throw fail(r, "iCode", "duplicate iCode '" + n.code + "'");
    if (n.in_tree()) {
      auto level = number(t.columns[c_level][r], t, r, c_level);
      auto dir = number(t.columns[c_dir][r], t, r, c_dir);
      auto weight = number(t.columns[c_weight][r], t, r, c_weight);
      if (!level || *level < 1 || *level != std::floor(*level))
        throw fail(r, "Level", "the level of '" + n.code + "' must be a whole number >= 1");
      if (*level > 1000)  // before the cast to int (a fuzzer's 1e123)
        throw fail(r, "Level", "the level of '" + n.code + "' must be at most 1000");
      if (!weight || *weight < 0)
        throw fail(r, "Weight", "the weight of '" + n.code + "' must be a number >= 0");
      n.level = static_cast<int>(*level);
      n.weight = *weight;
      n.direction = dir.value_or(1);
      if (n.direction != 1 && n.direction != -1)
        throw fail(r, "Direction", "the direction of '" + n.code + "' must be 1 or -1");
      if ((n.type == NodeType::indicator) != (n.level == 1))
        throw fail(r, "Level", "indicators are level 1 and aggregates above it ('" + n.code + "')");
      n.parent = is_missing(t.columns[c_parent][r]) ? "" : t.columns[c_parent][r];
    }
    if (c_unit && !is_missing(t.columns[*c_unit][r])) n.unit = t.columns[*c_unit][r];
    if (c_target) n.target = number(t.columns[*c_target][r], t, r, *c_target);
    if (c_denom && !is_missing(t.columns[*c_denom][r])) n.denominator = t.columns[*c_denom][r];
    for (std::size_t c : c_extra)
      if (!is_missing(t.columns[c][r])) n.extra[t.header[c]] = t.columns[c][r];
    n.line = t.lines[r];
    f.nodes.push_back(std::move(n));
  }
  validate_framework(f);
  return f;
}

void validate_framework(const Framework& f) {
  auto fail = [&](const Node& n, const std::string& column, const std::string& message) {
    Location where;
    if (n.line > 0) {
      where.file = f.source;
      where.line = n.line;
      where.column_name = column;
    }
    return ValidationError(n.line > 0 ? message : "framework: " + message, where);
  };
  // Codes looked up once each, not scanned per node.
  std::unordered_map<std::string_view, std::size_t> at;
  at.reserve(f.nodes.size());
  for (std::size_t i = 0; i < f.nodes.size(); ++i)
    if (!at.emplace(f.nodes[i].code, i).second)
      throw fail(f.nodes[i], "iCode", "duplicate iCode '" + f.nodes[i].code + "'");
  const auto find = [&](std::string_view code) -> std::optional<std::size_t> {
    auto it = at.find(code);
    if (it == at.end()) return std::nullopt;
    return it->second;
  };
  std::vector<bool> has_children(f.nodes.size(), false);
  // Parents exist, are aggregates one level up, and there is no cycle (levels rise strictly).
  for (const Node& n : f.nodes) {
    if (!n.denominator.empty()) {
      auto d = find(n.denominator);
      if (!d || f.nodes[*d].type != NodeType::denominator)
        throw fail(n, "Denominator",
                   "denominator '" + n.denominator + "' of '" + n.code +
                       "' is not a Denominator row of iMeta");
    }
    if (n.parent.empty()) continue;
    auto p = find(n.parent);
    if (!p) throw fail(n, "Parent", "parent '" + n.parent + "' of '" + n.code + "' does not exist");
    if (n.in_tree()) has_children[*p] = true;
    if (f.nodes[*p].type != NodeType::aggregate)
      throw fail(n, "Parent", "parent '" + n.parent + "' of '" + n.code + "' is not an aggregate");
    if (f.nodes[*p].level <= n.level)
      throw fail(n, "Parent",
                 "parent '" + n.parent + "' of '" + n.code +
                     "' is not at a higher level (a cycle or a misplaced node)");
  }
  for (std::size_t i : f.of_type(NodeType::aggregate))
    if (!has_children[i])
      throw fail(f.nodes[i], "iCode", "aggregate '" + f.nodes[i].code + "' has no children");
}

Framework read_framework(const std::filesystem::path& path) {
  return make_framework(csv::read(path));
}

std::optional<std::size_t> DataSet::column(std::string_view code) const {
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c] == code) return c;
  return std::nullopt;
}

std::unordered_map<std::string_view, std::size_t> detail::positions(
    std::span<const std::string> codes) {
  std::unordered_map<std::string_view, std::size_t> at;
  at.reserve(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) at.emplace(codes[i], i);  // the first kept
  return at;
}

std::vector<const Node*> detail::nodes_of_columns(const DataSet& data, const Framework& f) {
  std::unordered_map<std::string_view, std::size_t> node_at;
  node_at.reserve(f.nodes.size());
  for (std::size_t i = 0; i < f.nodes.size(); ++i) node_at.emplace(f.nodes[i].code, i);
  std::vector<const Node*> out;
  out.reserve(data.columns.size());
  for (const std::string& code : data.columns) {
    const auto it = node_at.find(code);
    out.push_back(it == node_at.end() ? nullptr : &f.nodes[it->second]);
  }
  return out;
}

std::unordered_map<std::string_view, std::vector<std::size_t>> detail::children_by_parent(
    const Framework& f) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < f.nodes.size(); ++i)
    if (f.nodes[i].in_tree()) out[f.nodes[i].parent].push_back(i);
  return out;
}

std::size_t DataSet::add_column(std::string code) {
  columns.push_back(std::move(code));
  values.resize(values.size() + rows(), kNaN);
  return columns.size() - 1;
}

NumberDecision data_number_format(const csv::Table& t, const Framework& f, NumberStyle style) {
  std::vector<std::size_t> columns;
  std::vector<std::size_t> numeric = f.of_type(NodeType::indicator);
  for (std::size_t d : f.of_type(NodeType::denominator)) numeric.push_back(d);
  for (std::size_t c = 0; c < t.header.size(); ++c)
    for (std::size_t i : numeric)
      if (t.header[c] == f.nodes[i].code) columns.push_back(c);
  return resolve_number_style(style, t, columns);
}

namespace {
// A unit without a code could not be named in any result: refused at its row.
std::optional<std::size_t> first_missing_unit(std::span<const std::string> units) {
  for (std::size_t r = 0; r < units.size(); ++r)
    if (units[r].empty()) return r;
  return std::nullopt;
}
}  // namespace

UnitData make_unit_data(const csv::Table& t, const Framework& f, NumberFormat format) {
  const std::size_t c_code = require(t, "uCode");
  std::optional<std::size_t> c_name;
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == "uName") c_name = c;
  UnitData out;
  std::optional<std::size_t> c_time;
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (t.header[c] == "Time") c_time = c;
  if (c_time) {
    for (std::size_t r = 0; r < t.rows(); ++r) {
      auto v = number(t.columns[*c_time][r], t, r, *c_time);
      if (!v) {
        Location where = t.at(t.lines[r]);
        where.column_name = "Time";
        throw ValidationError("missing Time", where);
      }
      out.time.push_back(*v);
    }
  }
  if (const auto r = first_missing_unit(t.columns[c_code])) {
    Location where = t.at(t.lines[*r]);
    where.column_name = "uCode";
    throw ValidationError("missing unit code (uCode)", where);
  }
  if (const auto r = first_repeated_unit(t.columns[c_code], out.time)) {
    const std::string& code = t.columns[c_code][*r];
    Location where = t.at(t.lines[*r]);
    where.column_name = "uCode";
    throw ValidationError(
        c_time ? "duplicate unit code '" + code + "' at Time " + t.columns[*c_time][*r]
               : "duplicate unit code '" + code + "'",
        where);
  }
  out.data.units = t.columns[c_code];
  if (c_name)
    out.data.names = t.columns[*c_name];
  else
    out.data.names.resize(t.rows());
  for (std::size_t g : f.of_type(NodeType::group)) {
    const std::string& code = f.nodes[g].code;
    for (std::size_t c = 0; c < t.header.size(); ++c)
      if (t.header[c] == code) out.groups[code] = t.columns[c];
  }
  std::vector<std::size_t> numeric = f.of_type(NodeType::indicator);
  for (std::size_t d : f.of_type(NodeType::denominator)) numeric.push_back(d);
  for (std::size_t i : numeric) {
    const std::string& code = f.nodes[i].code;
    std::optional<std::size_t> src;
    for (std::size_t c = 0; c < t.header.size(); ++c)
      if (t.header[c] == code) src = c;
    if (!src) {
      if (f.nodes[i].type == NodeType::denominator) continue;
      Location where = t.at(1);
      throw ValidationError("indicator '" + code + "' of iMeta has no column in iData", where);
    }
    const std::size_t c = out.data.add_column(code);
    auto col = out.data.col(c);
    for (std::size_t r = 0; r < t.rows(); ++r)
      col[r] = data_number(t.columns[*src][r], t, r, *src, format).value_or(kNaN);
  }
  return out;
}

UnitData make_unit_data(UnitColumns in, std::span<const double> values, std::size_t value_rows,
                        std::size_t value_columns, std::shared_ptr<const void> owner,
                        const Framework& f) {
  const std::size_t rows = in.units.size();
  const auto at_row = [](std::size_t r, const char* column) {
    Location where;
    where.file = "<iData>";
    where.line = r + 1;
    where.column_name = column;
    return where;
  };
  if (value_rows != rows || value_columns != in.columns.size())
    throw ValidationError("iData: the values must be a (units × columns) array");
  if (!in.names.empty() && in.names.size() != rows)
    throw ValidationError("iData: one uName per unit is needed");
  if (!in.time.empty() && in.time.size() != rows)
    throw ValidationError("iData: one Time per row is needed");
  for (const auto& [g, labels] : in.groups)
    if (labels.size() != rows) throw ValidationError("iData: one '" + g + "' per unit is needed");
  for (std::size_t r = 0; r < in.time.size(); ++r)
    if (std::isnan(in.time[r])) throw ValidationError("missing Time", at_row(r, "Time"));
  if (const auto r = first_missing_unit(in.units))
    throw ValidationError("missing unit code (uCode)", at_row(*r, "uCode"));
  if (const auto r = first_repeated_unit(in.units, in.time)) {
    char time[32];
    if (!in.time.empty()) std::snprintf(time, sizeof time, "%g", in.time[*r]);
    throw ValidationError(in.time.empty()
                              ? "duplicate unit code '" + in.units[*r] + "'"
                              : "duplicate unit code '" + in.units[*r] + "' at Time " + time,
                          at_row(*r, "uCode"));
  }
  UnitData out;
  out.data.units = std::move(in.units);
  if (in.names.empty()) in.names.resize(rows);
  out.data.names = std::move(in.names);
  out.time = std::move(in.time);
  out.data.columns = std::move(in.columns);
  out.groups = std::move(in.groups);
  const auto column_at = detail::positions(out.data.columns);
  for (std::size_t i : f.of_type(NodeType::indicator))
    if (!column_at.contains(f.nodes[i].code))
      throw ValidationError("indicator '" + f.nodes[i].code + "' of iMeta has no column in iData");
  out.borrow(values, std::move(owner));
  return out;
}

UnitData read_unit_data(const std::filesystem::path& path, const Framework& framework,
                        NumberFormat format) {
  csv::Options copt;
  copt.json_numbers = format;
  return make_unit_data(csv::read(path, copt), framework, format);
}

void UnitData::borrow(std::span<const double> values, std::shared_ptr<const void> owner) {
  if (values.size() != data.rows() * data.columns.size())
    throw ValidationError("iData: " + std::to_string(values.size()) + " numbers for " +
                          std::to_string(data.rows()) + " units × " +
                          std::to_string(data.columns.size()) + " columns");
  if (!owner) throw ValidationError("iData: borrowed numbers need an owner that keeps them alive");
  data.values = {};
  borrowed_ = values;
  owner_ = std::move(owner);
}

void UnitData::own() {
  if (!owner_) return;
  data.values.assign(borrowed_.begin(), borrowed_.end());
  borrowed_ = {};
  owner_.reset();
}

std::span<const double> UnitData::col(std::size_t c) const {
  if (owner_) return borrowed_.subspan(c * data.rows(), data.rows());
  return data.col(c);
}

std::optional<std::size_t> first_repeated_unit(std::span<const std::string> units,
                                               std::span<const double> time) {
  // Open addressing over row numbers, a table at least twice the rows (a power of two).
  const std::size_t n = units.size();
  std::size_t size = 16;
  while (size < 2 * n) size *= 2;
  constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  if (n >= kEmpty) throw ValidationError("iData: more than 4 billion rows");
  std::vector<std::uint32_t> table(size, kEmpty);
  const bool timed = !time.empty();
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t h = std::hash<std::string_view>{}(units[r]);
    if (timed) h ^= std::hash<double>{}(time[r]) * 0x9e3779b97f4a7c15ULL;
    for (std::size_t at = h & (size - 1);; at = (at + 1) & (size - 1)) {
      const std::uint32_t other = table[at];
      if (other == kEmpty) {
        table[at] = static_cast<std::uint32_t>(r);
        break;
      }
      if (units[other] == units[r] && (!timed || time[other] == time[r])) return r;
    }
  }
  return std::nullopt;
}

std::vector<double> UnitData::times() const {
  std::vector<double> out(time);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Framework::add_weight_set(const std::string& name, const std::map<std::string, double>& w) {
  if (name.empty()) throw ValidationError("a weight set needs a name");
  for (const auto& [code, weight] : w) {
    auto i = find(code);
    if (!i || !nodes[*i].in_tree())
      throw ValidationError("weight set '" + name + "': '" + code +
                            "' is not an indicator or aggregate of the framework");
    if (!std::isfinite(weight) || weight < 0)
      throw ValidationError("weight set '" + name + "': the weight of '" + code +
                            "' must be a number >= 0");
  }
  weight_sets[name] = w;
}

Framework Framework::with_weights(std::string_view set) const {
  Framework out = *this;
  if (set.empty() || set == "Original") return out;
  auto it = weight_sets.find(std::string(set));
  if (it == weight_sets.end()) {
    std::string names = "Original";
    for (const auto& [n, _] : weight_sets) names += ", " + n;
    throw ValidationError("unknown weight set '" + std::string(set) +
                          "'; the framework has: " + names);
  }
  for (const auto& [code, w] : it->second) out.nodes[*out.find(code)].weight = w;
  return out;
}

Framework Framework::without(std::string_view code) const {
  auto i = find(code);
  if (!i || !nodes[*i].in_tree())
    throw ValidationError("'" + std::string(code) + "' is not an indicator or aggregate");
  std::set<std::string> gone = {std::string(code)};
  for (bool grew = true; grew;) {  // everything under it
    grew = false;
    for (const Node& n : nodes)
      if (!n.parent.empty() && gone.count(n.parent) && gone.insert(n.code).second) grew = true;
  }
  Framework out;
  out.weight_sets = weight_sets;
  for (const Node& n : nodes)
    if (!gone.count(n.code)) out.nodes.push_back(n);
  for (auto& [_, set] : out.weight_sets)
    for (const auto& g : gone) set.erase(g);
  const std::string& parent = nodes[*i].parent;
  if (!parent.empty() && out.children(parent).empty())
    throw ValidationError("leaving out '" + std::string(code) + "' would leave '" + parent +
                          "' without children");
  return out;
}

std::vector<std::size_t> Framework::at_level(int level) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].level == level && nodes[i].in_tree()) out.push_back(i);
  return out;
}

std::map<std::string, std::map<std::string, double>> read_weight_sets(
    const std::filesystem::path& path, const Framework& f) {
  const csv::Table t = csv::read(path);
  const std::size_t c_code = require(t, "iCode");
  std::map<std::string, std::map<std::string, double>> out;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    if (c == c_code || t.header[c] == "Level") continue;
    auto& set = out[t.header[c]];
    for (std::size_t r = 0; r < t.rows(); ++r) {
      const std::string& code = t.columns[c_code][r];
      auto i = f.find(code);
      if (!i) {
        Location where = t.at(t.lines[r]);
        where.column_name = "iCode";
        throw ValidationError("'" + code + "' is not in the framework", where);
      }
      auto v = number(t.columns[c][r], t, r, c);
      if (!v) continue;  // a blank keeps the iMeta weight
      if (*v < 0) {
        Location where = t.at(t.lines[r]);
        where.column_name = t.header[c];
        throw ValidationError("a weight must be >= 0", where);
      }
      set[code] = *v;
    }
  }
  if (out.empty())
    throw ValidationError("weight table '" + path.string() + "' has no weight column");
  return out;
}

}  // namespace dxkit::index

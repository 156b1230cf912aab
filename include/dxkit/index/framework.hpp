#pragma once
/// Composite indices in COINr's iData / iMeta form: the framework (indicators and aggregates
/// in a tree, with directions and weights) and the units' data. See docs/index.md.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dxkit/export.hpp"
#include "dxkit/text/csv.hpp"
#include "dxkit/text/number.hpp"
#include "dxkit/text/number_style.hpp"

namespace dxkit::index {

enum class NodeType : std::uint8_t { indicator, aggregate, group, denominator };

/// One row of iMeta.
struct DXKIT_API Node {
  std::string code;  ///< iCode
  std::string name;  ///< iName
  NodeType type = NodeType::indicator;
  int level = 0;         ///< 1 = indicator, 2.. = aggregates; 0 for groups and denominators
  double direction = 1;  ///< +1 or -1
  double weight = 1;     ///< nominal weight within its parent
  std::string unit;
  std::optional<double> target;
  std::string denominator;  ///< iCode of the denominator column, or ""
  std::string parent;       ///< iCode of the parent aggregate, or "" at the top
  /// Other iMeta columns (e.g. COINr's goalpost_lower, minmax_upper): column -> cell text.
  std::map<std::string, std::string> extra;
  std::size_t line = 0;  ///< its 1-based iMeta line, for messages (0: built in code)

  /// Whether the node is part of the index's tree (an indicator or an aggregate), not a
  /// group or denominator column.
  [[nodiscard]] bool in_tree() const noexcept {
    return type == NodeType::indicator || type == NodeType::aggregate;
  }
};

class DXKIT_API Framework {
 public:
  std::vector<Node> nodes;  ///< in iMeta order
  std::string source;       ///< the iMeta file, for messages ("" when built in code)
  /// Named alternative weight sets (COINr's .$Meta$Weights): set -> iCode -> weight. Nodes a
  /// set does not name keep their iMeta weight.
  std::map<std::string, std::map<std::string, double>> weight_sets;

  /// Adds (or replaces) a named weight set; throws ValidationError for an unknown iCode or a
  /// weight that is negative or not finite.
  void add_weight_set(const std::string& name, const std::map<std::string, double>& weights);
  /// A copy with the weights of a set applied ("" or "Original": the iMeta weights).
  [[nodiscard]] Framework with_weights(std::string_view set) const;
  /// A copy without a node and everything under it; throws ValidationError if that would
  /// leave an aggregate without children.
  [[nodiscard]] Framework without(std::string_view code) const;
  /// Indices of the indicator and aggregate nodes of one level, in iMeta order.
  [[nodiscard]] std::vector<std::size_t> at_level(int level) const;

  [[nodiscard]] std::optional<std::size_t> find(std::string_view code) const;
  /// Indices of the nodes of a type, in iMeta order.
  [[nodiscard]] std::vector<std::size_t> of_type(NodeType type) const;
  /// Indices of the nodes whose parent is `code`.
  [[nodiscard]] std::vector<std::size_t> children(std::string_view code) const;
  [[nodiscard]] int max_level() const;
  /// Each node's effective weight in the whole index: its weight over the sum of its
  /// siblings' weights, times its parent's effective weight (the top node has 1).
  [[nodiscard]] std::map<std::string, double> effective_weights() const;
};

/// Builds a framework from iMeta (Level, iCode, iName, Direction, Weight, Unit, Target,
/// Denominator, Parent, Type). Throws ValidationError naming the line for a parent that does
/// not exist, a cycle, a weight or direction that is not a number, a duplicate code, an
/// unknown type, and a missing column.
[[nodiscard]] DXKIT_API Framework make_framework(const csv::Table& meta);
/// Checks a framework however it was built (iMeta, a DataFrame, C++ code): every parent and
/// denominator exists and has the right type, parents sit at a higher level (no cycle), and
/// every aggregate has children. Throws ValidationError naming the code and the parent (with
/// the iMeta file, line and column when the node has them); run_pipeline calls it.
DXKIT_API void validate_framework(const Framework& framework);
[[nodiscard]] DXKIT_API Framework read_framework(const std::filesystem::path& path);

namespace detail {
/// Blocks of at least this many bytes come from allocate_large.
inline constexpr std::size_t kLargeBlock = std::size_t{32} << 20;
/// A block aligned to 2 MiB that the kernel may back with transparent huge pages
/// (madvise(MADV_HUGEPAGE) on Linux). A block this large is beyond what malloc keeps for
/// reuse, so each one is fresh memory from the kernel: with 4 KiB pages a 200 MB data set
/// takes 50 000 page faults (about 150 ms on the machine of docs/benchmarks.md), with huge
/// pages about 100 (about 30 ms, the zeroing the kernel does anyway). numpy does the same
/// for its large arrays.
[[nodiscard]] DXKIT_API void* allocate_large(std::size_t bytes);
DXKIT_API void deallocate_large(void* p, std::size_t bytes) noexcept;
}  // namespace detail

/// The allocator of DataSet::values: like std::allocator, except that resize(n) and
/// vector(n) leave the new numbers unset instead of writing zeros first (a large data set
/// about to be written in full, e.g. by the normalisation, is not filled twice), and that
/// blocks of 32 MiB and more are asked for in huge pages (detail::allocate_large). Give the
/// value when one is meant: resize(n, 0.0), vector(n, 0.0).
template <class T>
struct NoInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = NoInitAllocator<U>;
  };
  NoInitAllocator() = default;
  template <class U>
  NoInitAllocator(const NoInitAllocator<U>&) noexcept {}
  [[nodiscard]] T* allocate(std::size_t n) {
    if (n >= detail::kLargeBlock / sizeof(T) && n <= SIZE_MAX / sizeof(T)) {
      return static_cast<T*>(detail::allocate_large(n * sizeof(T)));
    }
    return std::allocator<T>::allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n >= detail::kLargeBlock / sizeof(T) && n <= SIZE_MAX / sizeof(T)) {
      detail::deallocate_large(p, n * sizeof(T));
      return;
    }
    std::allocator<T>::deallocate(p, n);
  }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
using Values = std::vector<double, NoInitAllocator<double>>;

/// Units × columns of numbers, column-major; NaN marks a missing value inside the engine
/// (every output names missing values explicitly).
struct DXKIT_API DataSet {
  std::vector<std::string> units;    ///< uCode
  std::vector<std::string> names;    ///< uName ("" if none)
  std::vector<std::string> columns;  ///< column codes
  Values values;                     ///< values[c * units.size() + u]

  [[nodiscard]] std::size_t rows() const noexcept { return units.size(); }
  [[nodiscard]] std::optional<std::size_t> column(std::string_view code) const;
  [[nodiscard]] std::span<double> col(std::size_t c) {
    return {values.data() + c * rows(), rows()};
  }
  [[nodiscard]] std::span<const double> col(std::size_t c) const {
    return {values.data() + c * rows(), rows()};
  }
  /// Appends a column of NaN and returns its index.
  std::size_t add_column(std::string code);
};

/// iData: the units (uCode, uName), their group columns and their numeric columns
/// (indicators and denominators of `framework`, plus Time if present).
struct DXKIT_API UnitData {
  DataSet data;
  std::map<std::string, std::vector<std::string>> groups;  ///< group column -> per unit
  /// Panel data: the Time of each row (empty without a Time column). In a panel a unit has
  /// one row per time; (uCode, Time) is unique.
  std::vector<double> time;

  /// The distinct times, ascending (empty without a Time column).
  [[nodiscard]] std::vector<double> times() const;

  /// Reads the numbers from memory held elsewhere (a numpy array, a memory map) instead of
  /// copying them: `values` is column-major like data.values (data.rows() × data.columns.size()),
  /// `owner` keeps it alive, and data.values is emptied. The memory is only read; it must not
  /// change while a run reads it. Throws ValidationError if the size does not match.
  void borrow(std::span<const double> values, std::shared_ptr<const void> owner);
  /// Copies borrowed numbers into data.values (nothing to do when the numbers are owned).
  void own();
  [[nodiscard]] bool borrowed() const noexcept { return owner_ != nullptr; }
  /// Column c of the numbers, owned or borrowed. Every reader of UnitData goes through this.
  [[nodiscard]] std::span<const double> col(std::size_t c) const;

 private:
  std::span<const double> borrowed_;
  std::shared_ptr<const void> owner_;
};

/// The first row whose unit code repeats an earlier row's (with times, whose (uCode, Time)
/// pair does), if any: one hash look-up a row, one allocation.
[[nodiscard]] DXKIT_API std::optional<std::size_t> first_repeated_unit(
    std::span<const std::string> units, std::span<const double> time = {});

/// The top node: the aggregate without a parent at the highest level (ValidationError if
/// there is none).
[[nodiscard]] DXKIT_API std::string top_node(const Framework& framework);

/// Reads a weight table: iCode and one column per named set (e.g. iCode, Original, Alt).
/// Throws for an unknown iCode or a weight that is not a number, naming the line.
[[nodiscard]] DXKIT_API std::map<std::string, std::map<std::string, double>> read_weight_sets(
    const std::filesystem::path& path, const Framework& framework);

/// Reads iData against a framework. With a Time column holding more than one time the data
/// is a panel: a (uCode, Time) pair must be unique instead of the uCode. Numbers are in the plain
/// format ("4.0979850000000004", "1e-05", and "1,234.5" or "1,650,380" with ',' grouping
/// thousands where nothing else can be meant: "75,428" stays an error); "NA" and
/// blank are missing. `format` vietnamese reads the documents' "1.234,5" and "0,75" instead
/// (number_data_format decides it for `--numbers auto`). Throws ValidationError for a
/// duplicate unit code or an indicator column missing from the data, ParseError (line and column)
/// for a cell that is not a number.
[[nodiscard]] DXKIT_API UnitData make_unit_data(const csv::Table& data, const Framework& framework,
                                                NumberFormat format = NumberFormat::plain);
/// The format of iData's indicator and denominator columns under `style` (auto: decided from
/// them, decide_number_format; the note says how).
[[nodiscard]] DXKIT_API NumberDecision data_number_format(const csv::Table& data,
                                                          const Framework& framework,
                                                          NumberStyle style);

/// iData given as columns (as Python holds it): unit codes, names (empty: none), the names of
/// the numeric columns, group labels and times (empty: no Time column), one a row.
struct DXKIT_API UnitColumns {
  std::vector<std::string> units, names, columns;
  std::map<std::string, std::vector<std::string>> groups;
  std::vector<double> time;
};
/// iData from columns and a (rows × value_columns) block of numbers, column-major, that is
/// borrowed, not copied (`owner` keeps it alive; see UnitData::borrow). Throws
/// ValidationError, naming the row ("<iData>:<row>"), for a block of another shape, a list
/// of another length than the units, a missing Time, a repeated unit code (at one Time) and
/// an iMeta indicator with no column.
[[nodiscard]] DXKIT_API UnitData make_unit_data(UnitColumns columns, std::span<const double> values,
                                                std::size_t value_rows, std::size_t value_columns,
                                                std::shared_ptr<const void> owner,
                                                const Framework& framework);
[[nodiscard]] DXKIT_API UnitData read_unit_data(const std::filesystem::path& path,
                                                const Framework& framework,
                                                NumberFormat format = NumberFormat::plain);

}  // namespace dxkit::index

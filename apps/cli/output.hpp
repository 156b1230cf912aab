#pragma once
// One output model for every command: a command builds a Report (named frames of typed cells,
// summary fields, notes as dxkit::Diagnostic) and one writer prints it as an aligned text
// table, CSV or JSON. Commands never format JSON or CSV themselves, so the three formats say
// the same thing and a new command gets all three for free.
//
// JSON and CSV are for programs: one top level for every command (schema "dxkit/1", command,
// output, source, summary fields, "rows", other frames, notes as objects; docs/schema/), numbers
// as numbers (money as integer đồng, shares as fractions of 1), null for "none", one type per
// key. The text table is for people: Vietnamese number formats, units, "new", percentages.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dxkit/diagnostic.hpp"
#include "dxkit/error.hpp"
#include "dxkit/names.hpp"

namespace dxkit::cli {

using Json = nlohmann::ordered_json;

/// How a report is written (`--format`).
enum class Format : std::uint8_t { table, csv, json };

/// The `--format` choices.
inline constexpr NameTable formats{
    "format",
    std::array{Named<Format>{Format::table, "table", "aligned columns, with headings and notes"},
               Named<Format>{Format::json, "json",
                             "one object (schema dxkit/1, docs/schema/): command, output, source, "
                             "summary fields, rows, notes"},
               Named<Format>{Format::csv, "csv",
                             "RFC 4180 with a header row, the JSON rows' keys, plain numbers; "
                             "no notes"}}};

/// The `"schema"` of every JSON report; a change that breaks a reader gets a new one.
inline constexpr std::string_view kSchema = "dxkit/1";

/// A result as named columns of typed cells (null = missing).
struct Frame {
  /// The JSON key of the rows ("rows" for a command's main result; "rollup", "findings" ...).
  std::string name = "rows";
  std::vector<std::string> header;
  std::vector<std::vector<Json>> rows;
  int digits = 4;              ///< decimals of numbers in the text table
  std::size_t max_width = 24;  ///< text table: longer cells are shortened with "…"
  bool in_table = true;        ///< false: the text table leaves the whole frame out
  /// Columns the text table leaves out (CSV and JSON have them).
  std::set<std::string> not_in_table;
  /// Text columns the table aligns right, as numbers are (amounts printed as text).
  std::set<std::string> right_aligned;
  /// How the text table shows a column's cells, where the default (cell_text) is not right.
  std::map<std::string, std::function<std::string(const Json&)>> shown;
};

/// What a command prints: its frames, summary fields and notes, in every format.
struct Report {
  std::string command;  ///< the subcommand ("evaluate", "budget", "index", ...)
  std::string output;   ///< the `--output` kind ("aggregated", "results"; "" = null: no kinds)
  std::string source;   ///< the input file as given ("-" = standard input; "" = null: none)
  /// Fields at the top level of the JSON object, in order ("scheme", "counts", "totals").
  Json summary = Json::object();
  std::vector<std::string> heading;  ///< text table only: lines before the first frame
  std::vector<Frame> frames;         ///< the first is the main result
  std::vector<std::string> trailer;  ///< text table only: lines after the frames
  Diagnostics notes;                 ///< under the table, "notes" in JSON, left out of CSV
  /// A file's text to print as it is, whatever the format (dti --output meta: an iMeta to
  /// copy); when set, nothing else is written.
  std::optional<std::string> verbatim;

  /// The main frame (created when there is none yet).
  Frame& main();
  /// Adds a note (severity note, no place or code) with `message`.
  void note(std::string message);
};

/// Writes `report` in `format` (its `verbatim` text alone when it has one): table =
/// heading, frames as aligned tables, trailer, one line per note; csv = the frames' CSV one after
/// the other, a blank line between them (frames after the first are left out when empty), nulls
/// as empty cells, numbers as JSON writes them; json = {"schema", "command", "output",
/// "source", <summary fields>, <frame name>: [{column: cell}], "notes": [note_json]}.
void write(std::ostream& out, const Report& report, Format format);
/// The same with the format by name; throws ValidationError for an unknown name.
void write(std::ostream& out, const Report& report, std::string_view format);

/// How a note is written in JSON: {"severity", "code", "where": {"file", "line", "column",
/// "column_name", "sheet", "table", "cell"}, "message"}, null for what is unknown (a plain note
/// has no code or place).
[[nodiscard]] Json note_json(const Diagnostic& d);

/// NaN as null.
[[nodiscard]] Json num(double v);
template <class T>
[[nodiscard]] Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
/// A cell as text: in a table "NA" for null and numbers with `digits` decimals; otherwise
/// (CSV) "" for null and numbers as JSON writes them (the shortest text that reads back the
/// same double).
[[nodiscard]] std::string cell_text(const Json& cell, bool table, int digits);

/// One `--output` kind of a command: its name, what it shows (for the help), and the
/// function building its report from the command's computed state.
template <class State>
struct OutputKind {
  std::string_view name;
  std::string_view meaning;
  Report (*build)(const State&);
};

/// The kinds' names in table order (for CLI::IsMember).
template <class State, std::size_t N>
[[nodiscard]] std::vector<std::string> kind_names(const std::array<OutputKind<State>, N>& kinds) {
  std::vector<std::string> out;
  for (const auto& k : kinds) out.emplace_back(k.name);
  return out;
}

/// "name: meaning; name: meaning" for the help text of `--output`.
template <class State, std::size_t N>
[[nodiscard]] std::string kind_help(const std::array<OutputKind<State>, N>& kinds) {
  std::string out;
  for (const auto& k : kinds)
    out += (out.empty() ? "" : "; ") + std::string(k.name) + ": " + std::string(k.meaning);
  return out;
}

/// The kind named `name`; throws ValidationError "unknown output 'x'; accepted: a, b".
template <class State, std::size_t N>
[[nodiscard]] const OutputKind<State>& find_kind(const std::array<OutputKind<State>, N>& kinds,
                                                 std::string_view name) {
  for (const auto& k : kinds)
    if (k.name == name) return k;
  std::string accepted;
  for (const auto& k : kinds) accepted += (accepted.empty() ? "" : ", ") + std::string(k.name);
  throw ValidationError("unknown output '" + std::string(name) + "'; accepted: " + accepted);
}

}  // namespace dxkit::cli

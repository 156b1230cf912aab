#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "dxkit/text/number_style.hpp"
#include "output.hpp"

namespace dxkit::cli {
/// The `--format table|json|csv` option every command has (choices from `formats`).
inline void add_format_option(CLI::App* cmd, std::string& format) {
  std::vector<std::string> names;
  std::string help;
  for (const auto& f : formats.entries) {
    names.emplace_back(f.name);
    help += (help.empty() ? "" : "; ") + std::string(f.name) + ": " + std::string(f.meaning);
  }
  cmd->add_option("--format", format, help)->check(CLI::IsMember(names))->capture_default_str();
}

/// The `--numbers vietnamese|plain|auto` option of every command that reads numbers from text
/// (choices and help from number_styles; `auto` is decided per file and reported as a note).
inline CLI::Option* add_numbers_option(CLI::App* cmd, std::string& numbers,
                                       const std::string& extra = "") {
  return cmd->add_option("--numbers", numbers, number_style_help() + extra)
      ->check(CLI::IsMember(number_style_names()))
      ->capture_default_str();
}

/// A DTI table's `--values points|scores` and `--framework NAME` (dti and report), their
/// choices from dti::kValueKinds and dti::kPresetNames; `cells` says whose cells ("the
/// main-indicator cells"), `framework_help` what comes before the framework names in --help.
void add_dti_table_options(CLI::App* cmd, std::string& values, std::string& framework,
                           const std::string& cells, const std::string& framework_help = "");

/// Adds the `evaluate` subcommand; `run` is set to its action.
void add_evaluate(CLI::App& app, std::function<int()>& run);
/// Adds the `budget` subcommand.
void add_budget(CLI::App& app, std::function<int()>& run);
/// Adds the `index` subcommand.
void add_index(CLI::App& app, std::function<int()>& run);
/// Adds the `dti` subcommand.
void add_dti(CLI::App& app, std::function<int()>& run);
/// Adds the `due` subcommand.
void add_due(CLI::App& app, std::function<int()>& run);
/// Adds the `progress` subcommand.
void add_progress(CLI::App& app, std::function<int()>& run);
/// Adds the `check-text` subcommand.
void add_check_text(CLI::App& app, std::function<int()>& run);
/// Adds the `units` subcommand.
void add_units(CLI::App& app, std::function<int()>& run);
/// Adds the `tables` subcommand (the tables of a document).
void add_tables(CLI::App& app, std::function<int()>& run);
/// Adds the `extract` subcommand (one table of a document as CSV).
void add_extract(CLI::App& app, std::function<int()>& run);
/// Adds the `report` subcommand (a plan's tables as one workbook and / or HTML page).
void add_report(CLI::App& app, std::function<int()>& run);
}  // namespace dxkit::cli

// dxkit: the command line. Each subcommand lives in its own file and reports dxkit errors as
// "dxkit: error: <where>: <what>" with exit status 1; usage errors exit with status 2.
#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <iostream>

#include "commands.hpp"
#include "dxkit/error.hpp"
#include "dxkit/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"dxkit: digital-transformation plans of Vietnam's provinces (chuyển đổi số)"};
  app.set_version_flag("--version", std::string(dxkit::version()));
  app.require_subcommand(1);
  std::function<int()> run;
  dxkit::cli::add_evaluate(app, run);
  dxkit::cli::add_budget(app, run);
  dxkit::cli::add_index(app, run);
  dxkit::cli::add_dti(app, run);
  dxkit::cli::add_due(app, run);
  dxkit::cli::add_progress(app, run);
  dxkit::cli::add_check_text(app, run);
  dxkit::cli::add_units(app, run);
  dxkit::cli::add_tables(app, run);
  dxkit::cli::add_extract(app, run);
  dxkit::cli::add_report(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return run();
  } catch (const dxkit::Error& e) {
    std::cerr << "dxkit: error: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "dxkit: internal error: " << e.what() << '\n';
    return 3;
  }
}

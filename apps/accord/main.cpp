// `accord`: a thin shell over accord::core and accord::io. Commands live in cmd_*.cpp.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <tuple>

#include "cli.hpp"

namespace {

const char* kDescription =
    "Accord: analyse multi-party negotiations (peace frameworks, treaties, coalition deals).\n"
    "\n"
    "SCENARIO arguments take a built-in name (see `accord scenarios`) or a YAML/JSON file.\n"
    "Examples:\n"
    "  accord report                      # the built-in Geneva 2025 analysis\n"
    "  accord evaluate geneva-2025 --version v20\n"
    "  accord diff geneva-2025 v28 v20\n"
    "  accord validate my-scenario.yaml\n"
    "Exit codes: 0 success, 2 invalid input, 1 internal error.";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{kDescription, "accord"};
  app.set_version_flag("--version", std::string("accord ") + ACCORD_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  auto& commands = accord::cli::command_registry();
  // By ORDER, then by name: registration order follows static initialisation (link order), so
  // it must not decide ties. The resulting order is documented in docs/cli.md and tested.
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) {
    return std::tie(a.order, a.name) < std::tie(b.order, b.name);
  });
  for (const auto& c : commands) c.add(app);
  accord::cli::add_width_options(app);  // --width / --wide on every command
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) {
      if (const auto why = accord::cli::explain_unknown_word(app, argc, argv)) {
        std::cerr << "accord: " << *why << "\n";
        return accord::cli::kExitInvalidInput;
      }
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : accord::cli::kExitInvalidInput;
  } catch (const accord::cli::Exit& e) {
    if (!e.message.empty()) std::cerr << "accord: " << e.message << "\n";
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "accord: internal error: " << e.what() << "\n";
    return accord::cli::kExitInternal;
  }
  return accord::cli::kExitOk;
}

// The one symbol a command module exports: its registered commands (cli_modules.cpp loads it).
// Each command is wrapped so that, once added, its leaves get `--width`/`--wide` bound to this
// module's copy of the report library's text width (cli_common.cpp add_width_options).
#include "cli.hpp"

extern "C" __attribute__((visibility("default"))) std::vector<accord::cli::Command>* accord_cli_commands() {
  static std::vector<accord::cli::Command> wrapped = [] {
    std::vector<accord::cli::Command> out;
    for (const accord::cli::Command& c : accord::cli::command_registry())
      out.push_back({c.name, c.order, [add = c.add](CLI::App& app) {
                       add(app);
                       accord::cli::add_width_options(app);
                     }});
    return out;
  }();
  return &wrapped;
}

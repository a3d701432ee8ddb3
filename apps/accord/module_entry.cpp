// The one symbol a command module exports: its registered commands (cli_modules.cpp loads it).
#include "cli.hpp"

extern "C" __attribute__((visibility("default"))) std::vector<accord::cli::Command>* accord_cli_commands() {
  return &accord::cli::command_registry();
}

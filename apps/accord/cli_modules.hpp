#pragma once
// The executable's side of the command modules (apps/accord/CMakeLists.txt): which modules a
// command line needs, and loading them.
#include <CLI/CLI.hpp>

namespace accord::cli {

// Adds to `app` the commands this command line needs, sorted by ORDER then name: none for a
// bare `--version`, the module(s) of argv[1] when it names a command, every module
// otherwise (`--help`, a mistyped command, `completion`, `man`). Throws Exit{1} when a module
// cannot be loaded.
void add_commands(CLI::App& app, int argc, const char* const* argv);

}  // namespace accord::cli

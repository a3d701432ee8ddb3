#pragma once
// The command tree as data, read from the CLI11 definition, for the generated shell completion
// (cmd_completion.cpp) and man page (cmd_man.cpp): one definition, no hand-kept copies.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace accord::cli {

struct OptionDoc {
  std::vector<std::string> names;  // "-o", "--output"; for a positional its name ("SCENARIO")
  std::string type;                // "TEXT", "UINT", ...; empty for a flag
  std::string description;
  std::vector<std::string> values;  // the accepted words when known (IsMember, concepts, agents)
  bool positional = false;
  bool required = false;
  bool scenario = false;  // a positional taking a built-in scenario name or a file
};

struct CommandDoc {
  std::string path;  // "import genius"; empty for the root
  std::string description;
  std::string footer;
  std::vector<OptionDoc> options;  // flags and options, then positionals, in definition order
  std::vector<CommandDoc> subcommands;
};

// The tree under `app` (the root `accord` app), subcommands in --help order.
CommandDoc describe_tree(CLI::App& app);

// Every command of the tree, depth first (the root first).
std::vector<const CommandDoc*> flatten(const CommandDoc& root);

}  // namespace accord::cli

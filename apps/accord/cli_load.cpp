// Loading a scenario with the reader's limits, for commands that expose them.
#include <iostream>

#include "accord/io/builtin.hpp"
#include "cli.hpp"

namespace accord::cli {

Scenario load_or_exit(const std::string& name_or_path, const io::LoadOptions& options, bool quiet_warnings) {
  io::LoadResult r = io::load_scenario(name_or_path, options);
  for (const auto& d : r.outcome.diagnostics)
    if (d.severity == Severity::error || !quiet_warnings) std::cerr << d.to_string() << "\n";
  if (!r.ok()) {
    const std::size_t errors = count(r.outcome.diagnostics, Severity::error);
    throw Exit{kExitInvalidInput, name_or_path + ": invalid scenario (" + std::to_string(errors) +
                                      (errors == 1 ? " error)" : " errors)")};
  }
  return std::move(*r.scenario);
}

void add_reader_options(CLI::App* cmd, io::LoadOptions& options) {
  cmd->add_option("--max-input-nodes", options.max_nodes,
                  "Refuse input with more YAML/JSON nodes than this after expanding aliases")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  auto* mib = cmd->add_option_function<std::size_t>(
      "--max-table-mib", [&options](std::size_t v) { options.max_table_bytes = v << 20; },
      "Refuse scenarios whose preference and stance tables would need more memory (MiB; default " +
          std::to_string(io::kMaxScenarioTableBytes >> 20) + ")");
  mib->check(CLI::PositiveNumber);
}

}  // namespace accord::cli

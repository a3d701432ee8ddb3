// `accord import FORMAT ...`: the parent of every importer subcommand (genius, gmcr, ...).
#include "cli.hpp"

namespace accord::cli {

CLI::App* import_command(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return a->get_name() == "import"; }))
    return sub;
  auto* cmd = app.add_subcommand("import", "Import a scenario from another tool's format");
  cmd->require_subcommand(1);
  cmd->footer("Example:\n  accord import genius DOMAIN.xml A.xml B.xml -o scenario.yaml");
  return cmd;
}

}  // namespace accord::cli

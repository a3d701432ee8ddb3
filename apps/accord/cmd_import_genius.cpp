// `accord import genius DOMAIN.xml PROFILE.xml... -o scenario.yaml`
#include <iostream>

#include "accord/io/genius.hpp"
#include "accord/io/scenario_io.hpp"
#include "cli.hpp"

namespace accord::cli {

namespace {

void add_import_genius(CLI::App& app) {
  auto* cmd = import_command(app)->add_subcommand(
      "genius", "GENIUS XML (ANAC): a domain file and one profile per party");
  cmd->footer("Example:\n  accord import genius laptop_domain.xml laptop_buyer_utility.xml "
              "laptop_seller_utility.xml -o laptop.yaml\n"
              "Parties are named after the profile files (override with --party-ids), in the "
              "order given. Utilities equal GENIUS's scoring (docs/bargain.md).");
  struct Opts {
    std::vector<std::string> files, party_ids;
    std::string output = "-";
    bool json = false, quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILES", o->files, "DOMAIN.xml PROFILE.xml...")->required()->expected(2, -1);
  cmd->add_option("-o,--output", o->output, "Output file (- = stdout)")->capture_default_str();
  cmd->add_option("--party-ids", o->party_ids, "Party ids, one per profile")->delimiter(',');
  cmd->add_flag("--json", o->json, "Write JSON instead of YAML");
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print warnings");
  cmd->callback([o] {
    const Scenario s = import_genius_or_exit(o->files, o->party_ids, o->quiet);
    write_output(o->output, io::write_scenario(s, o->json ? io::TextFormat::json : io::TextFormat::yaml));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("import genius", 60, add_import_genius);

}  // namespace accord::cli

// `accord import genius DOMAIN.xml PROFILE.xml... -o scenario.yaml`
#include <iostream>

#include "accord/io/genius.hpp"
#include "accord/io/genius_folder.hpp"
#include "accord/io/scenario_io.hpp"
#include "cli.hpp"

namespace accord::cli {

Scenario import_genius_or_exit(const std::vector<std::string>& files,
                               const std::vector<std::string>& party_ids, bool quiet_warnings) {
  if (files.size() < 2)
    throw Exit{kExitInvalidInput, "--genius needs DOMAIN.xml and at least one PROFILE.xml"};
  io::GeniusOptions options;
  options.party_ids = party_ids;
  const io::GeniusImport r = io::import_genius(files.front(), {files.begin() + 1, files.end()}, options);
  for (const Diagnostic& d : r.outcome.diagnostics)
    if (d.severity == Severity::error || !quiet_warnings) std::cerr << d.to_string() << "\n";
  if (!r.ok()) throw Exit{kExitInvalidInput, files.front() + ": cannot import the GENIUS files"};
  return *r.scenario;
}

Scenario scenario_or_genius_or_exit(const std::string& scenario, bool scenario_given,
                                    const std::vector<std::string>& genius, bool quiet_warnings) {
  if (!genius.empty() && scenario_given)
    throw Exit{kExitInvalidInput, "give either SCENARIO or --genius files, not both"};
  if (genius.empty()) return load_or_exit(scenario, quiet_warnings);
  std::string error;
  const std::vector<std::string> files = io::expand_genius_arguments(genius, error);
  if (!error.empty()) throw Exit{kExitInvalidInput, error};
  return import_genius_or_exit(files, {}, quiet_warnings);
}

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

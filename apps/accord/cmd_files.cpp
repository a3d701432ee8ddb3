// accord validate | convert | scenarios
#include <iostream>
#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/files.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

void add_validate(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check a scenario file and print every problem found")
                  ->footer("Example:\n  accord validate scenarios/geneva-2025.yaml\n"
                           "Prints FILE:LINE:COLUMN: error: FIELD (ENTITY): what was found; what "
                           "was expected.\nExit 0 when valid (warnings allowed), 2 when invalid.");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto out = std::make_shared<std::string>("-");
  auto budget = std::make_shared<BudgetFlags>();
  auto load = std::make_shared<io::LoadOptions>();
  cmd->add_option("SCENARIO", *file, "Scenario file or built-in name")->required();
  cmd->add_flag("--json", *json, "Print the diagnostics as JSON");
  cmd->add_option("-o,--output", *out, "Output file (default: standard output)");
  add_budget_options(cmd, *budget);
  add_reader_options(cmd, *load);
  cmd->callback([file, json, out, budget, load] {
    load->deadline = budget->deadline();
    io::LoadResult r = io::load_scenario(*file, *load);
    const std::size_t errors = count(r.outcome.diagnostics, Severity::error);
    const std::size_t warnings = count(r.outcome.diagnostics, Severity::warning);
    if (*json) {
      write_output(*out, report::validation_json(*file, r).dump(2) + "\n");
    } else {
      for (const auto& d : r.outcome.diagnostics) std::cerr << d.to_string() << "\n";
      if (r.ok())
        write_output(*out, *file + ": valid scenario `" + r.scenario->id + "` (" +
                               counted(r.scenario->parties.size(), "party") + ", " +
                               counted(r.scenario->issues.size(), "issue") + ", " +
                               counted(r.scenario->versions.size(), "version") + "; " +
                               counted(warnings, "warning") + ")\n");
    }
    if (!r.ok())
      throw Exit{kExitInvalidInput, *json ? "" : *file + ": invalid scenario (" + std::to_string(errors) +
                                                     (errors == 1 ? " error)" : " errors)")};
  });
}

void add_convert(CLI::App& app) {
  auto* cmd = app.add_subcommand("convert", "Convert a scenario between YAML and JSON (lossless)")
                  ->footer("Example:\n  accord convert geneva-2025 --to json -o geneva.json");
  auto file = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>("yaml");
  auto out = std::make_shared<std::string>("-");
  auto budget = std::make_shared<BudgetFlags>();
  auto load = std::make_shared<io::LoadOptions>();
  cmd->add_option("SCENARIO", *file, "Scenario file or built-in name")->required();
  cmd->add_option("--to", *to, "Output format: yaml or json")->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_option("-o,--output", *out, "Output file (default: standard output)");
  add_budget_options(cmd, *budget);
  add_reader_options(cmd, *load);
  cmd->callback([file, to, out, budget, load] {
    load->deadline = budget->deadline();
    const Scenario s = load_or_exit(*file, *load, true);
    write_output(*out, io::write_scenario(s, *to == "json" ? io::TextFormat::json : io::TextFormat::yaml));
  });
}

void add_scenarios(CLI::App& app) {
  auto* cmd = app.add_subcommand("scenarios", "List the built-in scenarios");
  auto json = std::make_shared<bool>(false);
  auto out = std::make_shared<std::string>("-");
  cmd->add_flag("--json", *json, "Print as JSON");
  cmd->add_option("-o,--output", *out, "Output file (default: standard output)");
  cmd->callback([json, out] {
    std::vector<report::ScenarioListing> list;
    std::string text;
    for (const auto& name : io::builtin_scenario_names()) {
      io::LoadResult r = io::load_scenario(name);
      list.push_back({name, r.ok() ? r.scenario->title : "(invalid)"});
      text += name + "  " + list.back().title + "\n";
    }
    write_output(*out, *json ? report::scenario_list_json(list).dump(2) + "\n" : text);
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("validate", 10, add_validate);
ACCORD_REGISTER_COMMAND("convert", 11, add_convert);
ACCORD_REGISTER_COMMAND("scenarios", 12, add_scenarios);

}  // namespace accord::cli

// `accord mediate SCENARIO|--genius … --voters hill|anneal[,…] --steps N [--from VERSION]
//  [--parties A,B] [--seed S] [--temperature T] [--json] [-o FILE] [--max-seconds S]`
#include <nlohmann/json.hpp>

#include "accord/engines/mediate.hpp"
#include "accord/report/mediate.hpp"
#include "cli.hpp"

namespace accord::cli {

namespace {

void add_mediate(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "mediate", "Mediated single-text protocol (Klein et al. 2003), simulated: hill-climbing or annealing voters");
  cmd->footer(
      "Examples:\n  accord mediate geneva-2025 --voters hill --steps 2000 --from v20\n"
      "  accord mediate geneva-2025 --voters anneal --steps 5000 --seed 7 --json\n"
      "  accord mediate geneva-2025 --voters hill,anneal,hill --parties US,UA,RU --steps 1000\n"
      "  accord mediate --genius domain.xml a.xml b.xml --voters anneal --steps 1000\n"
      "  accord mediate --genius ItexvsCypress --voters hill --steps 500   # a GENIUS folder\n"
      "Rules, the temperature and the JSON shape: docs/mediate-and-tournament.md.");
  struct Opts {
    std::string scenario = "geneva-2025", from, output = "-";
    std::vector<std::string> voters{"hill"}, parties, genius;
    std::uint64_t steps = 1000, seed = 1;
    std::optional<double> temperature;
    bool json = false;
    BudgetFlags budget;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--genius", o->genius, "GENIUS input: a folder, or DOMAIN.xml PROFILE.xml...")->expected(1, -1);
  cmd->add_option("--voters", o->voters, "hill or anneal: one kind for every voter, or one per voter")
      ->delimiter(',')->capture_default_str();
  cmd->add_option("--steps", o->steps, "Variants the mediator proposes")->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
  cmd->add_option("--from", o->from, "Start from a framework version (each open issue at its first value crossing no voter's red line); "
                                     "default: the first package");
  cmd->add_option("--parties", o->parties, "The voters (default: roles party and mediator with preferences)")
      ->delimiter(',');
  cmd->add_option("--seed", o->seed, "Seed of the mediator's proposals and the annealers' draws")->capture_default_str();
  cmd->add_option("--temperature", o->temperature,
                  "Annealing: temperature at the first step (default: automatic, see the docs)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/mediate-and-tournament.md)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget);
  cmd->callback([o, cmd] {
    const Scenario s = scenario_or_genius_or_exit(o->scenario, cmd->count("SCENARIO") > 0, o->genius, o->json);
    mediate::Params params;
    params.parties = resolve_parties(s, o->parties);
    params.voters.clear();
    for (const std::string& v : o->voters) {
      const auto kind = mediate::parse_voter(v);
      if (!kind) throw Exit{kExitInvalidInput, "unknown voter `" + v + "` in --voters (expected hill or anneal)"};
      params.voters.push_back(*kind);
    }
    params.steps = o->steps;
    params.seed = o->seed;
    params.temperature = o->temperature;
    if (!o->from.empty()) {
      const VersionIndex v = s.find_version(o->from);
      if (!v.valid()) throw Exit{kExitInvalidInput, "unknown version `" + o->from + "` in --from"};
      params.start = s.version_package(v);
      params.start_version = v;
    }
    params.deadline = o->budget.deadline();
    const mediate::Result r = mediate::run(s, params);
    if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
    warn_if_partial(r.outcome.termination, "mediate");
    if (o->json) return write_output(o->output, report::mediate_json(s, r).dump(2) + "\n");
    write_output(o->output, report::mediate_text(s, r, report::Style::text));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("mediate", 8, add_mediate);

}  // namespace accord::cli

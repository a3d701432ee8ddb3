// `accord tournament (SCENARIO | --genius … | --domain FOLDER …) --agents A,B,… --rounds R
//  [--repeats K] [--seed S] [--threads T] [--parties P,Q] [--version V] [--json] [--csv FILE]`
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/tournament.hpp"
#include "accord/io/atomic_file.hpp"
#include "accord/io/genius_folder.hpp"
#include "accord/report/tournament.hpp"
#include "cli.hpp"
#ifdef ACCORD_MPI
#include "accord_mpi.hpp"
#endif

namespace accord::cli {

namespace {

struct Opts {
  std::string scenario = "geneva-2025", version, output = "-", csv;
  std::vector<std::string> agents, parties, genius, domains;
  std::size_t rounds = 0, threads = 0;
  std::uint64_t repeats = 1, seed = 0, max_sorted = 1'000'000;
  bool json = false, summary = false;
  BudgetFlags budget;
};

tournament::DomainSpec build_domain(const Scenario& s, const Opts& o, std::string name) {
  negotiate::DomainParams dp;
  dp.max_sorted = o.max_sorted;
  if (!o.parties.empty()) dp.parties = resolve_parties(s, o.parties);
  if (!o.version.empty()) {
    dp.version = s.find_version(o.version);
    if (!dp.version.valid()) throw Exit{kExitInvalidInput, "unknown version `" + o.version + "`"};
  }
  const negotiate::DomainBuild built = negotiate::Domain::build(s, dp);
  for (const Diagnostic& d : built.outcome.diagnostics)
    if (d.severity == Severity::warning && !o.json) std::cerr << d.to_string() << "\n";
  if (!built.ok()) throw Exit{kExitInvalidInput, name + ": " + built.outcome.message()};
  return {std::move(name), built.domain};
}

// A GENIUS domain from `--genius` arguments (a folder or DOMAIN.xml PROFILE.xml…), named after
// the folder or the domain file.
tournament::DomainSpec genius_domain(const std::vector<std::string>& args, const Opts& o) {
  std::string error;
  const std::vector<std::string> files = io::expand_genius_arguments(args, error);
  if (!error.empty()) throw Exit{kExitInvalidInput, error};
  const Scenario s = import_genius_or_exit(files, {}, o.json);
  const std::filesystem::path first(args.front());
  const std::string name = args.size() == 1 ? first.lexically_normal().filename().string() : first.stem().string();
  return build_domain(s, o, name.empty() ? first.parent_path().filename().string() : name);
}

void add_tournament(CLI::App& app) {
  auto* cmd = app.add_subcommand("tournament", "Every pairing of negotiation strategies (SAO), repeated, with outcome metrics");
  cmd->footer(
      "Examples:\n"
      "  accord tournament --genius ItexvsCypress "
      "--agents boulware,conceder,linear,hardliner --rounds 100 --repeats 10\n"
      "  accord tournament --domain ItexvsCypress --domain Laptop --agents micro,boulware,random --rounds 50 --csv runs.csv\n"
      "  accord tournament geneva-2025 --version v20 --parties UA,RU --agents linear,boulware,micro --rounds 50 --json\n"
      "Agents: as for `accord negotiate` (--list-agents there). Order, seeds, statistics, JSON and CSV:\n"
      "docs/mediate-and-tournament.md.");
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--genius", o->genius, "One GENIUS domain: a folder, or DOMAIN.xml PROFILE.xml...")->expected(1, -1);
  cmd->add_option("--domain", o->domains, "A GENIUS/ANAC folder; repeat for several domains")->take_all();
  cmd->add_option("--agents", o->agents, "The agents: every assignment of them to the parties plays")
      ->delimiter(',')->required();
  cmd->add_option("--rounds", o->rounds, "Deadline R >= 2 rounds")->required();
  cmd->add_option("--repeats", o->repeats, "Times each assignment is played (seeds differ)")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Tournament seed (each negotiation's seed derives from it)")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores); the result does not depend on it")
      ->capture_default_str();
  cmd->add_option("--parties", o->parties, "SCENARIO: negotiating parties in acting order")->delimiter(',');
  cmd->add_option("--version", o->version, "SCENARIO: fix the issues this version settles");
  cmd->add_option("--max-sorted", o->max_sorted, "As for `accord negotiate`")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/mediate-and-tournament.md)");
  cmd->add_flag("--summary", o->summary, "JSON without the per-negotiation list (`results`)");
  cmd->add_option("--csv", o->csv, "Also write one row per negotiation to this CSV file");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget);
  cmd->callback([o, cmd] {
    const bool genius = !o->genius.empty() || !o->domains.empty();
    if (genius && cmd->count("SCENARIO") > 0)
      throw Exit{kExitInvalidInput, "give either SCENARIO or --genius/--domain input, not both"};
    if (genius && (!o->parties.empty() || !o->version.empty()))
      throw Exit{kExitInvalidInput, "--parties and --version apply to a SCENARIO only"};
    tournament::Params params;
    params.agents = o->agents;
    params.rounds = o->rounds;
    params.repeats = o->repeats;
    params.seed = o->seed;
    params.threads = o->threads;
    if (const Outcome checked = tournament::check_params(params); !checked.ok())
      throw Exit{kExitInvalidInput, checked.message()};
    std::vector<tournament::DomainSpec> domains;
    if (!o->genius.empty()) domains.push_back(genius_domain(o->genius, *o));
    for (const std::string& folder : o->domains) domains.push_back(genius_domain({folder}, *o));
    if (!genius) {
      const Scenario s = load_or_exit(o->scenario, o->json);
      domains.push_back(build_domain(s, *o, s.id));
    }
    params.deadline = o->budget.deadline();
    params.progress = terminal_progress("tournament");
#ifdef ACCORD_MPI
    params.distribute = mpi::distributor(o->threads);  // empty unless under mpirun with 2+ ranks
#endif
    const tournament::Result r = tournament::run(domains, params);
    if (r.worker) return;  // an MPI worker rank: rank 0 reports
    if (!r.outcome.ok()) throw Exit{r.outcome.status == Status::internal ? kExitInternal : kExitInvalidInput, r.outcome.message()};
    warn_if_partial(r.outcome.termination, "tournament");
    if (!o->csv.empty()) {
      std::ostringstream csv;
      report::tournament_csv(r, csv);
      write_output(o->csv, csv.str());
    }
    const report::Names names = genius ? report::Names::genius : report::Names::ids;
    if (o->json) {
      auto write = [&](std::ostream& os) { return report::write_tournament_json(os, r, names, !o->summary); };
      if (o->output.empty() || o->output == "-") {
        if (!write(std::cout)) throw Exit{kExitInternal, "cannot write to standard output"};
      } else if (auto err = io::write_file_atomically(o->output, write)) {
        throw Exit{kExitInternal, *err};
      }
      return;
    }
    write_output(o->output, report::tournament_text(r, report::Style::text));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("tournament", 8, add_tournament);

}  // namespace accord::cli

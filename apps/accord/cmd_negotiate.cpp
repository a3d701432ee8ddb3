// `accord negotiate SCENARIO --agents A,B[,…] --rounds R [--parties P,Q,…] [--version V]
//  [--seed S] [--trace] [--json]`, or `--genius DOMAIN.xml PROFILE.xml…` / `--genius FOLDER`.
#include <iostream>
#include <nlohmann/json.hpp>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/report/negotiate.hpp"
#include "cli.hpp"

namespace accord::cli {

namespace {

std::string agent_list() {
  std::string out = "Agents (--agents, one per party in party order):\n";
  for (const auto& [name, summary] : negotiate::agent_names()) out += "  " + name + ": " + summary + "\n";
  return out;
}

void add_negotiate(CLI::App& app) {
  auto* cmd = app.add_subcommand("negotiate", "Simulate a negotiation between strategies (stacked alternating offers)");
  cmd->footer(
      "Examples:\n"
      "  accord negotiate geneva-2025 --version v20 --parties UA,RU --agents linear,hardliner --rounds 50\n"
      "  accord negotiate geneva-2025 --version v20 --parties UA,RU --agents boulware,conceder --rounds 20 --trace\n"
      "  accord negotiate geneva-2025 --version v20 --parties US,UA,RU --agents micro,micro,micro --rounds 100 --json\n"
      "  accord negotiate --genius ItexvsCypress_domain.xml ItexvsCypress_Itex.xml ItexvsCypress_Cypress.xml "
      "--agents boulware,conceder --rounds 100\n"
      "  accord negotiate --genius Atlas3 --agents tft,freq,random:7 --rounds 30   # a GENIUS folder\n"
      "Agents: hardliner, boulware, linear, conceder, timedep:E, micro, tft, freq, random[:SEED]\n"
      "(--list-agents describes them). Protocol, agent rules and the JSON shape: docs/negotiation.md.");
  struct Opts {
    std::string scenario = "geneva-2025", version, output = "-";
    std::vector<std::string> agents, parties, genius;
    std::size_t rounds = 0;
    std::uint64_t seed = 0, max_sorted = 1'000'000;
    bool trace = false, json = false, list = false;
    BudgetFlags budget;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--agents", o->agents, "One agent per party, in party order: A,B[,…]")->delimiter(',');
  cmd->add_option("--rounds", o->rounds, "Deadline R >= 2 rounds (one action by each party per round)");
  cmd->add_option("--parties", o->parties, "Negotiating parties in acting order (default: roles party and "
                                           "mediator with preferences; GENIUS: the profiles' order)")->delimiter(',');
  cmd->add_option("--version", o->version, "Fix the issues this version settles; negotiate over the open ones");
  cmd->add_option("--seed", o->seed, "Seed of the random agents (every run with the same seed is identical)")
      ->capture_default_str();
  cmd->add_flag("--trace", o->trace, "Show every action");
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/negotiation.md)");
  cmd->add_option("--genius", o->genius, "GENIUS input: a folder, or DOMAIN.xml PROFILE.xml... (parties in this order)")
      ->expected(1, -1);
  cmd->add_option("--max-sorted", o->max_sorted, "Sort every party's packages up to this many packages; "
                                                 "above it offers are found by search")->capture_default_str();
  cmd->add_flag("--list-agents", o->list, "List the agents and exit");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget, "At most this many actions (offers and acceptances)");
  cmd->callback([o, cmd] {
    if (o->list) return write_output(o->output, agent_list());
    if (o->agents.empty()) throw Exit{kExitInvalidInput, "--agents is required (one agent per party), e.g. --agents linear,hardliner"};
    if (o->rounds == 0) throw Exit{kExitInvalidInput, "--rounds is required (R >= 2), e.g. --rounds 50"};
    const Scenario s = scenario_or_genius_or_exit(o->scenario, cmd->count("SCENARIO") > 0, o->genius, o->json);
    negotiate::DomainParams dp;
    dp.max_sorted = o->max_sorted;
    dp.deadline = o->budget.deadline();
    if (!o->parties.empty()) dp.parties = resolve_parties(s, o->parties);
    if (!o->version.empty()) {
      dp.version = s.find_version(o->version);
      if (!dp.version.valid()) throw Exit{kExitInvalidInput, "unknown version `" + o->version + "`"};
    }
    const negotiate::DomainBuild built = negotiate::Domain::build(s, dp);
    for (const Diagnostic& d : built.outcome.diagnostics)
      if (d.severity == Severity::warning && !o->json) std::cerr << d.to_string() << "\n";
    if (!built.ok()) throw Exit{kExitInvalidInput, built.outcome.message()};
    negotiate::Params params;
    params.agents = o->agents;
    params.rounds = o->rounds;
    params.seed = o->seed;
    params.trace = o->trace;
    params.deadline = dp.deadline;
    params.max_actions = o->budget.max_nodes;
    negotiate::Result r = negotiate::run(*built.domain, params);
    if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
    for (const Diagnostic& d : built.outcome.diagnostics) r.outcome.diagnostics.push_back(d);
    warn_if_partial(r.outcome.termination, "negotiate");
    const report::Names names = o->genius.empty() ? report::Names::ids : report::Names::genius;
    if (o->json) return write_output(o->output, report::negotiate_json(built.domain.get(), r, names).dump(2) + "\n");
    write_output(o->output, report::negotiate_text(*built.domain, r, report::Style::text, names));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("negotiate", 8, add_negotiate);

}  // namespace accord::cli

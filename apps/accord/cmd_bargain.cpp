// `accord bargain [SCENARIO] [--version V] [--set I=O] [--parties A,B|all] [--pair A,B] [--json]
//  [-o FILE] [--max-seconds S] [--max-nodes N]`
#include <nlohmann/json.hpp>

#include "accord/engines/bargain.hpp"
#include "accord/report/bargain.hpp"
#include "cli.hpp"

namespace accord::cli {

namespace {

void add_bargain(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "bargain", "Zone of agreement, Pareto frontier, Nash/KS/egalitarian/utilitarian packages");
  cmd->footer(
      "Examples:\n  accord bargain geneva-2025\n"
      "  accord bargain geneva-2025 --version v20          # + closest acceptable package to v20\n"
      "  accord bargain my.yaml --set border=NOW --parties A,B --json\n"
      "  accord bargain geneva-2025 --version v20 --parties all   # stakeholders bargain too\n"
      "  accord bargain geneva-2025 --pair UA,RU --json -o ua-ru.json   # + the UA-RU frontier\n"
      "  accord bargain --genius laptop_domain.xml buyer.xml seller.xml\n"
      "Semantics, algorithms and the JSON shape: docs/bargain.md.");
  struct Opts {
    std::string scenario = "geneva-2025", version, output = "-";
    std::vector<std::string> sets, parties, pair, genius;
    bool json = false;
    std::size_t max_points = 1000;
    bargain::Params params;
    BudgetFlags budget;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--version", o->version, "Draft: a framework version (closest acceptable package)");
  cmd->add_option("--set", o->sets, "Draft: ISSUE=OPTION or ISSUE=NUMBER (on top of --version)");
  cmd->add_option("--parties", o->parties, "Bargaining parties, or `all` for every party with preferences "
                                           "(default: roles party and mediator with preferences)")->delimiter(',');
  cmd->add_option("--pair", o->pair, "Also the Pareto frontier of these two bargaining parties alone "
                                     "(whole space, red lines ignored), with the packages marked on it")
      ->delimiter(',')->expected(2);
  cmd->add_option("--genius", o->genius, "Analyse GENIUS XML directly: DOMAIN.xml PROFILE.xml...")
      ->expected(2, -1);
  cmd->add_option("--max-frontier", o->params.max_frontier,
                  "Abandon a Pareto frontier larger than this (then search; default 200000 for two "
                  "bargaining parties, 20000 for three or more)");
  cmd->add_option("--max-points", o->max_points, "Frontier points listed in the JSON")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/bargain.md)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget, "Branch-and-bound nodes for the zone count and for each solution search");
  cmd->callback([o, cmd] {
    if (!o->genius.empty() && cmd->count("SCENARIO") > 0)
      throw Exit{kExitInvalidInput, "give either SCENARIO or --genius files, not both"};
    const Scenario s = o->genius.empty() ? load_or_exit(o->scenario, o->json)
                                         : import_genius_or_exit(o->genius, {}, o->json);
    bargain::Params params = o->params;
    const bool all = o->parties.size() == 1 && o->parties[0] == "all";
    params.parties = all ? bargain::parties_with_preferences(s) : resolve_parties(s, o->parties);
    if (!o->pair.empty()) {
      std::array<PartyIndex, 2> pair;
      for (std::size_t j = 0; j < 2; ++j)
        if (!(pair[j] = s.find_party(o->pair[j])).valid())
          throw Exit{kExitInvalidInput, "unknown party `" + o->pair[j] + "` in --pair"};
      params.pair = pair;
    }
    if (o->budget.max_nodes > 0) params.max_search_nodes = params.max_count_nodes = o->budget.max_nodes;
    params.progress = terminal_progress("bargain");
    if (!o->version.empty() || !o->sets.empty()) {
      Package draft(s.issues.size());
      if (!o->version.empty()) {
        const VersionIndex v = version_or_exit(s, o->version);
        draft = s.version_package(v);
        if (o->sets.empty()) params.draft_version = v;
      }
      params.draft = apply_settings(s, draft, o->sets);
    }
    params.deadline = o->budget.deadline();
    const bargain::Result r = bargain::run(s, params);
    if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
    warn_if_partial(r.outcome.termination, "bargain");
    if (o->json) return write_output(o->output, report::bargain_json(s, r, o->max_points).dump(2) + "\n");
    write_output(o->output, "Bargaining analysis: " + s.title + "\n\n" + report::bargain_text(s, r, report::Style::text) +
                                report::bargain_sources_text(s, r));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("bargain", 4, add_bargain);

}  // namespace accord::cli

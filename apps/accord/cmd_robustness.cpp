// `accord robustness [SCENARIO] [--finding KIND ...] [--version V] [--all-inputs] [--tolerance T]
//  [--json] [--markdown] [-o FILE] [--max-seconds S] [--max-nodes N]`
// Which estimated inputs flip each headline finding (docs/robustness.md).
#include <nlohmann/json.hpp>

#include "accord/engines/robustness.hpp"
#include "accord/report/robustness.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

void add_robustness(CLI::App& app) {
  auto* cmd = app.add_subcommand("robustness", "Which estimated inputs can flip each headline finding");
  cmd->footer(
      "Examples:\n  accord robustness geneva-2025\n"
      "  accord robustness geneva-2025 --finding verdicts --finding zone\n"
      "  accord robustness geneva-2025 --finding closest --json -o closest.json\n"
      "  accord robustness geneva-2025 --finding readiness\n"
      "Findings: zone, closest, verdicts, status_quo, forecast, readiness (default: all).\n"
      "Method, definitions and the JSON shape: docs/robustness.md.");
  struct Opts {
    std::string scenario = "geneva-2025", version, output = "-";
    std::vector<std::string> findings;
    bool json = false, markdown = false, all_inputs = false, smallest = false;
    double tolerance = 1e-4;
    std::size_t rows = 20;
    BudgetFlags budget;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--finding", o->findings, "zone | closest | verdicts | status_quo | forecast | readiness (repeatable)")
      ->check(CLI::IsMember({"zone", "closest", "verdicts", "status_quo", "forecast", "readiness"}));
  cmd->add_option("--version", o->version, "The text verdicts and the closest deal are about (default: latest)");
  cmd->add_flag("--all-inputs", o->all_inputs, "Move sourced inputs too, not only estimates");
  cmd->add_flag("--smallest", o->smallest, "Stop each finding at its smallest flip (as `accord report`)");
  cmd->add_option("--tolerance", o->tolerance, "Bisection tolerance of swept thresholds")->capture_default_str();
  cmd->add_option("--rows", o->rows, "Flips listed per finding in text (JSON lists all)")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/robustness.md)");
  cmd->add_flag("--markdown", o->markdown, "Print Markdown");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget, "At most this many engine runs per engine");
  cmd->callback([o] {
    if (!(o->tolerance > 0.0 && o->tolerance < 1.0)) throw Exit{kExitInvalidInput, "--tolerance must be in (0, 1)"};
    const Scenario s = load_or_exit(o->scenario, o->json);
    robustness::Params params;
    for (const std::string& f : o->findings) params.findings.push_back(*robustness::parse_finding_kind(f));
    if (!o->version.empty()) params.version = version_or_exit(s, o->version);
    params.estimates_only = !o->all_inputs;
    params.smallest_only = o->smallest;
    params.tolerance = o->tolerance;
    if (o->budget.max_nodes > 0) params.max_evaluations = o->budget.max_nodes;  // engine runs per engine
    params.deadline = o->budget.deadline();
    const robustness::Result r = robustness::run(s, params);
    if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
    warn_if_partial(r.outcome.termination, "robustness");
    if (o->json) return write_output(o->output, report::robustness_json(s, r).dump(2) + "\n");
    write_output(o->output, report::robustness_text(s, r, o->markdown ? report::Style::markdown : report::Style::text,
                                                    o->rows));
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("robustness", 7, add_robustness);

}  // namespace accord::cli

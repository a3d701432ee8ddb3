// accord evaluate | diff | report
#include <nlohmann/json.hpp>

#include "accord/report/analysis.hpp"
#include "accord/report/diff.hpp"
#include "accord/report/evaluate.hpp"
#include "accord/report/html.hpp"
#include "accord/report/sections.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

void add_evaluate(CLI::App& app) {
  auto* cmd = app.add_subcommand("evaluate", "Evaluate a draft: utilities, red lines, consensus, readiness")
                  ->footer("Examples:\n  accord evaluate geneva-2025 --version v20\n"
                           "  accord evaluate geneva-2025 --version v20 --set territory_donbas=D_FEZ --json\n"
                           "  accord evaluate my.yaml --set border=NOW --set troops=40");
  struct Opts {
    std::string scenario = "geneva-2025", version, output = "-";
    std::vector<std::string> sets;
    bool json = false;
    evaluate::Params params;
    BudgetFlags budget;
    io::LoadOptions load;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_option("--version", o->version, "Framework version to evaluate (default: the latest)");
  cmd->add_option("--set", o->sets, "ISSUE=OPTION or ISSUE=NUMBER; overrides the version's setting");
  cmd->add_option("--max-open-points", o->params.max_open_points,
                  "Readiness: at most K points may lack universal acceptance")->capture_default_str();
  cmd->add_option("--max-open-salience", o->params.max_open_salience,
                  "Readiness: each open point must weigh less than S for every signatory")
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/cli.md)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget);
  add_reader_options(cmd, o->load);
  cmd->callback([o] {
    o->params.deadline = o->load.deadline = o->budget.deadline();
    const Scenario s = load_or_exit(o->scenario, o->load, o->json);
    evaluate::Result r;
    if (!o->sets.empty() && o->version.empty() && s.versions.empty()) {
      r = evaluate::run_package(s, apply_settings(s, {}, o->sets), o->params);
    } else {
      if (s.versions.empty())
        throw Exit{kExitInvalidInput, "the scenario has no framework versions; use --set ISSUE=OPTION"};
      const VersionIndex v = o->version.empty() ? VersionIndex(s.versions.size() - 1)
                                                : version_or_exit(s, o->version);
      if (o->sets.empty()) {
        r = evaluate::run_version(s, v, o->params);
      } else {
        r = evaluate::run_package(s, apply_settings(s, s.version_package(v), o->sets), o->params);
        r.version = VersionIndex();
      }
    }
    if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
    warn_if_partial(r.outcome.termination, "evaluate");
    if (o->json) return write_output(o->output, report::evaluate_json(s, r, o->params).dump(2) + "\n");
    write_output(o->output, report::evaluate_text(s, r, report::Style::text));
  });
}

void add_diff(CLI::App& app) {
  auto* cmd = app.add_subcommand("diff", "Show how one framework version became another")
                  ->footer("Examples:\n  accord diff v28 v20                # built-in geneva-2025\n"
                           "  accord diff my.yaml d1 d2 --json -o diff.json\n"
                           "  accord diff v19 v20 --redline       # word-level insertions and deletions");
  struct Opts {
    std::vector<std::string> args;  // [SCENARIO] V1 V2
    std::string output = "-";
    bool json = false, markdown = false, redline = false, html = false;
    BudgetFlags budget;
    io::LoadOptions load;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("ARGS", o->args,
                  "[SCENARIO] V1 V2: a built-in name or scenario file (default geneva-2025), the earlier "
                  "and the later version")
      ->type_name("")
      ->required()
      ->expected(2, 3);
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/cli.md)");
  cmd->add_flag("--markdown", o->markdown, "Print Markdown");
  cmd->add_flag("--redline", o->redline,
                "Also the word-level insertions and deletions of every amended point ([-deleted-]{+inserted+}; "
                "JSON: \"redline\")");
  cmd->add_flag("--html", o->html, "With --redline: a self-contained HTML page (<del>/<ins>)");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output");
  add_budget_options(cmd, o->budget);
  add_reader_options(cmd, o->load);
  cmd->callback([o] {
    if (int(o->json) + int(o->markdown) + int(o->html) > 1)
      throw Exit{kExitInvalidInput, "choose one of --json, --markdown and --html"};
    if (o->html && !o->redline) throw Exit{kExitInvalidInput, "--html needs --redline"};
    const bool named = o->args.size() == 3;
    const std::string& v1 = o->args[named ? 1 : 0];
    const std::string& v2 = o->args[named ? 2 : 1];
    const Deadline deadline = o->load.deadline = o->budget.deadline();
    const Scenario s = load_or_exit(named ? o->args[0] : std::string("geneva-2025"), o->load, o->json);
    const diff::Result r = diff::run(s, version_or_exit(s, v1), version_or_exit(s, v2), {deadline});
    warn_if_partial(r.outcome.termination, "diff");
    if (!o->redline) {
      if (o->json) return write_output(o->output, report::diff_json(s, r).dump(2) + "\n");
      return write_output(o->output, report::diff_text(s, r, o->markdown ? report::Style::markdown : report::Style::text));
    }
    const redline::Result red = redline::run(s, r, deadline);
    warn_if_partial(red.outcome.termination, "diff --redline");
    if (o->json) return write_output(o->output, report::diff_json(s, r, &red).dump(2) + "\n");
    if (o->html) return write_output(o->output, report::diff_html(s, r, red));
    const auto style = o->markdown ? report::Style::markdown : report::Style::text;
    write_output(o->output, report::diff_text(s, r, style) + "\n" + report::redline_text(s, red, style));
  });
}

enum class ReportFormat { text, markdown, json, html };

// The report of one analysis in the chosen format; `ends` receives how each section ended.
std::string render_report(const Scenario& s, const report::ScenarioAnalysis& a, ReportFormat format,
                          report::SectionTerminations& ends) {
  switch (format) {
    case ReportFormat::json: return report::full_report_json(s, a, &ends).dump(2) + "\n";
    case ReportFormat::html: return report::html_report(s, a, {}, &ends);
    case ReportFormat::markdown: return report::full_report_text(s, a, report::Style::markdown, &ends);
    case ReportFormat::text: break;
  }
  return report::full_report_text(s, a, report::Style::text, &ends);
}

void add_report(CLI::App& app) {
  auto* cmd = app.add_subcommand("report", "The whole analysis of a scenario (the main job)")
                  ->footer("Examples:\n  accord report                # built-in geneva-2025\n"
                           "  accord report my.yaml --markdown -o report.md\n"
                           "  accord report --json | jq .evaluations\n"
                           "  accord report geneva-2025 --version v19   # the text as it stood at v19\n"
                           "  accord report my.yaml --html -o report.html   # one self-contained file");
  struct Opts {
    std::string scenario = "geneva-2025", output = "-", version;
    bool json = false, markdown = false, html = false;
    report::ReportOptions options;
    BudgetFlags budget;
    io::LoadOptions load;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("SCENARIO", o->scenario, "Built-in name or scenario file")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/cli.md)");
  cmd->add_flag("--markdown", o->markdown, "Print Markdown");
  cmd->add_flag("--html", o->html, "Print the report with charts as one self-contained HTML file");
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output (-: standard output)");
  cmd->add_option("--version", o->version,
                  "Report the text as it stood at this version: later versions are left out (default: all)");
  cmd->add_option("--max-open-points", o->options.evaluate.max_open_points, "Readiness: K")
      ->capture_default_str();
  cmd->add_option("--max-open-salience", o->options.evaluate.max_open_salience, "Readiness: S")
      ->capture_default_str();
  cmd->add_option("--max-listed-parties", o->options.limits.listed_parties,
                  "Above this many parties, list the first ones and give stances as counts")
      ->capture_default_str();
  cmd->add_option("--max-bargain-parties", o->options.limits.bargain_parties,
                  "Skip bargaining above this many bargaining parties (it says so)")
      ->capture_default_str();
  cmd->add_option("--max-forecast-actors", o->options.limits.forecast_actors,
                  "Skip the forecast section above this many actors (it says so)")
      ->capture_default_str();
  cmd->add_option("--max-gmcr-options", o->options.limits.gmcr_options,
                  "Skip the stability section above this many conflict options (it says so)")
      ->capture_default_str();
  add_budget_options(cmd, o->budget, "Nodes for the bargaining section's searches and turns for the forecast's");
  add_reader_options(cmd, o->load);
  cmd->callback([o] {
    if (o->json + o->markdown + o->html > 1) throw Exit{kExitInvalidInput, "choose one of --json, --markdown and --html"};
    const ReportFormat format = o->html ? ReportFormat::html
                                : o->json ? ReportFormat::json
                                : o->markdown ? ReportFormat::markdown : ReportFormat::text;
    o->options.deadline = o->load.deadline = o->budget.deadline();
    o->options.max_nodes = o->budget.max_nodes;
    o->options.scenario_arg = o->scenario;
    Scenario s = load_or_exit(o->scenario, o->load, o->json);
    // Points only derive from earlier versions, so dropping the later ones leaves a whole scenario.
    if (!o->version.empty()) s.versions.resize(version_or_exit(s, o->version).get() + 1);
    report::SectionTerminations sections;
    write_output(o->output, render_report(s, report::analyse(s, o->options), format, sections));
    for (const auto& st : sections) warn_if_partial(st.termination, "report section `" + st.section + "`");
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("report", 1, add_report);
ACCORD_REGISTER_COMMAND("evaluate", 2, add_evaluate);
ACCORD_REGISTER_COMMAND("diff", 3, add_diff);

}  // namespace accord::cli

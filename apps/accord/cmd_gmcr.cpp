// accord gmcr: stability analysis of a scenario's `conflict:` section or a gmcr-py file.
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "accord/engines/gmcr.hpp"
#include "accord/io/atomic_file.hpp"
#include "accord/io/gmcr_py.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/gmcr_graph.hpp"
#include "cli.hpp"
#include "gmcr_inverse_cli.hpp"

namespace accord::cli {
namespace {

struct Opts {
  std::string source = "geneva-2025";
  std::string concepts = "nash,gmr,smr,seq,sim,seq_sim";
  std::string sanctions = "standard";
  std::string coalition;
  bool coalitions = false;
  std::string explain;
  std::string include;  // empty: every part, each up to report::kGmcrListedByDefault entries
  std::string output = "-";
  std::string svg;  // the state graph as SVG to this file (docs/gmcr.md "The graph")
  std::size_t svg_max_nodes = report::kGmcrGraphMaxNodes;
  bool json = false;
  bool all = false;
  BudgetFlags budget;
  InverseFlags inverse;
  double max_memory_mib = static_cast<double>(gmcr::kDefaultMaxMemory >> 20);
};

// The conflict and, when it comes from a scenario, the scenario's id.
std::pair<Conflict, std::string> conflict_or_exit(const std::string& source, bool quiet) {
  if (io::is_gmcr_py_path(source)) {
    io::GmcrPyImport r = io::import_gmcr_py_file(source);
    for (const auto& d : r.outcome.diagnostics)
      if (d.severity == Severity::error || !quiet) std::cerr << d.to_string() << "\n";
    if (!r.ok()) throw Exit{kExitInvalidInput, source + ": cannot import the gmcr-py file"};
    return {std::move(*r.conflict), ""};
  }
  Scenario s = load_or_exit(source, quiet);
  if (!s.conflict)
    throw Exit{kExitInvalidInput, source + ": the scenario has no `conflict:` section; expected one "
                                           "(docs/gmcr.md), or give a gmcr-py .gmcr file"};
  return {std::move(*s.conflict), s.id};
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, sep);)
    if (!item.empty()) out.push_back(item);
  return out;
}

gmcr::Params params_or_exit(const Conflict& c, const Opts& o) {
  gmcr::Params p;
  p.deadline = o.budget.deadline();
  p.max_memory = static_cast<std::uint64_t>(o.max_memory_mib * 1048576.0);
  p.concepts.clear();
  for (const auto& name : split(o.concepts, ',')) {
    auto k = gmcr::parse_concept(name);
    if (!k)
      throw Exit{kExitInvalidInput,
                 "unknown concept `" + name + "` in --concepts; expected nash, gmr, smr, seq, sim or seq_sim"};
    p.concepts.push_back(*k);
  }
  const auto rule = gmcr::parse_sanctions(o.sanctions);
  if (!rule) throw Exit{kExitInvalidInput, "unknown rule `" + o.sanctions + "` in --sanctions; expected standard or gmcr-py"};
  p.sanctions = *rule;
  // A gmcr-py file: say when gmcr-py's own rule would give other equilibria.
  p.compare_sanctions = io::is_gmcr_py_path(o.source);
  p.coalitions = o.coalitions;
  for (const auto& id : split(o.coalition, '+')) {
    const DecisionMakerIndex d = c.find_decision_maker(id);
    if (!d.valid()) {
      std::vector<std::string> ids;
      for (const auto& dm : c.decision_makers) ids.push_back(dm.id);
      const std::string near = closest_match(id, ids);
      throw Exit{kExitInvalidInput, "unknown decision maker `" + id + "` in --coalition" +
                                        (near.empty() ? std::string() : "; did you mean `" + near + "`?")};
    }
    p.coalition.push_back(d);
  }
  return p;
}

report::GmcrJsonOptions json_options_or_exit(const Opts& o) {
  report::GmcrJsonOptions j;
  if (o.include.empty()) return j;  // every part, up to the default size
  const report::GmcrPartsParse parts = report::parse_gmcr_parts(o.include);
  if (!parts.ok()) throw Exit{kExitInvalidInput, "--include: " + parts.outcome.message()};
  j.include = *parts.parts;
  j.max_listed = 0;  // what the user asked for, whatever its size
  return j;
}

void note_omitted(const std::vector<report::GmcrOmitted>& omitted) {
  if (omitted.empty()) return;
  std::string parts;
  for (const auto& p : omitted) parts += (parts.empty() ? "" : ", ") + p.part + " (" + std::to_string(p.entries) + ")";
  std::cerr << "note: listed as counts only, each over " << report::kGmcrListedByDefault
            << " entries: " << parts << "; --include all (or the parts wanted) lists them\n";
}

// One line on stderr when the other sanction rule gives other equilibria (gmcr-py files).
void note_sanction_differences(const gmcr::RunResult& r) {
  const gmcr::Analysis& a = *r.analysis;
  if (!a.sanction_differences || a.sanction_differences->empty()) return;
  std::string states;
  for (gmcr::StateIndex s : *a.sanction_differences) states += (states.empty() ? "" : ", ") + a.pattern(s);
  const bool py = a.sanctions == gmcr::Sanctions::gmcr_py;
  std::cerr << "note: " << a.sanction_differences->size() << " state(s) are equilibria under one sanction rule and "
            << "not the other: " << states << "; " << (py ? "--sanctions standard gives the standard definitions"
                                                           : "--sanctions gmcr-py reproduces gmcr-py")
            << " (docs/gmcr.md \"Sanction rules\")\n";
}

// Streams to stdout, or atomically to a file (docs/cli.md "Output files"): never held whole.
void emit(const std::string& output, const std::function<bool(std::ostream&)>& write) {
  if (output.empty() || output == "-") {
    if (!write(std::cout)) throw Exit{kExitInternal, "cannot write to standard output"};
    return;
  }
  if (auto err = io::write_file_atomically(output, write)) throw Exit{kExitInternal, *err};
}

void add_gmcr(CLI::App& app) {
  auto* cmd = app.add_subcommand("gmcr", "Conflict stability (GMCR): Nash, GMR, SMR, SEQ, SIM, SEQ+SIM, equilibria, status-quo paths")
                  ->footer("Examples:\n  accord gmcr geneva-2025\n  accord gmcr model.gmcr --concepts nash,seq --json\n"
                           "  accord gmcr geneva-2025 --coalition US+EU\n  accord gmcr geneva-2025 --explain NNYNNNN\n"
                           "  accord gmcr big.yaml --json --include equilibria,paths -o big.json\n"
                           "  accord gmcr Garrison.gmcr --sanctions gmcr-py\n"
                           "  accord gmcr geneva-2025 --coalitions\n"
                           "  accord gmcr geneva-2025 --svg geneva-graph.svg\n"
                           "Semantics, the `conflict:` format and the JSON shape: docs/gmcr.md.");
  auto o = std::make_shared<Opts>();
  cmd->add_option("SOURCE", o->source, "Scenario (built-in name or file) or gmcr-py .gmcr file")->capture_default_str();
  cmd->add_option("--concepts", o->concepts, "Comma-separated: nash,gmr,smr,seq,sim,seq_sim")->capture_default_str();
  cmd->add_option("--sanctions", o->sanctions,
                  "Sanction rule: standard (legal sequences of the opponents) or gmcr-py (one move by one opponent)")
      ->capture_default_str();
  cmd->add_option("--coalition", o->coalition, "Decision makers acting as one, e.g. US+EU");
  cmd->add_flag("--coalitions", o->coalitions,
                "Also coalition stability (Inohara & Hipel): Nash, GMR, SMR, SEQ over every coalition");
  cmd->add_option("--explain", o->explain, "Explain the stability of this state (pattern of Y/N)");
  cmd->add_flag("--all", o->all, "List every state in the table, not only equilibria");
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/gmcr.md)");
  cmd->add_option("--include", o->include,
                  "JSON: the parts to list, of equilibria,stability,paths,states (or all, none); default: "
                  "each part up to " + std::to_string(report::kGmcrListedByDefault) + " entries, counts above");
  cmd->add_option("--svg", o->svg, "Also draw the state graph (moves by decision maker, equilibria, status-quo paths) as SVG to this file");
  cmd->add_option("--svg-max-nodes", o->svg_max_nodes, "--svg: past this many states, draw states sharing the first decision makers' options as one node")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to a file instead of standard output")->capture_default_str();
  add_budget_options(cmd, o->budget, "With --inverse: at most this many candidate change sets (default 2,000,000)");
  cmd->add_option("--max-memory", o->max_memory_mib,
                  "Refuse an analysis whose estimated memory exceeds this many MiB")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  add_inverse_options(cmd, o->inverse);
  cmd->callback([o] {
    if (!o->include.empty() && !o->json) throw Exit{kExitInvalidInput, "--include applies to --json output"};
    const auto loaded = conflict_or_exit(o->source, o->json);
    const Conflict& c = loaded.first;
    if (o->inverse.asked() && !o->svg.empty()) throw Exit{kExitInvalidInput, "--svg draws the forward analysis; it does not apply with --inverse"};
    if (o->inverse.asked())
      return run_inverse(o->inverse, c, loaded.second, o->json, o->output, o->budget.deadline(), o->budget.max_nodes);
    gmcr::Params params = params_or_exit(c, *o);
    report::GmcrJsonOptions json = json_options_or_exit(*o);
    json.scenario = loaded.second;
    std::optional<StateCode> explain_code;
    if (!o->explain.empty()) {
      explain_code = parse_state_pattern(o->explain, c.options.size());
      if (!explain_code)
        throw Exit{kExitInvalidInput, "--explain `" + o->explain + "`: expected " +
                                          std::to_string(c.options.size()) + " characters Y or N"};
    }
    // --explain rebuilds the graph and searches on its own: the analysis leaves it half the time.
    const Deadline whole_run = params.deadline;
    if (explain_code && whole_run.limited()) params.deadline = whole_run.within(whole_run.seconds_left() / 2);
    const ProgressFn progress = c.options.size() >= 18 ? terminal_progress("gmcr") : nullptr;
    if (progress) progress(-1.0, std::to_string(std::size_t{1} << c.options.size()) + " states…");
    const gmcr::RunResult r = gmcr::analyse(c, params);
    if (progress) progress(1.0, "");
    if (!r.ok()) {
      for (const auto& d : r.outcome.diagnostics) std::cerr << d.to_string() << "\n";
      const Stop stop = r.outcome.termination.stop;
      throw Exit{kExitInvalidInput, o->source + (stop == Stop::memory_limit ? ": the analysis would exceed the memory limit"
                                                 : stop == Stop::time_limit ? ": no result within the time budget"
                                                                            : ": invalid conflict")};
    }
    warn_if_partial(r.outcome.termination, "the stability analysis");
    note_sanction_differences(r);
    if (!o->svg.empty()) {
      const report::GmcrGraph g = report::gmcr_graph(c, r, {.max_nodes = o->svg_max_nodes, .collapse_by = {}});
      if (!g.drawn || g.collapsed) std::cerr << "note: " << g.note << "\n";
      emit(o->svg, [&](std::ostream& os) { return static_cast<bool>(os << report::gmcr_graph_svg(c, *r.analysis, g) << "\n"); });
    }
    std::optional<gmcr::ExplainResult> explanation;
    if (explain_code) {
      explanation = gmcr::explain(c, *explain_code, r.analysis->concepts, whole_run);
      if (!explanation->ok()) throw Exit{kExitInvalidInput, explanation->outcome.message()};
      warn_if_partial(explanation->outcome.termination, "the explanation");
    }
    const gmcr::ExplainResult* why = explanation ? &*explanation : nullptr;
    if (!o->json)
      return emit(o->output, [&](std::ostream& os) {
        report::GmcrTextOptions text;
        text.all = o->all;
        text.explanation = why;
        report::write_gmcr_text(os, c, r, text);
        return static_cast<bool>(os.flush());
      });
    json.explanation = why;
    note_omitted(report::gmcr_omitted(r, json));
    emit(o->output, [&](std::ostream& os) { return report::write_gmcr_json(os, c, r, json); });
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("gmcr", 5, add_gmcr);

}  // namespace accord::cli

// `accord robustness [SCENARIO] [--finding KIND ...] [--version V] [--all-inputs] [--tolerance T]
//  [--json] [--markdown] [-o FILE] [--max-seconds S] [--max-nodes N]`
// Which estimated inputs flip each headline finding (docs/robustness.md).
#include <nlohmann/json.hpp>

#include "accord/engines/robustness.hpp"
#include "accord/report/robustness.hpp"
#include "cli.hpp"
#ifdef ACCORD_MPI
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "accord_mpi.hpp"
#endif

namespace accord::cli {
namespace {

#ifdef ACCORD_MPI
// Under mpirun (docs/scale.md "Robustness"): the work items are the engine's groups of
// findings — one engine each, swept independently, their run counts and budgets their own
// (docs/robustness.md) — run as separate robustness::run calls and merged in the engine's order,
// so the result is the plain run's. Finer items (sweep points) would need a hook in the engine.
namespace split {

using robustness::FindingKind;

// The engine's groups, in its run order: verdicts (evaluate), status quo (gmcr), zone and
// closest deal (one bargaining run gives both), forecast, readiness (stances). A finding kind
// the engine gains must be added here (the MPI test compares every finding with the plain run).
std::vector<std::vector<FindingKind>> groups(const std::vector<FindingKind>& wanted) {
  const std::vector<std::vector<FindingKind>> all = {{FindingKind::verdict},
                                                     {FindingKind::status_quo},
                                                     {FindingKind::zone, FindingKind::closest},
                                                     {FindingKind::forecast},
                                                     {FindingKind::readiness}};
  std::vector<std::vector<FindingKind>> out;
  for (const auto& g : all) {
    std::vector<FindingKind> kinds;
    for (const FindingKind k : g)
      if (wanted.empty() || std::find(wanted.begin(), wanted.end(), k) != wanted.end()) kinds.push_back(k);
    if (!kinds.empty()) out.push_back(std::move(kinds));
  }
  return out;
}

// A group's findings as bytes (native layout: every rank runs the same build).
struct Writer {
  std::string out;
  template <class T>
  void pod(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(const std::string& t) {
    pod<std::uint64_t>(t.size());
    out += t;
  }
};

struct Reader {
  const std::string& in;
  std::size_t at = 0;
  template <class T>
  T pod() {
    if (at + sizeof(T) > in.size()) throw std::runtime_error("robustness: truncated work item");
    T v;
    std::memcpy(&v, in.data() + at, sizeof v);
    at += sizeof v;
    return v;
  }
  std::string text() {
    const auto n = pod<std::uint64_t>();
    if (at + n > in.size()) throw std::runtime_error("robustness: truncated work item");
    std::string t = in.substr(at, n);
    at += n;
    return t;
  }
};

void write_input(Writer& w, const robustness::Input& in) {
  w.pod(in.kind);
  w.text(in.path);
  w.pod(in.party.value);
  w.pod(in.issue.value);
  w.pod(in.option.value);
  w.pod<std::uint64_t>(in.index);
  w.pod(in.decision_maker.value);
  w.pod(in.version.value);
  w.pod(in.point.value);
  for (const double x : {in.value, in.min, in.max}) w.pod(x);
  w.pod(in.estimate);
}

robustness::Input read_input(Reader& r) {
  robustness::Input in;
  in.kind = r.pod<robustness::InputKind>();
  in.path = r.text();
  in.party.value = r.pod<decltype(in.party.value)>();
  in.issue.value = r.pod<decltype(in.issue.value)>();
  in.option.value = r.pod<decltype(in.option.value)>();
  in.index = r.pod<std::uint64_t>();
  in.decision_maker.value = r.pod<decltype(in.decision_maker.value)>();
  in.version.value = r.pod<decltype(in.version.value)>();
  in.point.value = r.pod<decltype(in.point.value)>();
  for (double* x : {&in.value, &in.min, &in.max}) *x = r.pod<double>();
  in.estimate = r.pod<bool>();
  return in;
}

void write_flip(Writer& w, const robustness::Flip& f) {
  write_input(w, f.input);
  for (const double x : {f.threshold, f.holds_at, f.flips_at, f.move, f.relative}) w.pod(x);
  w.pod(f.method);
  w.pod(f.toggle);
  w.text(f.after);
  w.text(f.change);
  w.pod<std::uint64_t>(f.with.size());
  for (const robustness::Input& in : f.with) write_input(w, in);
}

robustness::Flip read_flip(Reader& r) {
  robustness::Flip f;
  f.input = read_input(r);
  for (double* x : {&f.threshold, &f.holds_at, &f.flips_at, &f.move, &f.relative}) *x = r.pod<double>();
  f.method = r.pod<robustness::Method>();
  f.toggle = r.pod<robustness::Toggle>();
  f.after = r.text();
  f.change = r.text();
  const auto with = r.pod<std::uint64_t>();
  for (std::uint64_t k = 0; k < with; ++k) f.with.push_back(read_input(r));
  return f;
}

std::string encode(const robustness::Result& r) {
  if (!r.outcome.ok()) throw std::runtime_error(r.outcome.message());
  Writer w;
  w.pod<std::uint64_t>(r.evaluations);
  w.pod<std::uint64_t>(r.unfinished);
  w.pod<std::uint64_t>(r.findings.size());
  for (const robustness::FindingResult& f : r.findings) {
    w.pod(f.kind);
    w.text(f.id);
    w.text(f.value);
    w.text(f.note);
    w.pod<std::uint64_t>(f.inputs_checked);
    w.pod<std::uint64_t>(f.inputs_total);
    w.pod(f.termination.stop);
    w.text(f.termination.detail);
    w.pod<std::uint64_t>(f.flips.size());
    for (const robustness::Flip& flip : f.flips) write_flip(w, flip);
  }
  return std::move(w.out);
}

// Adds one group's findings and counts to `r`.
void decode_into(const std::string& bytes, robustness::Result& r) {
  Reader in{bytes};
  r.evaluations += in.pod<std::uint64_t>();
  r.unfinished += in.pod<std::uint64_t>();
  const auto n = in.pod<std::uint64_t>();
  for (std::uint64_t i = 0; i < n; ++i) {
    robustness::FindingResult f;
    f.kind = in.pod<FindingKind>();
    f.id = in.text();
    f.value = in.text();
    f.note = in.text();
    f.inputs_checked = in.pod<std::uint64_t>();
    f.inputs_total = in.pod<std::uint64_t>();
    f.termination.stop = in.pod<Stop>();
    f.termination.detail = in.text();
    const auto flips = in.pod<std::uint64_t>();
    for (std::uint64_t k = 0; k < flips; ++k) f.flips.push_back(read_flip(in));
    r.findings.push_back(std::move(f));
  }
}

// The groups across the ranks; on the root, the result the plain run gives (findings in the
// kinds' order, counts summed, the termination of the first partial finding); nullopt on a
// worker rank.
std::optional<robustness::Result> run(const Scenario& s, const robustness::Params& params,
                                      const work::Distributor& distribute) {
  const auto gs = groups(params.findings);
  const work::ItemFn item = [&](std::size_t i) {
    robustness::Params p = params;
    p.findings = gs[i];
    return encode(robustness::run(s, p));
  };
  const work::Gathered g = distribute(gs.size(), item, params.deadline, terminal_progress("robustness"));
  if (!g.root) return std::nullopt;
  // The frame (version, parties) as the plain run has it, from a run with no findings to sweep.
  robustness::Params frame = params;
  frame.findings = {FindingKind::not_set};
  robustness::Result r = robustness::run(s, frame);
  r.findings.clear();
  for (const std::string& bytes : g.items) decode_into(bytes, r);
  auto rank = [](FindingKind k) {
    return std::find(std::begin(robustness::kAllFindingKinds), std::end(robustness::kAllFindingKinds), k) -
           std::begin(robustness::kAllFindingKinds);
  };
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [&](const auto& a, const auto& b) { return rank(a.kind) < rank(b.kind); });
  std::string partial;
  Stop first = g.stop == Stop::finished ? Stop::finished : g.stop;
  if (g.stop != Stop::finished) partial = "ran " + std::to_string(g.items.size()) + " of " + std::to_string(gs.size()) + " groups of findings";
  for (const auto& f : r.findings)
    if (!f.termination.finished()) {
      if (first == Stop::finished) first = f.termination.stop;
      partial += (partial.empty() ? "" : "; ") + f.id + ": " + f.termination.detail;
    }
  r.outcome = Outcome::success(first == Stop::finished ? Termination::done() : Termination{first, partial});
  return r;
}

}  // namespace split
#endif

struct Opts {
  std::string scenario = "geneva-2025", version, output = "-";
  std::vector<std::string> findings;
  bool json = false, markdown = false, all_inputs = false, smallest = false;
  double tolerance = 1e-4;
  std::size_t rows = 20;
  BudgetFlags budget;
};

void write(const Opts& o, const Scenario& s, const robustness::Result& r) {
  if (!r.outcome.ok()) throw Exit{kExitInvalidInput, r.outcome.message()};
  warn_if_partial(r.outcome.termination, "robustness");
  if (o.json) return write_output(o.output, report::robustness_json(s, r).dump(2) + "\n");
  write_output(o.output, report::robustness_text(s, r, o.markdown ? report::Style::markdown : report::Style::text,
                                                 o.rows));
}

void add_robustness(CLI::App& app) {
  auto* cmd = app.add_subcommand("robustness", "Which estimated inputs can flip each headline finding");
  cmd->footer(
      "Examples:\n  accord robustness geneva-2025\n"
      "  accord robustness geneva-2025 --finding verdicts --finding zone\n"
      "  accord robustness geneva-2025 --finding closest --json -o closest.json\n"
      "  accord robustness geneva-2025 --finding readiness\n"
      "Findings: zone, closest, verdicts, status_quo, forecast, readiness (default: all).\n"
      "Method, definitions and the JSON shape: docs/robustness.md.");
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
#ifdef ACCORD_MPI
    if (const work::Distributor distribute = mpi::distributor(0)) {
      const std::optional<robustness::Result> r = split::run(s, params, distribute);
      if (r) write(*o, s, *r);
      return;  // a worker rank: rank 0 prints
    }
#endif
    write(*o, s, robustness::run(s, params));
  });
}


}  // namespace

ACCORD_REGISTER_COMMAND("robustness", 7, add_robustness);

}  // namespace accord::cli

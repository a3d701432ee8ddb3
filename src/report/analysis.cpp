// The scenario analysis behind every format of `accord report`, computed once.
#include "accord/report/analysis.hpp"

#include "accord/report/bargain.hpp"
#include "accord/report/forecast.hpp"

namespace accord::report {
namespace {

// The first run of a list that did not finish (finished when all did).
template <class Results>
Termination first_partial(const Results& rs) {
  for (const auto& r : rs)
    if (!r.outcome.termination.finished()) return r.outcome.termination;
  return Termination::done();
}

std::vector<diff::Result> evolution(const Scenario& s, const Deadline& deadline) {
  std::vector<diff::Result> out;
  const diff::Params params{deadline};
  for (std::size_t v = 1; v < s.versions.size(); ++v)
    out.push_back(diff::run(s, VersionIndex(v - 1), VersionIndex(v), params));
  if (s.versions.size() > 2)
    out.push_back(diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(s.versions.size() - 1), params));
  return out;
}

std::vector<evaluate::Result> evaluations(const Scenario& s, evaluate::Params params, const Deadline& deadline) {
  params.deadline = deadline;
  std::vector<evaluate::Result> out;
  for (const VersionIndex v : s.versions.indices()) out.push_back(evaluate::run_version(s, v, params));
  return out;
}

// Above the listed parties every format summarises: it says so once, here.
Termination evaluations_end(const Scenario& s, const ScenarioAnalysis& a) {
  const Termination t = first_partial(a.evaluations);
  const std::size_t listed = a.options.limits.listed_parties;
  if (!t.finished() || s.parties.size() <= listed) return t;
  return {Stop::size_limit, std::to_string(s.parties.size()) + " parties > " + std::to_string(listed) +
                                " (the report's limit): the first " + std::to_string(listed) +
                                " are listed, stances given as counts, charts summarised"};
}

// Bargaining over the latest version as the draft: the closest acceptable change to it.
std::optional<bargain::Result> bargain_run(const Scenario& s, const ScenarioAnalysis& a, Termination& end) {
  end = bargain_gate(s, a.options.limits, a.options.deadline);
  if (!end.finished()) return std::nullopt;
  bargain::Params p;
  p.deadline = deadline_share(a.options.deadline, 0.5);
  if (a.options.max_nodes > 0) p.max_search_nodes = p.max_count_nodes = a.options.max_nodes;
  if (!s.versions.empty()) {
    p.draft_version = VersionIndex(s.versions.size() - 1);
    p.draft = s.version_package(p.draft_version);
  }
  bargain::Result b = bargain::run(s, p);
  end = bargain_termination(b);
  return b;
}

std::optional<gmcr::RunResult> stability_run(const Scenario& s, const ScenarioAnalysis& a, Termination& end) {
  end = gmcr_gate(s, a.options.limits, a.options.deadline);
  if (!s.conflict || !end.finished()) return std::nullopt;
  gmcr::Params p;
  p.deadline = deadline_share(a.options.deadline, 0.5);
  gmcr::RunResult r = gmcr::run(s, p);
  if (r.outcome.termination.stop != Stop::not_set) end = r.outcome.termination;
  return r;
}

// How a forecast run ended as a report section: nothing to forecast (too few actors with a
// salience) is a finished section that says so; a refused size is the size limit.
Termination forecast_end(const forecast::Analysis& r) {
  const Termination& t = r.outcome.termination;
  if (!r.ok()) return t.stop == Stop::size_limit ? t : Termination::done();
  return t.stop == Stop::not_set ? Termination::done() : t;
}

// SMP (with the Monte Carlo band when asked), then the EUM when asked; the section ends as the
// first run that did not finish.
void forecast_run(const Scenario& s, ScenarioAnalysis& a, Termination& end) {
  forecast::AnalysisParams p = forecast_headline_params(deadline_share(a.options.deadline, 0.8));
  p.runs = a.options.forecast_runs;
  p.seed = a.options.forecast_seed;
  forecast::cap_iterations(p.engine, a.options.max_nodes);
  a.forecast = forecast::analyse(s, p);
  end = forecast_end(*a.forecast);
  if (!a.options.forecast_eum || !a.forecast->ok()) return;
  p.engine.deadline = deadline_share(a.options.deadline, 0.5);
  p.model = forecast::Model::eum;
  p.runs = 0;
  a.forecast_eum = forecast::analyse(s, p);
  if (end.finished() && a.forecast_eum->ok()) end = forecast_end(*a.forecast_eum);
}

// The summary's findings, each to its smallest flip, under a count of engine runs (so the
// report is the same every run) and a share of the time left as a safety net.
std::optional<robustness::Result> robustness_run(const Scenario& s, const ScenarioAnalysis& a, Termination& end) {
  if (a.options.deadline.expired()) {
    end = {Stop::time_limit, "not started: the report's time budget ran out"};
    return std::nullopt;
  }
  robustness::Params p;
  p.deadline = deadline_share(a.options.deadline, 0.5);
  // The findings of the sections that ran: a section skipped for its size (a 1,000-actor
  // forecast) is not rerun hundreds of times here.
  p.findings = {robustness::FindingKind::verdict, robustness::FindingKind::readiness};
  if (a.bargain) p.findings.insert(p.findings.end(), {robustness::FindingKind::zone, robustness::FindingKind::closest});
  if (a.stability) p.findings.push_back(robustness::FindingKind::status_quo);
  if (a.forecast) p.findings.push_back(robustness::FindingKind::forecast);
  p.max_open_points = a.options.evaluate.max_open_points;
  p.max_open_salience = a.options.evaluate.max_open_salience;
  p.smallest_only = true;
  p.max_evaluations = kReportRobustnessRuns;
  robustness::Result r = robustness::run(s, p);
  end = r.outcome.termination.stop == Stop::not_set ? Termination::done() : r.outcome.termination;
  return r;
}

// Every version replayed as a round; stops (the rest not simulated) when its share runs out.
std::vector<SimulatedRound> rounds_run(const Scenario& s, const ScenarioAnalysis& a, Termination& end) {
  if (a.options.deadline.expired()) {
    end = {Stop::time_limit, "not started: the report's time budget ran out"};
    return {};
  }
  const std::size_t n = bargain::default_bargaining_parties(s).size();
  if (n > a.options.limits.listed_parties) {
    end = {Stop::size_limit, std::to_string(n) + " bargaining parties > " + std::to_string(a.options.limits.listed_parties) +
                                 " (the report's limit): no rounds simulated"};
    return {};
  }
  std::vector<SimulatedRound> out = simulate_rounds(s, a.evolution, a.bargain, a.options.evaluate,
                                                    deadline_share(a.options.deadline, 0.5));
  end = Termination::done();
  if (out.size() < s.versions.size())
    end = {Stop::time_limit, "simulated " + std::to_string(out.size()) + " of " + std::to_string(s.versions.size()) +
                                 " rounds"};
  else
    for (const SimulatedRound& r : out)
      if (!r.result.outcome.termination.finished() && r.result.outcome.termination.stop != Stop::not_set) {
        end = r.result.outcome.termination;
        break;
      }
  return out;
}

}  // namespace

std::string suggested_scenario(const Scenario& s, const ReportOptions& o) {
  const std::string& word = o.scenario_arg.empty() ? s.id : o.scenario_arg;
  const bool plain = word.find_first_not_of(
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,:/+=@%-") ==
                     std::string::npos;
  if (plain && !word.empty()) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

Deadline deadline_share(const Deadline& d, double fraction) {
  return d.limited() ? d.within(d.seconds_left() * fraction) : d;
}

ScenarioAnalysis analyse(const Scenario& s, const ReportOptions& options) {
  ScenarioAnalysis a;
  a.options = options;
  a.estimates = count_estimates(s);
  a.sources = SourceNotes(s);
  a.evolution = evolution(s, deadline_share(options.deadline, 0.2));
  a.sections.push_back({"evolution", first_partial(a.evolution)});
  a.evaluations = evaluations(s, options.evaluate, deadline_share(options.deadline, 0.2));
  a.sections.push_back({"evaluations", evaluations_end(s, a)});
  Termination end;
  a.bargain = bargain_run(s, a, end);
  a.sections.push_back({"bargain", end});
  a.stability = stability_run(s, a, end);
  if (s.conflict) a.sections.push_back({"stability", end});
  if (a.stability && a.stability->ok()) a.ceasefire = ceasefire_analysis(s, deadline_share(options.deadline, 0.5));
  end = forecast_gate(s, options.limits, options.deadline);
  if (end.finished()) forecast_run(s, a, end);
  a.sections.push_back({"forecast", end});
  a.robustness = robustness_run(s, a, end);
  a.sections.push_back({"robustness", end});
  a.rounds = rounds_run(s, a, end);
  a.sections.push_back({"rounds", end});
  a.negotiations = simulate_negotiations(s, options.limits.listed_parties, deadline_share(options.deadline, 0.5), end);
  a.sections.push_back({"negotiations", end});
  return a;
}

Termination ScenarioAnalysis::section(std::string_view name) const {
  for (const auto& st : sections)
    if (st.section == name) return st.termination;
  return Termination::done();
}

void set_section(SectionTerminations& sections, std::string_view section, const Termination& t) {
  for (auto& st : sections)
    if (st.section == section) {
      st.termination = t;
      return;
    }
  sections.push_back({std::string(section), t});
}

std::size_t count_estimates(const Scenario& s) {
  std::size_t n = 0;
  auto mark = [&n](const Provenance& p) { n += p.estimate ? 1 : 0; };
  auto marks = [&](const Provenance& p, const FieldProvenance& fields) {
    mark(p);
    for (const auto& [_, fp] : fields) mark(fp);
  };
  mark(s.provenance);
  for (const auto& p : s.parties) marks(p.provenance, p.field_provenance);
  for (const auto& i : s.issues) {
    marks(i.provenance, i.field_provenance);
    for (const auto& o : i.options) marks(o.provenance, o.field_provenance);
  }
  for (const auto& pr : s.preferences) {
    marks(pr.provenance, pr.field_provenance);
    for (const auto& ip : pr.issues) marks(ip.provenance, ip.field_provenance);
  }
  for (const auto& v : s.versions) {
    mark(v.provenance);
    for (const auto& pt : v.points) marks(pt.provenance, pt.field_provenance);
    for (const auto& row : v.stances)
      for (const auto& st : row) mark(st.provenance);
  }
  for (const auto& e : s.timeline) mark(e.provenance);
  if (s.conflict) {
    const Conflict& c = *s.conflict;
    mark(c.provenance);
    for (const auto& o : c.options) mark(o.provenance);
    for (const auto& dm : c.decision_makers) {
      mark(dm.provenance);
      for (const auto& st : dm.statements) mark(st.provenance);
    }
    for (const auto& r : c.infeasible) mark(r.provenance);
    for (const auto& g : c.exclusive) mark(g.provenance);
  }
  if (s.forecast) {
    mark(s.forecast->provenance);
    for (const auto& o : s.forecast->overrides) mark(o.provenance);
  }
  return n;
}

Termination bargain_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  const std::size_t n = bargain::default_bargaining_parties(s).size();
  if (n > limits.bargain_parties)
    return {Stop::size_limit, std::to_string(n) + " bargaining parties > " + std::to_string(limits.bargain_parties) +
                                  " (the report's limit); run `accord bargain` with a budget"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

Termination gmcr_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  if (!s.conflict) return Termination::done();
  const std::size_t n = s.conflict->options.size();
  if (n > limits.gmcr_options)
    return {Stop::size_limit, std::to_string(n) + " options > " + std::to_string(limits.gmcr_options) +
                                  " (the report's limit); run `accord gmcr` for this conflict"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

Termination forecast_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  std::size_t actors = 0;
  for (const auto& p : s.preferences) actors += p.present ? 1 : 0;
  if (actors > limits.forecast_actors)
    return {Stop::size_limit, std::to_string(actors) + " actors > " + std::to_string(limits.forecast_actors) +
                                  " (the report's limit); run `accord forecast` with a budget"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

}  // namespace accord::report

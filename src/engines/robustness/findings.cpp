// The headline findings as the engines report them: each read from a public engine function,
// so the findings follow the engines' semantics (docs/robustness.md "Findings").
#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/engines/gmcr.hpp"
#include "internal.hpp"

namespace accord::robustness {

std::optional<Package> draft_of(const Scenario& s, VersionIndex v) {
  if (!v.valid() || v.get() >= s.versions.size()) return std::nullopt;
  return s.version_package(v);
}

std::string package_text(const Scenario& s, const Package& x) {
  std::string out;
  for (std::size_t k = 0; k < x.size() && k < s.issues.size(); ++k) {
    const IssueIndex i(k);
    if (x[i]) out += (out.empty() ? "" : "; ") + s.issues[i].id + "=" + describe(s.issues[i], *x[i]);
  }
  return out;
}

std::optional<Values> bargain_values(const Scenario& s, const std::optional<Package>& draft, std::uint64_t nodes) {
  bargain::Params p;
  p.whole_space_frontier = false;  // neither finding reads it
  p.draft = draft;
  if (nodes > 0) {
    p.max_count_nodes = nodes;
    p.max_search_nodes = nodes;
  }
  const bargain::Result b = bargain::run(s, p);
  if (!b.outcome.ok()) return Values{};
  if (!b.outcome.termination.finished()) return std::nullopt;
  Values out;
  out.emplace_back("zone", std::string(bargain::to_string(b.finding)));
  if (b.closest) out.emplace_back("closest", package_text(s, b.closest->package));
  return out;
}

Values verdict_values(const Scenario& s, const std::optional<Package>& draft) {
  Values out;
  if (!draft) return out;
  const evaluate::Result e = evaluate::run_package(s, *draft);
  if (!e.outcome.ok()) return out;
  for (const auto& pr : e.parties)
    out.emplace_back("verdict." + s.parties[pr.party].id, std::string(evaluate::to_string(pr.verdict)));
  return out;
}

Values status_quo_values(const Scenario& s) {
  Values out;
  if (!s.conflict || !s.conflict->status_quo) return out;
  gmcr::Params p;
  p.status_quo_paths = false;
  // Every concept the report's stability headline names (SIM and SEQ+SIM included).
  p.concepts.assign(std::begin(gmcr::kAllConcepts), std::end(gmcr::kAllConcepts));
  const gmcr::RunResult r = gmcr::run(s, p);
  if (!r.ok() || !r.analysis->status_quo) return out;
  const gmcr::Analysis& g = *r.analysis;
  for (const gmcr::Concept k : g.concepts) {
    const auto& set = g.equilibria[k];
    if (!set) continue;
    out.emplace_back("status_quo." + std::string(gmcr::to_string(k)),
                     set->test(*g.status_quo) ? "equilibrium" : "not_equilibrium");
  }
  return out;
}

forecast::AnalysisParams forecast_params(const Deadline& deadline) {
  forecast::AnalysisParams p;
  p.model = forecast::Model::smp;  // the report's headline model, whatever the scenario's default
  p.runs = 0;
  p.engine.deadline = deadline;
  return p;
}

bool stopped_by_time(const forecast::Analysis& a) {
  return a.ok() && a.run.outcome.termination.stop == Stop::time_limit;
}

Values forecast_values(const forecast::Analysis& a) {
  Values out;
  if (!a.ok()) return out;
  // Whether the run converged (a landing point) or stopped at its turn limit: the headline's
  // first claim.
  out.emplace_back("forecast", a.run.converged && a.run.outcome.termination.finished() ? "converged" : "not_converged");
  for (std::size_t d = 0; d < a.nearest_option.size() && d < a.problem.dimensions.size(); ++d)
    if (!a.nearest_option[d].empty()) out.emplace_back("forecast." + a.problem.dimensions[d].id, a.nearest_option[d]);
  return out;
}

std::vector<std::pair<std::string, std::string>> findings_of(const Scenario& s, FindingKind kind,
                                                             VersionIndex version) {
  const VersionIndex v = version.valid() || s.versions.empty() ? version : VersionIndex(s.versions.size() - 1);
  const std::optional<Package> draft = draft_of(s, v);
  Values out;
  switch (kind) {
    case FindingKind::zone:
    case FindingKind::closest:
      for (auto& [id, value] : bargain_values(s, draft, 0).value_or(Values{}))
        if (id == to_string(kind)) out.emplace_back(id, value);
      return out;
    case FindingKind::verdict: return verdict_values(s, draft);
    case FindingKind::status_quo: return status_quo_values(s);
    case FindingKind::forecast: return forecast_values(forecast::analyse(s, forecast_params({})));
    case FindingKind::readiness: {
      const Params defaults;
      return readiness_values(s, v, defaults.max_open_points, defaults.max_open_salience);
    }
    case FindingKind::not_set: break;
  }
  return out;
}

}  // namespace accord::robustness

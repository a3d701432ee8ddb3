// negotiate, tournament and mediate from Python, as `accord negotiate|tournament|mediate` run
// them (apps/accord/cmd_*.cpp): arguments read under the GIL, the engine and its serialiser
// run with it released. Python agents (agents.hpp) take the GIL only inside their calls.
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/agent.hpp"
#include "accord/engines/mediate.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/engines/tournament.hpp"
#include "accord/report/mediate.hpp"
#include "accord/report/negotiate.hpp"
#include "accord/report/tournament.hpp"
#include "agents.hpp"
#include "common.hpp"

namespace accord::python {
namespace {

report::Names names_of(bool genius) { return genius ? report::Names::genius : report::Names::ids; }

negotiate::DomainParams domain_params(const Scenario& s, const std::vector<std::string>& parties,
                                      const std::optional<std::string>& version, std::uint64_t max_sorted,
                                      double max_seconds) {
  negotiate::DomainParams dp;
  dp.max_sorted = max_sorted;
  dp.deadline = deadline_after(max_seconds);
  if (!parties.empty()) dp.parties = parties_or_default(s, parties);
  if (version) dp.version = version_or_raise(s, *version);
  return dp;
}

// Runs `f` with the GIL released; a Python agent's exception becomes accord.AgentError.
template <class F>
auto without_gil(F&& f) {
  try {
    py::gil_scoped_release release;
    return f();
  } catch (const AgentFailure& failure) {
    raise_agent_failure(failure);
  }
}

// --- negotiate (accord negotiate) -----------------------------------------------------------

RawResult run_negotiate(const ScenarioHandle& h, const std::vector<std::string>& agents, const py::dict& py_agents,
                        std::size_t rounds, const std::vector<std::string>& parties,
                        const std::optional<std::string>& version, std::uint64_t seed, bool trace,
                        std::uint64_t max_sorted, std::uint64_t max_actions, double max_seconds, bool genius) {
  const auto snapshot = h.scenario;
  const negotiate::DomainParams dp = domain_params(*snapshot, parties, version, max_sorted, max_seconds);
  negotiate::Params params;
  params.agents = agents;
  params.rounds = rounds;
  params.seed = seed;
  params.trace = trace;
  params.deadline = dp.deadline;
  params.max_actions = max_actions;
  const PythonAgents registered(py_agents);
  negotiate::DomainBuild built;
  negotiate::Result r;
  without_gil([&] {
    built = negotiate::Domain::build(*snapshot, dp);
    if (built.ok()) r = negotiate::run(*built.domain, params);
    return 0;
  });
  if (!built.ok()) raise_outcome("negotiate", built.outcome);
  if (!r.outcome.ok()) raise_outcome("negotiate", r.outcome);
  for (const Diagnostic& d : built.outcome.diagnostics) r.outcome.diagnostics.push_back(d);
  auto kept = std::make_shared<const negotiate::Result>(std::move(r));
  RawResult out = envelope(kept->outcome);
  const auto domain = built.domain;
  const report::Names names = names_of(genius);
  out.serialise = [domain, kept, names] { return report::negotiate_json(domain.get(), *kept, names).dump(2); };
  out.table = [domain, kept](const std::string& name) -> std::optional<std::vector<std::vector<double>>> {
    if (name != "trace") return std::nullopt;
    // One row per action: action, round, party, t, kind (ActionKind value), package, then the
    // package's utility to each party (offers and acceptances).
    std::vector<std::vector<double>> rows;
    for (const negotiate::Step& s : kept->trace) {
      std::vector<double> row{double(s.action), double(s.round), double(s.party), s.t, double(s.kind), double(s.package)};
      for (std::size_t k = 0; k < domain->party_count(); ++k)
        row.push_back(s.kind == negotiate::ActionKind::end ? 0.0 : domain->utility(k, s.package));
      rows.push_back(std::move(row));
    }
    return rows;
  };
  return out;
}

// --- tournament (accord tournament) ---------------------------------------------------------

RawResult run_tournament(const std::vector<std::pair<std::string, ScenarioHandle>>& domains,
                         const std::vector<std::string>& agents, const py::dict& py_agents, std::size_t rounds,
                         std::uint64_t repeats, std::uint64_t seed, std::size_t threads,
                         const std::vector<std::string>& parties, const std::optional<std::string>& version,
                         std::uint64_t max_sorted, double max_seconds, bool genius, bool summary) {
  tournament::Params params;
  params.agents = agents;
  params.rounds = rounds;
  params.repeats = repeats;
  params.seed = seed;
  params.threads = threads;
  if (domains.empty()) raise_argument("domains", "expected at least one domain");
  std::vector<std::shared_ptr<const Scenario>> scenarios;
  std::vector<negotiate::DomainParams> dps;
  for (const auto& [name, h] : domains) {
    scenarios.push_back(h.scenario);
    dps.push_back(domain_params(*h.scenario, parties, version, max_sorted, 0.0));
  }
  const PythonAgents registered(py_agents);
  std::vector<tournament::DomainSpec> specs;
  std::optional<std::pair<std::string, Outcome>> failed;
  tournament::Result r;
  params.deadline = deadline_after(max_seconds);
  const Outcome checked = tournament::check_params(params);
  if (!checked.ok()) raise_outcome("tournament", checked);
  without_gil([&] {
    for (std::size_t k = 0; k < domains.size() && !failed; ++k) {
      const negotiate::DomainBuild built = negotiate::Domain::build(*scenarios[k], dps[k]);
      if (!built.ok()) failed = {domains[k].first, built.outcome};
      else specs.push_back({domains[k].first, built.domain});
    }
    if (!failed) r = tournament::run(specs, params);
    return 0;
  });
  if (failed) raise_outcome("tournament: " + failed->first, failed->second);
  if (!r.outcome.ok()) raise_outcome("tournament", r.outcome);
  auto kept = std::make_shared<const tournament::Result>(std::move(r));
  RawResult out = envelope(kept->outcome);
  const report::Names names = names_of(genius);
  out.serialise = [kept, names, summary] {
    std::ostringstream os;
    report::write_tournament_json(os, *kept, names, !summary);
    std::string text = os.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  };
  out.table = [kept](const std::string& name) -> std::optional<std::vector<std::vector<double>>> {
    if (name != "results") return std::nullopt;
    // One row per negotiation: domain, assignment, repeat, ending, actions, round, agreed (0/1),
    // then the utility of each party (the domain's party count; shorter rows for smaller domains).
    std::vector<std::vector<double>> rows;
    rows.reserve(kept->results.size());
    for (const tournament::Negotiation& n : kept->results) {
      std::vector<double> row{double(n.domain), double(n.assignment), double(n.repeat), double(n.ending),
                              double(n.actions), double(n.round), n.agreement ? 1.0 : 0.0};
      row.insert(row.end(), n.metrics.utilities.begin(), n.metrics.utilities.end());
      rows.push_back(std::move(row));
    }
    return rows;
  };
  return out;
}

// --- mediate (accord mediate) ---------------------------------------------------------------

RawResult run_mediate(const ScenarioHandle& h, const std::vector<std::string>& voters, std::uint64_t steps,
                      const std::optional<std::string>& from, const std::vector<std::string>& parties,
                      std::uint64_t seed, std::optional<double> temperature, double max_seconds) {
  const auto snapshot = h.scenario;
  const Scenario& s = *snapshot;
  if (steps < 1 || steps > 1'000'000'000) raise_argument("steps", "steps must be in [1, 1000000000]");
  if (temperature && !(*temperature >= 0.0)) raise_argument("temperature", "temperature must be >= 0");
  mediate::Params params;
  params.parties = parties_or_default(s, parties);
  params.voters.clear();
  for (const std::string& v : voters) {
    const auto kind = mediate::parse_voter(v);
    if (!kind) raise_argument("voters", "unknown voter `" + v + "` (expected hill or anneal)");
    params.voters.push_back(*kind);
  }
  params.steps = steps;
  params.seed = seed;
  params.temperature = temperature;
  if (from) {
    const VersionIndex v = version_or_raise(s, *from);
    params.start = s.version_package(v);
    params.start_version = v;
  }
  params.deadline = deadline_after(max_seconds);
  py::gil_scoped_release release;
  auto r = std::make_shared<const mediate::Result>(mediate::run(s, params));
  if (!r->outcome.ok()) {
    py::gil_scoped_acquire acquire;
    raise_outcome("mediate", r->outcome);
  }
  RawResult out = envelope(r->outcome);
  out.serialise = [snapshot, r] { return report::mediate_json(*snapshot, *r).dump(2); };
  return out;
}

}  // namespace

void bind_negotiation(py::module_& m) {
  m.def("negotiate", &run_negotiate, py::arg("scenario"), py::arg("agents"), py::arg("py_agents"), py::arg("rounds"),
        py::arg("parties"), py::arg("version"), py::arg("seed"), py::arg("trace"), py::arg("max_sorted"),
        py::arg("max_actions"), py::arg("max_seconds"), py::arg("genius"));
  m.def("tournament", &run_tournament, py::arg("domains"), py::arg("agents"), py::arg("py_agents"), py::arg("rounds"),
        py::arg("repeats"), py::arg("seed"), py::arg("threads"), py::arg("parties"), py::arg("version"),
        py::arg("max_sorted"), py::arg("max_seconds"), py::arg("genius"), py::arg("summary"));
  m.def("mediate", &run_mediate, py::arg("scenario"), py::arg("voters"), py::arg("steps"), py::arg("from_version"),
        py::arg("parties"), py::arg("seed"), py::arg("temperature"), py::arg("max_seconds"));
  m.def("agent_names", [] { return negotiate::agent_names(); });
}

}  // namespace accord::python

// Tournaments of SAO negotiations (docs/mediate-and-tournament.md "Tournaments").
#include "accord/engines/tournament.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <stdexcept>

#include "accord/engines/agent.hpp"

namespace accord::tournament {

namespace {

std::uint64_t splitmix(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Above this many negotiations a tournament is refused: every result is kept (about 200 bytes
// each), so 5·10^6 is about 1 GB.
constexpr std::uint64_t kMaxNegotiations = 5'000'000;

Result invalid(Result r, std::string message, std::string path) {
  r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  return r;
}

// agents^parties, or 0 when above the limit.
std::uint64_t assignment_count(std::size_t agents, std::size_t parties) {
  std::uint64_t n = 1;
  for (std::size_t q = 0; q < parties; ++q) {
    if (n > kMaxNegotiations / agents) return 0;
    n *= agents;
  }
  return n;
}

// The agents of assignment a, first party most significant.
std::vector<std::size_t> decode(std::uint64_t a, std::size_t agents, std::size_t parties) {
  std::vector<std::size_t> out(parties);
  for (std::size_t q = parties; q-- > 0;) {
    out[q] = static_cast<std::size_t>(a % agents);
    a /= agents;
  }
  return out;
}

struct Slot {  // where negotiation i sits
  std::size_t domain = 0;
  std::uint64_t assignment = 0, repeat = 0;
};

void place(const Result& r, const Params& params, const Slot& at, Negotiation& out);

void run_one(const Result& r, const Params& params, const Slot& at, Negotiation& out) {
  const DomainResult& dr = r.domains[at.domain];
  const negotiate::Domain& d = *dr.domain;
  place(r, params, at, out);
  negotiate::Params np;
  np.rounds = params.rounds;
  np.seed = out.seed;
  for (const std::size_t a : out.agents) np.agents.push_back(params.agents[a]);
  const negotiate::Result nr = negotiate::run(d, np);
  if (!nr.outcome.ok()) return;  // ending stays not_set: reported after the run
  out.ending = nr.ending;
  out.actions = nr.actions;
  out.round = nr.round;
  if (nr.agreement) {
    out.agreement = nr.agreement->id;
    out.metrics = outcome_metrics::measure(dr.reference, nr.agreement->utilities);
  } else {
    out.metrics = outcome_metrics::disagreement(dr.reference);
  }
}

// One negotiation's outcome as bytes for a Distributor (native layout: every rank runs the
// same build on the same kind of machine); the slot fields are recomputed by the root.
template <class T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
T take(const std::string& in, std::size_t& at) {
  if (at + sizeof(T) > in.size()) throw std::runtime_error("tournament: truncated work item");
  T v;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}
void put_opt(std::string& out, const std::optional<double>& v) {
  put<std::uint8_t>(out, v.has_value());
  put<double>(out, v.value_or(0.0));
}
std::optional<double> take_opt(const std::string& in, std::size_t& at) {
  const bool has = take<std::uint8_t>(in, at) != 0;
  const double v = take<double>(in, at);
  return has ? std::optional<double>(v) : std::nullopt;
}

std::string encode(const Negotiation& n) {
  std::string out;
  put<std::uint8_t>(out, static_cast<std::uint8_t>(n.ending));
  put<std::uint64_t>(out, n.actions);
  put<std::uint64_t>(out, n.round);
  put<std::uint8_t>(out, n.agreement.has_value());
  put<negotiate::PackageId>(out, n.agreement.value_or(0));
  put<std::uint8_t>(out, n.metrics.agreement);
  put<std::uint64_t>(out, n.metrics.utilities.size());
  for (const double u : n.metrics.utilities) put<double>(out, u);
  put<double>(out, n.metrics.welfare);
  put<double>(out, n.metrics.nash_product);
  put_opt(out, n.metrics.pareto_distance);
  put_opt(out, n.metrics.nash_distance);
  return out;
}

void decode_into(const std::string& in, Negotiation& n) {
  std::size_t at = 0;
  n.ending = static_cast<negotiate::Ending>(take<std::uint8_t>(in, at));
  n.actions = static_cast<std::size_t>(take<std::uint64_t>(in, at));
  n.round = static_cast<std::size_t>(take<std::uint64_t>(in, at));
  const bool agreed = take<std::uint8_t>(in, at) != 0;
  const auto id = take<negotiate::PackageId>(in, at);
  if (agreed) n.agreement = id;
  n.metrics.agreement = take<std::uint8_t>(in, at) != 0;
  n.metrics.utilities.resize(static_cast<std::size_t>(take<std::uint64_t>(in, at)));
  for (double& u : n.metrics.utilities) u = take<double>(in, at);
  n.metrics.welfare = take<double>(in, at);
  n.metrics.nash_product = take<double>(in, at);
  n.metrics.pareto_distance = take_opt(in, at);
  n.metrics.nash_distance = take_opt(in, at);
}

// The slot fields of negotiation `at` (what run_one sets before negotiating).
void place(const Result& r, const Params& params, const Slot& at, Negotiation& out) {
  out.domain = at.domain;
  out.assignment = static_cast<std::size_t>(at.assignment);
  out.repeat = at.repeat;
  out.agents = decode(at.assignment, params.agents.size(), r.domains[at.domain].domain->party_count());
  out.seed = negotiation_seed(params.seed, at.domain, out.assignment, at.repeat);
}

// The negotiations on the caller's Distributor: returns how many ran (a prefix), or nullopt
// on a worker rank.
std::optional<std::size_t> run_distributed(Result& r, const Params& params, const std::vector<Slot>& slots,
                                           Stop& stop) {
  const work::ItemFn item = [&](std::size_t i) {
    Negotiation n;
    run_one(r, params, slots[i], n);
    return encode(n);
  };
  const auto progress = [&](double fraction, std::string_view) {
    if (!params.progress) return;
    const auto done = static_cast<std::size_t>(fraction * static_cast<double>(slots.size()));
    params.progress(fraction, std::to_string(done) + " of " + std::to_string(slots.size()) + " negotiations");
  };
  work::Gathered g = params.distribute(slots.size(), item, params.deadline, progress);
  if (!g.root) return std::nullopt;
  stop = g.stop;
  for (std::size_t i = 0; i < g.items.size(); ++i) {
    place(r, params, slots[i], r.results[i]);
    decode_into(g.items[i], r.results[i]);
  }
  return g.items.size();
}

void aggregate(Result& r) {
  const std::size_t a_count = r.agents.size();
  std::vector<double> utility(a_count, 0.0), advantage(a_count, 0.0), rounds(a_count, 0.0);
  r.per_agent.assign(a_count, AgentStats{});
  std::vector<std::size_t> first_assignment;  // index of each domain's first assignment
  for (const DomainResult& dr : r.domains) {
    first_assignment.push_back(r.per_assignment.size());
    for (std::uint64_t a = 0; a < dr.assignments; ++a) {
      AssignmentStats st;
      st.domain = first_assignment.size() - 1;
      st.agents = decode(a, a_count, dr.domain->party_count());
      st.mean_utilities.assign(dr.domain->party_count(), 0.0);
      r.per_assignment.push_back(std::move(st));
    }
  }
  struct Sums {
    double welfare = 0, rounds = 0, pareto = 0, nash = 0;
    bool pareto_known = true, nash_known = true;
  };
  std::vector<Sums> sums(r.per_assignment.size());
  for (const Negotiation& n : r.results) {
    const auto& reservations = r.domains[n.domain].reference.reservations;
    const bool agreed = n.ending == negotiate::Ending::agreement;
    for (std::size_t q = 0; q < n.agents.size(); ++q) {
      AgentStats& st = r.per_agent[n.agents[q]];
      ++st.slots;
      utility[n.agents[q]] += n.metrics.utilities[q];
      advantage[n.agents[q]] += n.metrics.utilities[q] - reservations[q];
      if (agreed) ++st.agreements, rounds[n.agents[q]] += static_cast<double>(n.round + 1);
    }
    const std::size_t at = first_assignment[n.domain] + n.assignment;
    AssignmentStats& as = r.per_assignment[at];
    Sums& s = sums[at];
    ++as.negotiations;
    for (std::size_t q = 0; q < n.agents.size(); ++q) as.mean_utilities[q] += n.metrics.utilities[q];
    s.welfare += n.metrics.welfare;
    if (agreed) ++as.agreements, s.rounds += static_cast<double>(n.round + 1);
    if (n.metrics.pareto_distance) s.pareto += *n.metrics.pareto_distance; else s.pareto_known = false;
    if (n.metrics.nash_distance) s.nash += *n.metrics.nash_distance; else s.nash_known = false;
  }
  for (std::size_t a = 0; a < a_count; ++a) {
    AgentStats& st = r.per_agent[a];
    st.agent = r.agents[a];
    if (st.slots == 0) continue;
    const double slots = static_cast<double>(st.slots);
    st.agreement_rate = static_cast<double>(st.agreements) / slots;
    st.mean_utility = utility[a] / slots;
    st.mean_advantage = advantage[a] / slots;
    if (st.agreements > 0) st.mean_rounds = rounds[a] / static_cast<double>(st.agreements);
  }
  for (std::size_t k = 0; k < r.per_assignment.size(); ++k) {
    AssignmentStats& as = r.per_assignment[k];
    if (as.negotiations == 0) continue;
    const double n = static_cast<double>(as.negotiations);
    for (double& u : as.mean_utilities) u /= n;
    as.mean_welfare = sums[k].welfare / n;
    if (as.agreements > 0) as.mean_rounds = sums[k].rounds / static_cast<double>(as.agreements);
    if (sums[k].pareto_known) as.mean_pareto_distance = sums[k].pareto / n;
    if (sums[k].nash_known) as.mean_nash_distance = sums[k].nash / n;
  }
}

}  // namespace

std::uint64_t negotiation_seed(std::uint64_t seed, std::size_t domain, std::size_t assignment, std::uint64_t repeat) {
  return splitmix(splitmix(splitmix(splitmix(seed) ^ domain) ^ assignment) ^ repeat);
}

Outcome check_params(const Params& params) {
  auto bad = [](std::string message, std::string path) {
    return Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  };
  if (params.agents.empty()) return bad("no agents: list at least one", "agents");
  if (std::set<std::string>(params.agents.begin(), params.agents.end()).size() != params.agents.size())
    return bad("an agent is listed twice; every agent already plays every other and itself", "agents");
  const auto known = negotiate::agent_names();
  for (const std::string& spec : params.agents) {
    const std::string name = spec.substr(0, spec.find(':'));
    const bool found = std::any_of(known.begin(), known.end(), [&](const auto& k) { return k.first == name; });
    if (found) continue;
    std::string names;
    for (const auto& k : known) {
      if (!names.empty()) names += ", ";
      names += k.first;
    }
    return bad("unknown agent `" + spec + "` (known: " + names + ")", "agents");
  }
  if (params.rounds < 2) return bad("rounds must be at least 2 (t = r / (R - 1))", "rounds");
  if (params.repeats == 0) return bad("repeats must be at least 1", "repeats");
  return Outcome::success();
}

Result run(const std::vector<DomainSpec>& domains, const Params& params) {
  Result r;
  r.agents = params.agents;
  r.rounds = params.rounds;
  r.repeats = params.repeats;
  r.seed = params.seed;
  if (Outcome checked = check_params(params); !checked.ok()) {
    r.outcome = std::move(checked);
    return r;
  }
  if (domains.empty()) return invalid(std::move(r), "no domain to negotiate over", "domains");
  for (std::size_t k = 0; k < domains.size(); ++k) {
    const DomainSpec& spec = domains[k];
    if (!spec.domain) return invalid(std::move(r), "domain `" + spec.name + "` is not built", "domains");
    const negotiate::Domain& d = *spec.domain;
    for (const std::string& agent : params.agents) {
      const negotiate::AgentContext ctx{&d, 0, params.rounds, 0};
      const negotiate::AgentMade made = negotiate::make_agent(agent, ctx);
      if (!made.agent) return invalid(std::move(r), made.error, "agents");
    }
    const std::uint64_t assignments = assignment_count(params.agents.size(), d.party_count());
    if (assignments == 0 || assignments > kMaxNegotiations / params.repeats ||
        r.planned + assignments * params.repeats > kMaxNegotiations)
      return invalid(std::move(r), "more than " + std::to_string(kMaxNegotiations) + " negotiations", "repeats");
    outcome_metrics::Params mp;
    mp.parties = d.parties();
    mp.fixed = d.fixed();
    mp.deadline = params.deadline;
    mp.max_frontier = params.max_frontier;
    DomainResult dr{spec.name, spec.domain, outcome_metrics::prepare(d.scenario(), mp), assignments};
    if (!dr.reference.outcome.ok())
      return invalid(std::move(r), "domain `" + spec.name + "`: " + dr.reference.outcome.message(), "domains");
    r.planned += assignments * params.repeats;
    r.domains.push_back(std::move(dr));
  }

  std::vector<Slot> slots;
  slots.reserve(r.planned);
  for (std::size_t k = 0; k < r.domains.size(); ++k)
    for (std::uint64_t a = 0; a < r.domains[k].assignments; ++a)
      for (std::uint64_t rep = 0; rep < params.repeats; ++rep) slots.push_back({k, a, rep});
  r.results.resize(slots.size());
  std::size_t done = 0;
  Stop stop = Stop::finished;
  if (params.distribute) {
    const std::optional<std::size_t> ran = run_distributed(r, params, slots, stop);
    if (!ran) {
      r.worker = true;
      r.results.clear();
      r.outcome = Outcome::success();
      return r;
    }
    done = *ran;
  }
  // Batches let the calling thread report progress and poll the deadline; each negotiation
  // writes only its own entry, so the result never depends on the thread count.
  const std::size_t batch = std::max<std::size_t>(1, slots.size() / 100);
  tbb::task_arena arena(params.threads > 0 ? static_cast<int>(params.threads) : tbb::task_arena::automatic);
  while (!params.distribute && done < slots.size()) {
    if (params.deadline.expired()) {
      stop = Stop::time_limit;
      break;
    }
    const std::size_t end = std::min(slots.size(), done + batch);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(done, end), [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) run_one(r, params, slots[i], r.results[i]);
      });
    });
    done = end;
    if (params.progress)
      params.progress(static_cast<double>(done) / static_cast<double>(slots.size()),
                      std::to_string(done) + " of " + std::to_string(slots.size()) + " negotiations");
  }
  r.results.resize(done);
  for (const Negotiation& n : r.results)
    if (n.ending == negotiate::Ending::not_set) {
      r.outcome = Outcome::failure(Status::internal, "a negotiation could not run (domain `" + r.domains[n.domain].name + "`)");
      return r;
    }
  r.negotiations = done;
  aggregate(r);
  r.outcome = Outcome::success(stop == Stop::finished
                                   ? Termination::done()
                                   : Termination{stop, "ran " + std::to_string(done) + " of " + std::to_string(r.planned) + " negotiations"});
  return r;
}

}  // namespace accord::tournament

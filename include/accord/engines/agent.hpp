#pragma once
// The agent interface of the negotiation engine: write a strategy in C++ by deriving from
// Agent and registering a factory under a name (ACCORD_REGISTER_AGENT); `accord negotiate
// --agents NAME` and negotiate::run then use it. Worked example: docs/negotiation.md "Writing
// an agent". The built-in agents are registered the same way.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/negotiate.hpp"

namespace accord::negotiate {

// What an agent sees when it must act.
struct Turn {
  std::size_t action = 0;  // k = 0 .. n·R - 1
  std::size_t round = 0;   // r = floor(k / n)
  double t = 0.0;          // r / (R - 1)
  std::optional<PackageId> standing;  // the standing offer (none at action 0)
  std::size_t proposer = 0;           // who made the standing offer
};

struct Action {
  ActionKind kind = ActionKind::not_set;
  PackageId package = 0;  // the offer (kind offer)
  [[nodiscard]] static Action offer(PackageId x) { return {ActionKind::offer, x}; }
  [[nodiscard]] static Action accept() { return {ActionKind::accept, 0}; }
  [[nodiscard]] static Action end() { return {ActionKind::end, 0}; }
};

// Everything an agent may know at creation: the domain (its own utilities and red lines, and
// the others' only through what they offer — agents must not read the others' utilities),
// its position, the deadline and its seed.
struct AgentContext {
  const Domain* domain = nullptr;
  std::size_t self = 0;    // position in Domain::parties()
  std::size_t rounds = 0;  // R
  std::uint64_t seed = 0;  // agent_seed(Params::seed, self) unless the spec gives one
};

class Agent {
 public:
  virtual ~Agent() = default;
  // Must return an offer at action 0 (no standing offer); later an offer, accept or end. An
  // invalid action (accept with no standing offer, an offer id >= Domain::size(), not_set)
  // ends the negotiation, recorded as `end` by this party.
  virtual Action act(const Turn& turn) = 0;
  // Every action of every other party, in order, before this agent's next act. `package`:
  // the offer, or for an accept the standing offer accepted.
  virtual void observe(std::size_t /*party*/, const Turn& /*turn*/, const Action& /*action*/) {}
};

// A factory gets the context and the text after "NAME:" in the spec (empty when none). It
// returns the agent, or null and an error message for `error`.
using AgentFactory = std::function<std::unique_ptr<Agent>(const AgentContext& ctx, std::string_view arg,
                                                          std::string& error)>;

// Registers NAME (lower-case letters, digits, '_' and '-'); false when the name is taken.
bool register_agent(std::string name, std::string summary, AgentFactory factory);
// Registered names with their summaries, sorted by name (built-ins included).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> agent_names();

struct AgentMade {
  std::unique_ptr<Agent> agent;
  std::string error;  // when agent is null: "unknown agent `x` (known: ...)" or the factory's
};
// Makes the agent of spec "NAME" or "NAME:ARG".
[[nodiscard]] AgentMade make_agent(std::string_view spec, const AgentContext& ctx);

// The time-dependent offer rule other agents may reuse: Pmin + (Pmax - Pmin)(1 - t^(1/e)),
// Pmax for e = 0.
[[nodiscard]] double time_dependent_target(const PartyStats& st, double e, double t);

}  // namespace accord::negotiate

// In a user's own .cpp (linked into the executable): registers at start-up.
#define ACCORD_REGISTER_AGENT(NAME, SUMMARY, FACTORY)                                             \
  static const bool accord_agent_registered_##FACTORY =                                          \
      ::accord::negotiate::register_agent(NAME, SUMMARY, FACTORY)

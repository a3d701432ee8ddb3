// The worked example of docs/negotiation.md "Writing an agent": a user strategy in C++,
// registered under a name and used like a built-in.
#include <gtest/gtest.h>

#include "accord/engines/agent.hpp"
#include "engines/negotiate/tiny_domain.hpp"

namespace {

using namespace accord::negotiate;
namespace tiny = accord::negotiate::testing;

// Holds its best package until half-time, then accepts anything at or above its reservation.
class HalfTime final : public Agent {
 public:
  explicit HalfTime(const AgentContext& ctx) : d_(*ctx.domain), self_(ctx.self) {}
  Action act(const Turn& turn) override {
    const PartyStats& st = d_.stats(self_);
    if (turn.standing && turn.t >= 0.5 && !d_.crosses_red_line(self_, *turn.standing) &&
        d_.utility(self_, *turn.standing) >= st.reservation - kNegotiationEps)
      return Action::accept();
    return Action::offer(st.best);
  }

 private:
  const Domain& d_;
  std::size_t self_;
};

std::unique_ptr<Agent> make_half_time(const AgentContext& ctx, std::string_view, std::string&) {
  return std::make_unique<HalfTime>(ctx);
}
ACCORD_REGISTER_AGENT("half-time", "holds out until t = 0.5, then accepts any acceptable offer", make_half_time);

TEST(NegotiateCustomAgent, RegisteredAgentRunsByName) {
  const auto d = tiny::domain_of(tiny::load_text(tiny::tiny_text()));
  // R = 5: P2 hardliner offers 5 each round; P1 offers 0 until t = .5 (action 4), then accepts.
  const Result r = tiny::negotiate_tiny(*d, {"half-time", "hardliner"}, 5);
  EXPECT_EQ(tiny::compact(r), "o0 o5 o0 o5 a");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(r.agreement->id, 5u);
  bool listed = false;
  for (const auto& [name, summary] : agent_names()) listed = listed || name == "half-time";
  EXPECT_TRUE(listed);
  EXPECT_FALSE(register_agent("half-time", "again", make_half_time)) << "names are unique";
  EXPECT_FALSE(register_agent("Bad Name", "x", make_half_time));
}

TEST(NegotiateCustomAgent, AgentsMadeByTheCaller) {
  const auto d = tiny::domain_of(tiny::load_text(tiny::tiny_text()));
  std::vector<std::unique_ptr<Agent>> agents;
  AgentContext ctx{d.get(), 0, 5, 0};
  agents.push_back(std::make_unique<HalfTime>(ctx));
  ctx.self = 1;
  agents.push_back(make_agent("linear", ctx).agent);
  Params p;
  p.rounds = 5;
  p.trace = true;
  p.agents = {"half-time", "linear"};
  const Result r = run(*d, agents, p);
  ASSERT_TRUE(r.outcome.ok());
  // k1 linear offers 5; k2 (t=.25) P1 holds: 0; k3 linear t=.25 offers 4; k4 t=.5 P1 accepts 4.
  EXPECT_EQ(tiny::compact(r), "o0 o5 o0 o4 a");
}

}  // namespace

#pragma once
// The tiny domain of the hand-worked traces (docs/negotiation.md uses it too).
//
// Issues A {a0, a1} and B {b0, b1, b2}; package id = 3·A + B (first issue most significant):
//   id  package   U1 = .6·vA + .4·vB   U2 = .5·vA + .5·vB
//   0   (a0,b0)   .6 + .4  = 1.0        0  + 0   = 0
//   1   (a0,b1)   .6 + .2  = 0.8        0  + .25 = 0.25
//   2   (a0,b2)   .6 + 0   = 0.6        0  + .5  = 0.5
//   3   (a1,b0)   0  + .4  = 0.4        .5 + 0   = 0.5   (ties id 2 for P2: id 2 wins)
//   4   (a1,b1)   0  + .2  = 0.2        .5 + .25 = 0.75
//   5   (a1,b2)   0  + 0   = 0          .5 + .5  = 1.0
#include <gtest/gtest.h>

#include <string>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::negotiate::testing {

inline std::string tiny_text(const std::string& r1 = "0", const std::string& r2 = "0",
                             const std::string& p1_extra = "") {
  return R"(format: 1
id: tiny
title: Tiny
parties:
  - {id: P1, name: One, role: party}
  - {id: P2, name: Two, role: party}
issues:
  - {id: A, title: A, options: [{id: a0, label: a0}, {id: a1, label: a1}]}
  - {id: B, title: B, options: [{id: b0, label: b0}, {id: b1, label: b1}, {id: b2, label: b2}]}
preferences:
  P1:
    reservation: )" + r1 + R"(
    issues:
      A: {weight: 0.6, values: {a0: 1, a1: 0}}
      B: {weight: 0.4, values: {b0: 1, b1: 0.5, b2: 0})" + p1_extra + R"(}
  P2:
    reservation: )" + r2 + R"(
    issues:
      A: {weight: 0.5, values: {a0: 0, a1: 1}}
      B: {weight: 0.5, values: {b0: 0, b1: 0.5, b2: 1}}
)";
}

inline Scenario load_text(const std::string& text) {
  io::LoadResult r = io::load_scenario_text(text, "tiny.yaml");
  EXPECT_TRUE(r.ok()) << r.outcome.message();
  return *r.scenario;
}

inline std::shared_ptr<const Domain> domain_of(const Scenario& s, bool force_search = false) {
  DomainParams p;
  p.force_search = force_search;
  DomainBuild b = Domain::build(s, p);
  EXPECT_TRUE(b.ok()) << b.outcome.message();
  return b.domain;
}

// A trace as "o0 o5 a" (offer id / accept / end), for compact expectations.
inline std::string compact(const Result& r) {
  std::string out;
  for (const Step& st : r.trace) {
    if (!out.empty()) out += ' ';
    if (st.kind == ActionKind::offer) out += "o" + std::to_string(st.package);
    if (st.kind == ActionKind::accept) out += "a";
    if (st.kind == ActionKind::end) out += "e";
  }
  return out;
}

inline Result negotiate_tiny(const Domain& d, std::vector<std::string> agents, std::size_t rounds,
                             std::uint64_t seed = 0) {
  Params p;
  p.agents = std::move(agents);
  p.rounds = rounds;
  p.seed = seed;
  p.trace = true;
  Result r = run(d, p);
  EXPECT_TRUE(r.outcome.ok()) << r.outcome.message();
  return r;
}

}  // namespace accord::negotiate::testing

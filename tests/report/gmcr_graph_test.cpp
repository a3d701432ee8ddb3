// The picture of the state graph (docs/gmcr.md "The graph"): the SVG parses as XML, has one node
// per state and one edge per unilateral move (counted here by brute force from the definitions),
// marks exactly the engine's equilibria and the status quo, and collapses past the limit.
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "accord/engines/gmcr.hpp"
#include "accord/io/builtin.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/gmcr_graph.hpp"
#include "engines/gmcr/builders.hpp"
#include "engines/gmcr/random_conflict.hpp"

namespace accord::report {
namespace {

using gmcr::Concept;

Conflict prisoners() {
  Conflict c = gmcr::testing::make_conflict({"a_defect", "b_defect"}, {{"A", {"a_defect"}}, {"B", {"b_defect"}}});
  gmcr::testing::prioritise(c, 0, {"!b_defect", "a_defect"});
  gmcr::testing::prioritise(c, 1, {"!a_defect", "b_defect"});
  c.status_quo = 0;
  return c;
}

Conflict geneva() {
  const io::LoadResult l = io::load_scenario("geneva-2025");
  EXPECT_TRUE(l.ok());
  return *l.scenario->conflict;
}

// Unilateral moves by the definition: a feasible state that differs from a feasible state only
// in options one decision maker controls, each change allowed by the option's direction.
std::size_t moves_by_definition(const Conflict& c) {
  const StateCode cube = StateCode{1} << c.options.size();
  std::size_t n = 0;
  for (StateCode s = 0; s < cube; ++s) {
    if (!is_feasible(c, s)) continue;
    for (const DecisionMaker& dm : c.decision_makers)
      for (StateCode t = 0; t < cube; ++t) {
        if (t == s || !is_feasible(c, t)) continue;
        bool ok = true;
        for (const ConflictOptionIndex o : c.options.indices()) {
          const bool before = (s >> o.get()) & 1u, after = (t >> o.get()) & 1u;
          if (before == after) continue;
          const bool owned = std::find(dm.options.begin(), dm.options.end(), o) != dm.options.end();
          const Direction d = c.options[o].direction;
          ok = ok && owned && !(d == Direction::forward && before) && !(d == Direction::backward && !before);
        }
        n += ok ? 1 : 0;
      }
  }
  return n;
}

struct Parsed {
  std::map<std::string, std::set<std::string>> node_classes;  // pattern -> classes
  std::size_t edges = 0;
  std::size_t improvements = 0;
  std::set<std::string> improving_from;  // patterns with an outgoing improvement
};

std::set<std::string> classes(const char* attr) {
  std::set<std::string> out;
  std::istringstream in(attr ? attr : "");
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

void walk(const tinyxml2::XMLElement* e, Parsed& p, std::map<std::string, std::string>& node_pattern) {
  for (; e; e = e->NextSiblingElement()) {
    const std::string name = e->Name();
    const std::set<std::string> cls = classes(e->Attribute("class"));
    if (name == "g" && cls.count("st")) {
      p.node_classes[e->Attribute("data-pattern")] = cls;
      node_pattern[e->Attribute("data-node")] = e->Attribute("data-pattern");
    }
    if (name == "path" && cls.count("mv")) {
      ++p.edges;
      if (cls.count("imp")) {
        ++p.improvements;
        p.improving_from.insert(e->Attribute("data-from"));
      }
    }
    walk(e->FirstChildElement(), p, node_pattern);
  }
}

Parsed parse(const std::string& svg) {
  tinyxml2::XMLDocument doc;
  EXPECT_EQ(doc.Parse(svg.c_str()), tinyxml2::XML_SUCCESS) << doc.ErrorStr();
  Parsed p;
  std::map<std::string, std::string> node_pattern;
  if (doc.RootElement()) walk(doc.RootElement(), p, node_pattern);
  std::set<std::string> from;
  for (const auto& k : p.improving_from) from.insert(node_pattern[k]);
  p.improving_from = from;
  return p;
}

// One node per state, one edge per move, the engine's equilibria, the status quo; a state is
// a Nash equilibrium exactly when no improvement leaves it.
void check_full_picture(const Conflict& c) {
  const gmcr::RunResult r = gmcr::analyse(c);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  const gmcr::Analysis& a = *r.analysis;
  const GmcrGraph g = gmcr_graph(c, r);
  ASSERT_TRUE(g.drawn);
  EXPECT_FALSE(g.collapsed);
  const std::string svg = gmcr_graph_svg(c, a, g);
  const Parsed p = parse(svg);
  EXPECT_EQ(p.node_classes.size(), a.states.size());
  EXPECT_EQ(p.edges, moves_by_definition(c));
  for (gmcr::StateIndex s = 0; s < a.states.size(); ++s) {
    const std::string pat = a.pattern(s);
    ASSERT_TRUE(p.node_classes.count(pat)) << pat;
    const auto& cls = p.node_classes.at(pat);
    for (const Concept k : a.concepts)
      EXPECT_EQ(cls.count("eq-" + std::string(gmcr::to_string(k))) == 1, a.equilibria[k]->test(s))
          << pat << " " << gmcr::to_string(k);
    EXPECT_EQ(cls.count("sq") == 1, a.status_quo && *a.status_quo == s) << pat;
    EXPECT_EQ(p.improving_from.count(pat) == 0, a.equilibria[Concept::nash]->test(s)) << pat;
  }
  EXPECT_EQ(gmcr_graph_svg(c, a, gmcr_graph(c, r)), svg) << "the picture is deterministic";
}

TEST(GmcrGraph, PrisonersDilemmaHasFourStatesEightMovesAndMutualDefectionMarked) {
  const Conflict c = prisoners();
  check_full_picture(c);
  const gmcr::RunResult r = gmcr::analyse(c);
  const GmcrGraph g = gmcr_graph(c, r);
  ASSERT_EQ(g.nodes.size(), 4u);
  EXPECT_EQ(g.edges.size(), 8u);  // each prisoner changes its option from each of the four states
  EXPECT_EQ(g.nodes[3].pattern, "YY");
  EXPECT_EQ(g.nodes[3].name, "a_defect, b_defect");
  EXPECT_EQ(g.nodes[3].equilibria[Concept::nash], 1u);
  EXPECT_EQ(g.nodes[0].name, "none");
  EXPECT_TRUE(g.nodes[0].status_quo);
  // NN, one option taken, both taken: three columns, left to right.
  EXPECT_LT(g.nodes[0].x, g.nodes[1].x);
  EXPECT_EQ(g.nodes[1].x, g.nodes[2].x);
  EXPECT_LT(g.nodes[2].x, g.nodes[3].x);
}

TEST(GmcrGraph, TheBuiltInCaseIsDrawnWholeWithItsEquilibriaAndStatusQuoPaths) {
  const Conflict c = geneva();
  check_full_picture(c);
  const gmcr::RunResult r = gmcr::analyse(c);
  const GmcrGraph g = gmcr_graph(c, r);
  EXPECT_FALSE(g.status_quo_paths.empty());
  for (const auto& path : g.status_quo_paths) EXPECT_TRUE(g.nodes[path.front()].status_quo);
  EXPECT_NE(g.note.find("All 80 feasible states are drawn"), std::string::npos) << g.note;
  const auto j = gmcr_graph_json(c, *r.analysis, g);
  EXPECT_EQ(j["nodes"].size(), g.nodes.size());
  EXPECT_EQ(j["edges"].size(), g.edges.size());
  EXPECT_EQ(j["decision_makers"][0]["id"], "UA");
  // The engine's reasons ride along: none at the status quo (no one can improve), and where
  // a decision maker can improve, one entry per concept with each improvement's fate.
  const gmcr::StateIndex sq = *r.analysis->status_quo;
  EXPECT_EQ(j["nodes"][sq]["why"], nlohmann::ordered_json::array());
  std::size_t reasons = 0;
  for (const auto& node : j["nodes"])
    for (const auto& w : node["why"]) {
      ++reasons;
      const gmcr::Concept k = *gmcr::parse_concept(w["concept"].get<std::string>());
      const auto d = c.find_decision_maker(w["dm"].get<std::string>());
      const auto s = r.analysis->find(*parse_state_pattern(node["pattern"].get<std::string>(), c.options.size()));
      EXPECT_EQ(w["stable"].get<bool>(), r.analysis->decision_makers[d.get()].stable[k]->test(*s)) << node["pattern"];
    }
  EXPECT_GT(reasons, 0u);
}

TEST(GmcrGraph, RandomConflictsHaveOneEdgePerMove) {
  std::mt19937 rng(1313);
  for (int k = 0; k < 12; ++k) {
    const Conflict c = gmcr::testing::random_conflict(rng, 6);
    SCOPED_TRACE(k);
    check_full_picture(c);
  }
}

TEST(GmcrGraph, PastTheLimitStatesCollapseAndThePictureSaysSo) {
  const Conflict c = geneva();
  const gmcr::RunResult r = gmcr::analyse(c);
  const GmcrGraph g = gmcr_graph(c, r, {.max_nodes = 16, .collapse_by = {}});
  ASSERT_TRUE(g.drawn);
  EXPECT_TRUE(g.collapsed);
  EXPECT_LE(g.nodes.size(), 16u);
  std::size_t states = 0;
  for (const auto& n : g.nodes) states += n.states;
  EXPECT_EQ(states, r.analysis->states.size());
  for (const auto& e : g.edges) EXPECT_NE(e.from, e.to);
  EXPECT_NE(g.note.find("collapsed into"), std::string::npos) << g.note;
  const std::string svg = gmcr_graph_svg(c, *r.analysis, g);
  EXPECT_NE(svg.find("collapsed into"), std::string::npos);
  const Parsed p = parse(svg);
  EXPECT_EQ(p.node_classes.size(), g.nodes.size());
  // One chosen option: two nodes.
  const GmcrGraph one = gmcr_graph(c, r, {.max_nodes = 16, .collapse_by = {c.find_option("ru_offensive")}});
  EXPECT_EQ(one.nodes.size(), 2u);
  EXPECT_EQ(one.nodes[0].pattern, "-N-----");
}

// 2^14 states: collapsed to at most 256 nodes, every state in one of them.
TEST(GmcrGraph, ALargeConflictCollapsesToTheLimit) {
  std::vector<std::string> options;
  for (int k = 0; k < 14; ++k) options.push_back(gmcr::testing::numbered('o', k));
  Conflict c = gmcr::testing::make_conflict(options, {{"A", {"o0", "o1", "o2", "o3", "o4", "o5"}},
                                                      {"B", {"o6", "o7", "o8", "o9", "o10"}},
                                                      {"C", {"o11", "o12", "o13"}}});
  gmcr::testing::prioritise(c, 0, {"o0 & !o6", "o11", "!o3"});
  gmcr::testing::prioritise(c, 1, {"o6 | o0", "!o11"});
  gmcr::testing::prioritise(c, 2, {"o11 & o6", "!o1"});
  c.status_quo = 0;
  gmcr::Params p;
  p.concepts = {Concept::nash, Concept::gmr};
  const gmcr::RunResult r = gmcr::analyse(c, p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  const GmcrGraph g = gmcr_graph(c, r);
  ASSERT_TRUE(g.drawn) << g.note;
  EXPECT_TRUE(g.collapsed);
  EXPECT_LE(g.nodes.size(), kGmcrGraphMaxNodes);
  EXPECT_GT(g.nodes.size(), 64u);
  std::size_t states = 0;
  for (const auto& n : g.nodes) states += n.states;
  EXPECT_EQ(states, std::size_t{1} << 14);
  EXPECT_EQ(parse(gmcr_graph_svg(c, *r.analysis, g)).node_classes.size(), g.nodes.size());
}

TEST(GmcrGraph, TheHtmlStabilitySectionInlinesThePicture) {
  Scenario s;
  s.conflict = prisoners();
  const std::string html = gmcr_html(s, gmcr::analyse(*s.conflict), 10);
  EXPECT_NE(html.find("<h3>The graph</h3>"), std::string::npos);
  const auto at = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gmcr-graph\"");
  ASSERT_NE(at, std::string::npos);
  const std::string svg = html.substr(at, html.find("</svg>", at) + 6 - at);
  EXPECT_EQ(parse(svg).node_classes.size(), 4u);
}

}  // namespace
}  // namespace accord::report

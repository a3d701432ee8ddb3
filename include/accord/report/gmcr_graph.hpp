#pragma once
// A picture of a conflict's state graph (docs/gmcr.md "The graph"): states as nodes, unilateral
// moves as edges coloured by decision maker, equilibria marked by concept, the status quo and
// the paths from it. One layout, used by the SVG (`accord gmcr --svg`, the HTML report) and by
// the JSON the dashboard draws (the server's gmcr analysis with `graph: true`).
//
// The layout is deterministic: column = number of options taken (Y), rows in state order.
// Past `max_nodes` states, states that agree on a set of kept options are drawn as one node
// (the options of the first decision makers, in conflict order, that fit), and the picture
// says so.
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "accord/engines/gmcr.hpp"
#include "accord/model/conflict.hpp"

namespace accord::report {

// Default: at most this many nodes are drawn one per state.
inline constexpr std::size_t kGmcrGraphMaxNodes = 256;
// Above this many feasible states no picture is drawn (the moves would take too long to list).
inline constexpr std::size_t kGmcrGraphMaxStates = std::size_t{1} << 20;

struct GmcrGraphOptions {
  std::size_t max_nodes = kGmcrGraphMaxNodes;  // past it, states are collapsed (at least 2)
  // Collapse by these options (each node: the states sharing their settings); empty = the
  // options of the first decision makers that keep the nodes within max_nodes.
  std::vector<ConflictOptionIndex> collapse_by;
};

struct GmcrGraphNode {
  std::string pattern;            // Y/N per option; '-' for an option collapsed away
  std::string name;               // the options taken ("none" when none)
  std::size_t states = 1;         // the states it stands for
  gmcr::StateIndex first = 0;          // its first state (Analysis::states index)
  bool status_quo = false;        // it holds the status quo
  gmcr::PerConcept<std::size_t> equilibria;  // how many of its states are equilibria per concept
  double x = 0, y = 0;            // centre
};

struct GmcrGraphEdge {
  std::size_t from = 0, to = 0;   // node indices
  DecisionMakerIndex dm;
  std::size_t moves = 1;          // unilateral moves it stands for (1 when not collapsed)
  std::size_t improvements = 0;   // of them, unilateral improvements of `dm`
  bool status_quo_path = false;   // on a path from the status quo (to any equilibrium)
};

struct GmcrGraph {
  bool drawn = false;             // false: too many states (`note` says why)
  bool collapsed = false;
  std::vector<ConflictOptionIndex> kept;  // collapsed: the options the nodes keep
  std::vector<GmcrGraphNode> nodes;       // in state order of their first state
  std::vector<GmcrGraphEdge> edges;       // by from, dm, to
  // Status-quo paths as node indices (by improvements where there is one, else by moves).
  std::vector<std::vector<std::size_t>> status_quo_paths;
  double width = 0, height = 0;   // of the drawing area (the SVG adds its legend above)
  std::string note;               // one sentence on what is drawn (and collapsed)
};

// `r` must be ok (else an undrawn graph whose note says why).
[[nodiscard]] GmcrGraph gmcr_graph(const Conflict& c, const gmcr::RunResult& r, const GmcrGraphOptions& o = {});
// The graph as data: shape in docs/gmcr.md "The graph".
[[nodiscard]] nlohmann::ordered_json gmcr_graph_json(const Conflict& c, const gmcr::Analysis& a, const GmcrGraph& g);
// A standalone SVG (own styles, legend; well-formed XML), also inlined in the HTML report.
[[nodiscard]] std::string gmcr_graph_svg(const Conflict& c, const gmcr::Analysis& a, const GmcrGraph& g);

}  // namespace accord::report

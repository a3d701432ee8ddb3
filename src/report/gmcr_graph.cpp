// The state graph as a picture: layout (deterministic), JSON for the dashboard, SVG for the
// report and `accord gmcr --svg` (docs/gmcr.md "The graph").
#include "accord/report/gmcr_graph.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engines/gmcr/graph.hpp"
#include "html/svg.hpp"

namespace accord::report {
namespace {

using gmcr::Concept;
using Json = nlohmann::ordered_json;

// Layout constants (pixels).
constexpr double kMargin = 16, kRow = 26, kBoxH = 18, kGap = 96, kCharW = 7.4;
constexpr double kLegendH = 40;
constexpr std::size_t kMaxOptionsDrawn = 20;  // the cube the move search walks
// The move search visits states × 2^(options of each DM); past this it is not run.
constexpr std::uint64_t kMaxMovesWalked = std::uint64_t{1} << 25;

std::uint64_t moves_walked(const Conflict& c, std::size_t states) {
  std::uint64_t n = 0;
  for (const DecisionMaker& dm : c.decision_makers) n += (std::uint64_t{1} << dm.options.size()) * states;
  return n;
}

std::string_view concept_colour(Concept k) {
  switch (k) {
    case Concept::nash: return "#222222";
    case Concept::gmr: return "#7b3294";
    case Concept::smr: return "#c51b7d";
    case Concept::seq: return "#1b7837";
    case Concept::sim: return "#e08214";
    case Concept::seq_sim: return "#2166ac";
    case Concept::not_set: break;
  }
  return "#999999";
}

StateCode mask_of(const std::vector<ConflictOptionIndex>& options) {
  StateCode m = 0;
  for (const ConflictOptionIndex o : options) m |= StateCode{1} << o.get();
  return m;
}

std::size_t groups(const gmcr::Analysis& a, StateCode mask) {
  std::vector<StateCode> keys;
  keys.reserve(a.states.size());
  for (const StateCode s : a.states) keys.push_back(s & mask);
  std::sort(keys.begin(), keys.end());
  return static_cast<std::size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

// The options of the first decision makers (whole, then one option at a time) that keep the
// number of nodes within `max_nodes`.
std::vector<ConflictOptionIndex> automatic_kept(const Conflict& c, const gmcr::Analysis& a, std::size_t max_nodes) {
  std::vector<ConflictOptionIndex> kept;
  for (const DecisionMaker& dm : c.decision_makers) {
    std::vector<ConflictOptionIndex> trial = kept;
    trial.insert(trial.end(), dm.options.begin(), dm.options.end());
    if (groups(a, mask_of(trial)) <= max_nodes) {
      kept = std::move(trial);
      continue;
    }
    for (const ConflictOptionIndex o : dm.options) {
      trial = kept;
      trial.push_back(o);
      if (groups(a, mask_of(trial)) <= max_nodes) kept = std::move(trial);
    }
    break;
  }
  std::sort(kept.begin(), kept.end());
  return kept;
}

std::string node_pattern(StateCode code, StateCode kept, std::size_t n) {
  std::string p(n, '-');
  for (std::size_t i = 0; i < n; ++i)
    if ((kept >> i) & 1u) p[i] = ((code >> i) & 1u) ? 'Y' : 'N';
  return p;
}

std::string node_name(const Conflict& c, StateCode code, StateCode kept) {
  std::string out;
  for (const ConflictOptionIndex o : c.options.indices())
    if (((kept & code) >> o.get()) & 1u) out += (out.empty() ? "" : ", ") + c.options[o].id;
  return out.empty() ? "none" : out;
}

std::string dm_list(const Conflict& c, const std::vector<ConflictOptionIndex>& kept) {
  std::string out;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const auto& opts = c.decision_makers[d].options;
    const auto n = std::count_if(opts.begin(), opts.end(), [&](ConflictOptionIndex o) {
      return std::find(kept.begin(), kept.end(), o) != kept.end();
    });
    if (n == 0) continue;
    out += (out.empty() ? "" : ", ") + c.display_name(d);
    if (static_cast<std::size_t>(n) < opts.size()) out += " (in part)";
  }
  return out;
}

std::string label_of(const GmcrGraphNode& n) {
  return n.states > 1 ? n.pattern + " ×" + std::to_string(n.states) : n.pattern;
}

double box_width(const GmcrGraph& g) {
  std::size_t widest = 0;
  for (const auto& n : g.nodes) widest = std::max(widest, label_of(n).size());
  return std::max(40.0, kCharW * static_cast<double>(widest) + 12);
}

void lay_out(GmcrGraph& g, const std::vector<StateCode>& keys, StateCode kept) {
  const double box = box_width(g);
  const std::size_t columns = static_cast<std::size_t>(std::popcount(kept)) + 1;
  std::vector<std::size_t> size(columns, 0), row(g.nodes.size(), 0);
  for (std::size_t k = 0; k < g.nodes.size(); ++k) row[k] = size[static_cast<std::size_t>(std::popcount(keys[k]))]++;
  const std::size_t tallest = *std::max_element(size.begin(), size.end());
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const auto col = static_cast<std::size_t>(std::popcount(keys[k]));
    const double offset = static_cast<double>(tallest - size[col]) * kRow / 2;
    g.nodes[k].x = kMargin + 24 + static_cast<double>(col) * (box + kGap) + box / 2;
    g.nodes[k].y = kMargin + offset + static_cast<double>(row[k]) * kRow + kRow / 2;
  }
  g.width = 2 * kMargin + 24 + static_cast<double>(columns) * (box + kGap) - kGap + 60;
  g.height = 2 * kMargin + static_cast<double>(tallest) * kRow;
}

std::vector<gmcr::PathStep> best_path(const gmcr::Reachability& r) {
  if (r.by_improvements) return *r.by_improvements;
  if (r.by_moves) return *r.by_moves;
  return {};
}

}  // namespace

GmcrGraph gmcr_graph(const Conflict& c, const gmcr::RunResult& r, const GmcrGraphOptions& o) {
  GmcrGraph g;
  if (!r.ok()) {
    g.note = "The graph is not drawn: the stability analysis did not run.";
    return g;
  }
  const gmcr::Analysis& a = *r.analysis;
  if (a.states.empty()) {
    g.note = "The graph is not drawn: the conflict has no feasible state.";
    return g;
  }
  if (a.states.size() > kGmcrGraphMaxStates || c.options.size() > kMaxOptionsDrawn ||
      moves_walked(c, a.states.size()) > kMaxMovesWalked) {
    g.note = "The graph is not drawn: " + std::to_string(a.states.size()) + " states over " +
             std::to_string(c.options.size()) + " options exceed the picture's limit of " +
             std::to_string(kGmcrGraphMaxStates) + " states, " + std::to_string(kMaxOptionsDrawn) +
             " options and " + std::to_string(kMaxMovesWalked) + " candidate moves.";
    return g;
  }
  g.drawn = true;
  const std::size_t max_nodes = std::max<std::size_t>(2, o.max_nodes);
  std::vector<ConflictOptionIndex> all(c.options.indices().begin(), c.options.indices().end());
  if (a.states.size() <= max_nodes && o.collapse_by.empty()) {
    g.kept = all;
  } else {
    g.collapsed = true;
    g.kept = o.collapse_by.empty() ? automatic_kept(c, a, max_nodes) : o.collapse_by;
    std::sort(g.kept.begin(), g.kept.end());
  }
  const StateCode kept = mask_of(g.kept);
  const std::size_t n = c.options.size();

  // Nodes: one per distinct setting of the kept options, in the order of their first state.
  std::unordered_map<StateCode, std::size_t> node_of;
  std::vector<StateCode> keys;
  std::vector<std::size_t> state_node(a.states.size());
  for (gmcr::StateIndex s = 0; s < a.states.size(); ++s) {
    const StateCode key = a.states[s] & kept;
    auto [it, fresh] = node_of.try_emplace(key, g.nodes.size());
    if (fresh) {
      GmcrGraphNode node;
      node.pattern = node_pattern(key, kept, n);
      node.name = node_name(c, key, kept);
      node.first = s;
      node.states = 0;
      g.nodes.push_back(std::move(node));
      keys.push_back(key);
    }
    ++g.nodes[it->second].states;
    state_node[s] = it->second;
  }
  for (const Concept k : a.concepts)
    if (const auto& set = a.equilibria[k]) set->for_each([&](gmcr::StateIndex s) { ++g.nodes[state_node[s]].equilibria[k]; });
  if (a.status_quo) g.nodes[state_node[*a.status_quo]].status_quo = true;

  // Edges: every unilateral move, aggregated by (from node, mover, to node).
  const gmcr::detail::Graph graph = gmcr::detail::build_graph(c);
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, GmcrGraphEdge> edges;
  for (gmcr::StateIndex s = 0; s < a.states.size(); ++s) {
    const StateCode from = a.states[s];
    for (const DecisionMakerIndex d : c.decision_makers.indices()) {
      gmcr::detail::for_each_move(graph, graph.dm_mask[d], from, [&](StateCode to) {
        const std::size_t u = state_node[s], v = state_node[graph.index[to]];
        if (u == v) return;  // collapsed: a move within one node
        auto [it, fresh] = edges.try_emplace({u, d.get(), v});
        GmcrGraphEdge& e = it->second;
        if (fresh) {
          e.from = u, e.to = v, e.dm = d, e.moves = 0;
        }
        ++e.moves;
        if (graph.rank[d][to] > graph.rank[d][from]) ++e.improvements;
      });
    }
  }
  for (auto& [key, e] : edges) g.edges.push_back(e);

  // Status-quo paths, as nodes; their edges are marked.
  for (const gmcr::Reachability& reach : a.status_quo_paths) {
    std::vector<std::size_t> path;
    for (const gmcr::PathStep& step : best_path(reach)) {
      const std::size_t v = state_node[step.state];
      if (!path.empty() && path.back() != v && step.mover.valid()) {
        // g.edges is sorted by (from, mover, to): find the step's edge by binary search.
        const auto key = std::make_tuple(path.back(), step.mover.get(), v);
        const auto at = std::lower_bound(g.edges.begin(), g.edges.end(), key, [](const GmcrGraphEdge& e, const auto& k) {
          return std::make_tuple(e.from, e.dm.get(), e.to) < k;
        });
        if (at != g.edges.end() && std::make_tuple(at->from, at->dm.get(), at->to) == key) at->status_quo_path = true;
      }
      if (path.empty() || path.back() != v) path.push_back(v);
    }
    if (path.size() > 1) g.status_quo_paths.push_back(std::move(path));
  }
  std::sort(g.status_quo_paths.begin(), g.status_quo_paths.end());
  g.status_quo_paths.erase(std::unique(g.status_quo_paths.begin(), g.status_quo_paths.end()), g.status_quo_paths.end());

  lay_out(g, keys, kept);
  std::size_t improvements = 0, moves = 0;
  for (const auto& e : g.edges) {
    moves += e.moves;
    improvements += e.improvements;
  }
  if (!g.collapsed)
    g.note = "All " + std::to_string(a.states.size()) + " feasible states are drawn, in columns by the number of options taken; " +
             std::to_string(moves) + " unilateral moves, " + std::to_string(improvements) + " of them improvements.";
  else
    g.note = "The " + std::to_string(a.states.size()) + " feasible states are collapsed into " + std::to_string(g.nodes.size()) +
             " nodes by the options of " + dm_list(c, g.kept) +
             ": each node stands for the states that share those settings (×N: how many), and moves that change only "
             "other options are not drawn.";
  return g;
}

namespace {

// gmcr::explain for one state, only where the decision maker has an improvement (elsewhere the
// state is stable for it under every concept): per improvement, whether it is deterred and by
// which sequence ("RU→YYNN, US→YYNY"; the first step is the improvement itself).
Json why_json(const Conflict& c, const gmcr::Analysis& a, StateCode state) {
  Json out = Json::array();
  const gmcr::ExplainResult e = gmcr::explain(c, state, a.concepts);
  if (!e.ok()) return out;
  for (const gmcr::Explanation& x : e.explanations) {
    if (x.improvements.empty()) continue;
    Json imps = Json::array();
    for (const gmcr::Deterrence& d : x.improvements) {
      std::string by;
      for (std::size_t k = 1; k < d.sanction.size(); ++k)
        by += (by.empty() ? "" : ", ") + c.decision_makers[d.sanction[k].second].id + "→" +
              state_pattern(d.sanction[k].first, c.options.size());
      imps.push_back({{"to", state_pattern(d.improvement, c.options.size())}, {"deterred", d.deterred}, {"by", by}});
    }
    out.push_back({{"dm", c.decision_makers[x.decision_maker].id},
                   {"concept", std::string(gmcr::to_string(x.kind))},
                   {"stable", x.stable},
                   {"improvements", std::move(imps)}});
  }
  return out;
}

}  // namespace

Json gmcr_graph_json(const Conflict& c, const gmcr::Analysis& a, const GmcrGraph& g) {
  Json j;
  j["drawn"] = g.drawn;
  j["note"] = g.note;
  if (!g.drawn) return j;
  j["layout"] = "columns by the number of options taken, rows in state order";
  j["collapsed"] = g.collapsed;
  Json kept = Json::array();
  for (const ConflictOptionIndex o : g.kept) kept.push_back(c.options[o].id);
  j["kept_options"] = std::move(kept);
  j["width"] = std::round(g.width);
  j["height"] = std::round(g.height);
  Json dms = Json::array();
  for (const DecisionMakerIndex d : c.decision_makers.indices())
    dms.push_back({{"id", c.decision_makers[d].id},
                   {"name", c.display_name(d)},
                   {"colour", std::string(html::series_colour(static_cast<std::size_t>(d.get())))}});
  j["decision_makers"] = std::move(dms);
  Json concepts = Json::array();
  for (const Concept k : a.concepts)
    concepts.push_back({{"concept", std::string(gmcr::to_string(k))}, {"colour", std::string(concept_colour(k))}});
  j["concepts"] = std::move(concepts);
  Json nodes = Json::array();
  for (const GmcrGraphNode& n : g.nodes) {
    Json eq = Json::array(), counts = Json::object();
    for (const Concept k : a.concepts) {
      if (n.equilibria[k] > 0) eq.push_back(std::string(gmcr::to_string(k)));
      counts[std::string(gmcr::to_string(k))] = n.equilibria[k];
    }
    Json node{{"pattern", n.pattern}, {"name", n.name}, {"states", n.states}, {"status_quo", n.status_quo},
              {"equilibrium", std::move(eq)}};
    if (g.collapsed) node["equilibria"] = std::move(counts);
    node["x"] = std::round(n.x);
    node["y"] = std::round(n.y);
    if (!g.collapsed) node["why"] = why_json(c, a, a.states[n.first]);
    nodes.push_back(std::move(node));
  }
  j["nodes"] = std::move(nodes);
  Json edges = Json::array();
  for (const GmcrGraphEdge& e : g.edges) {
    Json edge{{"from", e.from}, {"to", e.to}, {"dm", c.decision_makers[e.dm].id}, {"improvement", e.improvements > 0}};
    if (g.collapsed) {
      edge["moves"] = e.moves;
      edge["improvements"] = e.improvements;
    }
    edge["status_quo_path"] = e.status_quo_path;
    edges.push_back(std::move(edge));
  }
  j["edges"] = std::move(edges);
  // At most as many paths as nodes drawn (an edge on any path is marked all the same).
  const std::size_t listed = std::min(g.status_quo_paths.size(), kGmcrGraphMaxNodes);
  j["status_quo_paths"] = std::vector<std::vector<std::size_t>>(g.status_quo_paths.begin(), g.status_quo_paths.begin() + static_cast<std::ptrdiff_t>(listed));
  j["status_quo_paths_count"] = g.status_quo_paths.size();
  return j;
}

namespace {

// A curved edge from the side of one box to the facing side of the other; the curve bends to
// the left of its direction, so a move and its reverse are two separate curves. Returns the
// path and its arrowhead (a polygon: the report loads nothing, not even url(#marker)).
std::pair<std::string, std::string> edge_path(const GmcrGraphNode& u, const GmcrGraphNode& v, double box) {
  double x1 = u.x, y1 = u.y, x2 = v.x, y2 = v.y;
  if (std::abs(x2 - x1) < 1) {  // same column: leave and enter on one side
    const double side = y2 > y1 ? 1 : -1;
    x1 += side * box / 2, x2 += side * box / 2;
  } else {
    const double side = x2 > x1 ? 1 : -1;
    x1 += side * box / 2, x2 -= side * box / 2;
  }
  const double dx = x2 - x1, dy = y2 - y1, len = std::max(1.0, std::hypot(dx, dy));
  const double bend = std::abs(u.x - v.x) < 1 ? std::max(24.0, 0.25 * len) : 0.12 * len;
  const double cx = (x1 + x2) / 2 + dy / len * bend, cy = (y1 + y2) / 2 - dx / len * bend;
  using html::num;
  // The arrowhead points along the curve's end tangent (from the control point).
  const double tx = x2 - cx, ty = y2 - cy, tl = std::max(1e-9, std::hypot(tx, ty));
  const double ux = tx / tl, uy = ty / tl, head = 7, half = 3;
  const double bx = x2 - ux * head, by = y2 - uy * head;
  return {"M" + num(x1) + "," + num(y1) + " Q" + num(cx) + "," + num(cy) + " " + num(x2) + "," + num(y2),
          num(x2) + "," + num(y2) + " " + num(bx - uy * half) + "," + num(by + ux * half) + " " + num(bx + uy * half) + "," +
              num(by - ux * half)};
}

// Words in lines of at most `width` characters (the legend fits the picture).
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return lines;
}

constexpr std::string_view kStyle =
    "<style>.gmcr-graph text{font:11px sans-serif;fill:#222}.gmcr-graph .pat{font:12px monospace}"
    ".gmcr-graph .mv{fill:none;stroke-width:0.8;stroke-opacity:0.35;stroke-dasharray:3 3}"
    ".gmcr-graph .mv.imp{stroke-width:1.4;stroke-opacity:0.85;stroke-dasharray:none}"
    ".gmcr-graph .mv.sqp{stroke-width:3;stroke-opacity:1}.gmcr-graph .ah{fill-opacity:0.35}.gmcr-graph .ah.imp{fill-opacity:0.9}"
    ".gmcr-graph .st rect{fill:#fff;stroke:#888;stroke-width:1}"
    ".gmcr-graph .st.eq rect{fill:#fff3c4;stroke:#b08800}"
    ".gmcr-graph .st.sq rect{stroke:#000;stroke-width:2.5}</style>";

}  // namespace

std::string gmcr_graph_svg(const Conflict& c, const gmcr::Analysis& a, const GmcrGraph& g) {
  using html::esc;
  using html::num;
  const double width = std::max(g.width, 760.0);
  const auto chars = static_cast<std::size_t>((width - 2 * kMargin) / 6.2);
  const std::vector<std::string> marks = wrap(
      "Solid: a unilateral improvement of the mover; dashed: any other unilateral move; thick: on a path from the "
      "status quo; bold box: the status quo (SQ); shaded box: an equilibrium; dots: equilibrium under the concepts above.",
      chars);
  const std::vector<std::string> note = wrap(g.note, chars);
  const double legend = kLegendH + 16 * static_cast<double>(marks.size() + note.size());
  const double height = g.height + legend;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gmcr-graph\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) + "\" role=\"img\" aria-label=\"State graph of the conflict\">"
                    "<title>State graph of the conflict</title>";
  out += kStyle;
  if (!g.drawn) {
    return out + "<text x=\"" + num(kMargin) + "\" y=\"" + num(kMargin + 12) + "\">" + esc(g.note) + "</text></svg>";
  }

  // Legend: decision makers, edge and node marks, concepts, the note.
  out += "<g class=\"legend\">";
  double x = kMargin;
  const double y1 = kMargin + 4, y3 = y1 + 20;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const std::string colour(html::series_colour(static_cast<std::size_t>(d.get())));
    out += "<line x1=\"" + num(x) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x + 22) + "\" y2=\"" + num(y1) +
           "\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    const std::string name = "moves of " + c.display_name(d);
    out += "<text x=\"" + num(x + 26) + "\" y=\"" + num(y1 + 4) + "\">" + esc(name) + "</text>";
    x += 40 + kCharW * static_cast<double>(name.size());
  }
  x = kMargin;
  for (const Concept k : a.concepts) {
    const std::string name(gmcr::to_string(k));
    out += "<circle cx=\"" + num(x + 4) + "\" cy=\"" + num(y3) + "\" r=\"4\" fill=\"" + std::string(concept_colour(k)) + "\"/>";
    out += "<text x=\"" + num(x + 11) + "\" y=\"" + num(y3 + 4) + "\">" + esc(name) + "</text>";
    x += 22 + kCharW * static_cast<double>(name.size());
  }
  double y = y3 + 4;
  for (const auto& lines : {marks, note})
    for (const std::string& line : lines) {
      y += 16;
      out += "<text x=\"" + num(kMargin) + "\" y=\"" + num(y) + "\">" + esc(line) + "</text>";
    }
  out += "</g><g transform=\"translate(0," + num(legend) + ")\">";

  const double box = box_width(g);
  out += "<g class=\"edges\">";
  for (const GmcrGraphEdge& e : g.edges) {
    const auto d = static_cast<std::size_t>(e.dm.get());
    std::string cls = "mv dm-" + std::to_string(d);
    if (e.improvements > 0) cls += " imp";
    if (e.status_quo_path) cls += " sqp";
    const auto [d_path, head] = edge_path(g.nodes[e.from], g.nodes[e.to], box);
    const std::string colour(html::series_colour(d));
    out += "<path class=\"" + cls + "\" data-from=\"" + std::to_string(e.from) + "\" data-to=\"" + std::to_string(e.to) +
           "\" d=\"" + d_path + "\" stroke=\"" + colour + "\"><title>" +
           esc(c.display_name(e.dm) + ": " + g.nodes[e.from].pattern + " → " + g.nodes[e.to].pattern +
               (e.improvements > 0 ? " (improvement)" : "") +
               (g.collapsed ? " — " + std::to_string(e.moves) + " moves, " + std::to_string(e.improvements) + " improvements" : "")) +
           "</title></path><polygon class=\"ah" + std::string(e.improvements > 0 ? " imp" : "") + "\" points=\"" + head +
           "\" fill=\"" + colour + "\"/>";
  }
  out += "</g><g class=\"nodes\">";
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const GmcrGraphNode& n = g.nodes[k];
    std::string cls = "st", under;
    for (const Concept c2 : a.concepts)
      if (n.equilibria[c2] > 0) {
        cls += " eq-" + std::string(gmcr::to_string(c2));
        under += (under.empty() ? "" : ", ") + std::string(gmcr::to_string(c2));
      }
    if (!under.empty()) cls += " eq";
    if (n.status_quo) cls += " sq";
    std::string title = n.pattern + ": " + n.name;
    if (n.states > 1) title += " (" + std::to_string(n.states) + " states)";
    if (!under.empty()) title += " — equilibrium under " + under;
    if (n.status_quo) title += " — status quo";
    out += "<g class=\"" + cls + "\" data-node=\"" + std::to_string(k) + "\" data-pattern=\"" + esc(n.pattern) + "\"><title>" +
           esc(title) + "</title>";
    out += "<rect x=\"" + num(n.x - box / 2) + "\" y=\"" + num(n.y - kBoxH / 2) + "\" width=\"" + num(box) + "\" height=\"" +
           num(kBoxH) + "\" rx=\"3\"/>";
    out += "<text class=\"pat\" x=\"" + num(n.x) + "\" y=\"" + num(n.y + 4) + "\" text-anchor=\"middle\">" + esc(label_of(n)) +
           "</text>";
    if (n.status_quo)
      out += "<text x=\"" + num(n.x - box / 2 - 4) + "\" y=\"" + num(n.y + 4) + "\" text-anchor=\"end\">SQ</text>";
    double dot = n.x + box / 2 + 6;
    for (const Concept c2 : a.concepts) {
      if (n.equilibria[c2] == 0) continue;
      out += "<circle class=\"mark-" + std::string(gmcr::to_string(c2)) + "\" cx=\"" + num(dot) + "\" cy=\"" + num(n.y) +
             "\" r=\"3.5\" fill=\"" + std::string(concept_colour(c2)) + "\"/>";
      dot += 8;
    }
    out += "</g>";
  }
  out += "</g></g></svg>";
  return out;
}

}  // namespace accord::report

// `accord tournament` output: JSON, CSV (docs/mediate-and-tournament.md) and text.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "accord/report/outcome.hpp"
#include "accord/report/outcome_metrics.hpp"
#include "accord/report/tournament.hpp"
#include "json_writer.hpp"

namespace accord::report {

namespace {

using tournament::Result;
using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json agent_names(const Result& r, const std::vector<std::size_t>& agents) {
  Json j = Json::array();
  for (const std::size_t a : agents) j.push_back(r.agents[a]);
  return j;
}

// Appends `item` to a separated list (not `(cond ? "" : sep) + item`: GCC 12 -O3 gives a false
// -Wrestrict on a literal plus a std::string).
void append(std::string& list, const char* sep, const std::string& item) {
  if (!list.empty()) list += sep;
  list += item;
}

std::string joined(const Result& r, const std::vector<std::size_t>& agents, const char* sep) {
  std::string out;
  for (const std::size_t a : agents) append(out, sep, r.agents[a]);
  return out;
}

std::string party_ids(const negotiate::Domain& d) {
  std::string out;
  for (const PartyIndex p : d.parties()) append(out, ", ", d.scenario().parties[p].id);
  return out;
}

// The id of a complete package of the domain (its negotiated issues' grid positions).
negotiate::PackageId package_id(const negotiate::Domain& d, const Package& x) {
  std::vector<std::uint32_t> options;
  for (const IssueIndex i : d.issues()) {
    const Issue& issue = d.scenario().issues[i];
    std::uint32_t k = 0;
    if (issue.kind == IssueKind::discrete) {
      k = static_cast<std::uint32_t>(x[i]->option.get());
    } else {
      while (k + 1 < issue.value_count() && issue.grid_value(k) != x[i]->value) ++k;
    }
    options.push_back(k);
  }
  return d.id(options);
}

Json domain_json(const tournament::DomainResult& dr, Names names) {
  const negotiate::Domain& d = *dr.domain;
  const Scenario& s = d.scenario();
  Json parties = Json::array(), issues = Json::array();
  for (const PartyIndex p : d.parties()) parties.push_back(s.parties[p].id);
  for (const IssueIndex i : d.issues()) issues.push_back(s.issues[i].id);
  // The Nash package written as the agreements are (GENIUS labels for GENIUS input).
  Json reference = reference_json(s, dr.reference);
  if (dr.reference.nash_package)
    reference["nash"]["package"] = negotiate_package_json(d, package_id(d, *dr.reference.nash_package), names);
  return {{"name", dr.name},
          {"parties", std::move(parties)},
          {"version", d.version().valid() ? Json(s.versions[d.version()].id) : Json(nullptr)},
          {"issues", std::move(issues)},
          {"packages", d.size()},
          {"assignments", dr.assignments},
          {"reference", std::move(reference)}};
}

std::string number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

std::string csv_field(const std::string& x) {
  if (x.find_first_of(",\"\n") == std::string::npos) return x;
  std::string out = "\"";
  for (const char c : x) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? std::string("-") : fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

std::string optional_fixed(const std::optional<double>& x, int digits = 3) { return x ? fixed(*x, digits) : std::string("-"); }

}  // namespace

namespace {

void numbers(detail::JsonWriter& w, std::string_view key, const std::vector<double>& xs) {
  w.begin_array(key);
  for (const double x : xs) w.value(Json(x));
  w.end();
}

void optional_number(detail::JsonWriter& w, std::string_view key, const std::optional<double>& x) {
  w.value(key, x ? Json(*x) : Json(nullptr));
}

void negotiation_json(detail::JsonWriter& w, const Result& r, const tournament::Negotiation& n, Names names) {
  w.begin_object();
  w.value("domain", Json(n.domain));
  w.begin_array("agents");
  for (const std::size_t a : n.agents) w.text(r.agents[a]);
  w.end();
  w.value("repeat", Json(n.repeat));
  w.value("seed", Json(n.seed));
  w.text("ending", negotiate::to_string(n.ending));
  w.value("actions", Json(n.actions));
  w.value("round", Json(n.round));
  if (n.agreement) {
    w.begin_object("agreement");
    w.value("package", negotiate_package_json(*r.domains[n.domain].domain, *n.agreement, names));
    w.end();
  } else {
    w.value("agreement", nullptr);
  }
  numbers(w, "utilities", n.metrics.utilities);
  w.value("welfare", Json(n.metrics.welfare));
  w.value("nash_product", Json(n.metrics.nash_product));
  optional_number(w, "pareto_distance", n.metrics.pareto_distance);
  optional_number(w, "nash_distance", n.metrics.nash_distance);
  w.end();
}

void write_document(detail::JsonWriter& w, const Result& r, Names names, bool list_negotiations) {
  w.begin_object();
  Json head;
  head["schema"] = kTournamentSchema;
  add_outcome_json(head, r.outcome);
  for (auto it = head.begin(); it != head.end(); ++it) w.value(it.key(), it.value());
  if (!r.outcome.ok()) return w.end();
  w.value("agents", r.agents);
  w.value("rounds", Json(r.rounds));
  w.value("repeats", Json(r.repeats));
  w.value("seed", Json(r.seed));
  w.value("planned", Json(r.planned));
  w.value("negotiations", Json(r.negotiations));
  Json domains = Json::array();
  for (const auto& dr : r.domains) domains.push_back(domain_json(dr, names));
  w.value("domains", domains);
  Json per_agent = Json::array();
  for (const auto& st : r.per_agent)
    per_agent.push_back({{"agent", st.agent},
                         {"slots", st.slots},
                         {"agreements", st.agreements},
                         {"agreement_rate", st.agreement_rate},
                         {"mean_utility", st.mean_utility},
                         {"mean_advantage", st.mean_advantage},
                         {"mean_rounds", optional_json(st.mean_rounds)}});
  w.value("per_agent", per_agent);
  w.begin_array("assignments");
  for (const auto& as : r.per_assignment)
    w.value(Json{{"domain", as.domain},
                 {"agents", agent_names(r, as.agents)},
                 {"negotiations", as.negotiations},
                 {"agreements", as.agreements},
                 {"mean_utilities", as.mean_utilities},
                 {"mean_welfare", as.mean_welfare},
                 {"mean_rounds", optional_json(as.mean_rounds)},
                 {"mean_pareto_distance", optional_json(as.mean_pareto_distance)},
                 {"mean_nash_distance", optional_json(as.mean_nash_distance)}});
  w.end();
  if (list_negotiations) {
    w.begin_array("results");
    for (const auto& n : r.results) negotiation_json(w, r, n, names);
    w.end();
  }
  w.end();
}

}  // namespace

Json tournament_json(const Result& r, Names names, bool list_negotiations) {
  detail::TreeWriter w;
  write_document(w, r, names, list_negotiations);
  return w.take();
}

bool write_tournament_json(std::ostream& os, const Result& r, Names names, bool list_negotiations) {
  {
    detail::StreamWriter w(os);
    write_document(w, r, names, list_negotiations);
  }  // flushed
  os << '\n';
  os.flush();
  return static_cast<bool>(os);
}

void tournament_csv(const Result& r, std::ostream& out) {
  std::size_t n = 0;
  for (const auto& dr : r.domains) n = std::max(n, dr.domain->party_count());
  out << "domain,assignment,repeat,seed";
  for (std::size_t q = 1; q <= n; ++q) out << ",agent_" << q;
  out << ",ending,agreement,actions,round";
  for (std::size_t q = 1; q <= n; ++q) out << ",utility_" << q;
  out << ",welfare,nash_product,pareto_distance,nash_distance\n";
  for (const auto& x : r.results) {
    out << csv_field(r.domains[x.domain].name) << ',' << x.assignment << ',' << x.repeat << ',' << x.seed;
    for (std::size_t q = 0; q < n; ++q) out << ',' << (q < x.agents.size() ? csv_field(r.agents[x.agents[q]]) : "");
    out << ',' << negotiate::to_string(x.ending) << ',' << (x.agreement ? 1 : 0) << ',' << x.actions << ',' << x.round;
    for (std::size_t q = 0; q < n; ++q) out << ',' << (q < x.metrics.utilities.size() ? number(x.metrics.utilities[q]) : "");
    out << ',' << number(x.metrics.welfare) << ',' << number(x.metrics.nash_product) << ','
        << (x.metrics.pareto_distance ? number(*x.metrics.pareto_distance) : "") << ','
        << (x.metrics.nash_distance ? number(*x.metrics.nash_distance) : "") << '\n';
  }
}

std::string tournament_text(const Result& r, Style style) {
  if (!r.outcome.ok()) return "The tournament could not run: " + r.outcome.message() + "\n";
  std::string out;
  std::string agents;
  for (const auto& a : r.agents) append(agents, ", ", a);
  out += wrap("Tournament (simulation, stacked alternating offers): agents " + agents + "; " +
              std::to_string(r.negotiations) + " negotiations (every assignment of the agents to the parties, " +
              std::to_string(r.repeats) + (r.repeats == 1 ? " repeat" : " repeats") + " each), deadline " +
              std::to_string(r.rounds) + " rounds, seed " + std::to_string(r.seed) + ".");
  out += "\nPer agent (over every party it played; utility = the reservation without agreement):\n";
  Table agents_table{{"agent", "played", "agreements", "mean utility", "mean advantage", "mean rounds"},
                     {},
                     {false, true, true, true, true, true}};
  for (const auto& st : r.per_agent)
    agents_table.rows.push_back({st.agent, std::to_string(st.slots), percent(st.agreements, st.slots), fixed(st.mean_utility),
                                 fixed(st.mean_advantage), optional_fixed(st.mean_rounds, 1)});
  out += agents_table.render(style);
  constexpr std::size_t kRows = 40;
  std::size_t at = 0;
  for (std::size_t k = 0; k < r.domains.size(); ++k) {
    const auto& dr = r.domains[k];
    const auto& ref = dr.reference;
    out += "\n";
    std::string head = "Domain " + dr.name + " (parties " + party_ids(*dr.domain) + "; " +
                       std::to_string(dr.domain->size()) + " packages): Pareto frontier " +
                       (ref.frontier_complete ? std::to_string(ref.frontier.size()) + " points" : std::string("not computed"));
    if (ref.nash) {
      std::string u;
      for (const double x : *ref.nash) append(u, ", ", fixed(x));
      head += ", Nash point (" + u + ")";
    } else {
      head += ref.finding == bargain::Finding::no_zone ? ", no Nash point (no package acceptable to all)"
                                                        : ", Nash point unknown";
    }
    out += wrap(head + ".");
    // Two parties: "A vs B" and both mean utilities; more: "A/B/C/…" and the utilities only in
    // --json and --csv (a row of five would not fit).
    const bool pair = dr.domain->party_count() == 2;
    Table t{{"agents", "agreements", "welfare", "rounds", "to Pareto", "to Nash"}, {}, {false, true, true, true, true, true}};
    if (pair) {
      t.header.insert(t.header.begin() + 2, "mean utilities");
      t.right_align.insert(t.right_align.begin() + 2, false);
    }
    std::size_t shown = 0, rows = 0;
    for (; at < r.per_assignment.size() && r.per_assignment[at].domain == k; ++at, ++rows) {
      const auto& as = r.per_assignment[at];
      if (as.negotiations == 0 || shown == kRows) continue;
      std::vector<std::string> row{joined(r, as.agents, pair ? " vs " : "/"), percent(as.agreements, as.negotiations),
                                   fixed(as.mean_welfare), optional_fixed(as.mean_rounds, 1),
                                   optional_fixed(as.mean_pareto_distance), optional_fixed(as.mean_nash_distance)};
      if (pair) row.insert(row.begin() + 2, fixed(as.mean_utilities[0]) + " " + fixed(as.mean_utilities[1]));
      t.rows.push_back(std::move(row));
      ++shown;
    }
    out += t.render(style);
    if (rows > shown) out += "… " + std::to_string(rows - shown) + " more assignments in --json and --csv\n";
  }
  if (!r.outcome.termination.finished())
    out += "\nPARTIAL RESULT: " + std::string(to_string(r.outcome.termination.stop)) + " (" + r.outcome.termination.detail + ")\n";
  return out;
}

}  // namespace accord::report

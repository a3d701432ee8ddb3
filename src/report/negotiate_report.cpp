#include "accord/report/negotiate.hpp"

#include <nlohmann/json.hpp>

#include "accord/model/utility.hpp"
#include "accord/report/outcome.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;
using negotiate::Domain;
using negotiate::PackageId;
using negotiate::Result;

namespace {

Json setting_json(const Issue& issue, const Setting& x, Names names) {
  if (issue.kind == IssueKind::numeric) return Json(x.value);
  const Option& o = issue.options[x.option];
  return Json(names == Names::genius && !o.label.empty() ? o.label : o.id);
}

const std::string& issue_name(const Issue& issue, Names names) {
  return names == Names::genius && !issue.title.empty() ? issue.title : issue.id;
}

std::string setting_text(const Issue& issue, const Setting& x, Names names) {
  if (issue.kind == IssueKind::numeric) return describe(issue, x);
  return setting_json(issue, x, names).get<std::string>();
}

const std::string& pid(const Domain& d, std::size_t k) { return d.scenario().parties[d.parties()[k]].id; }

std::string number(double x) { return fixed(x, 3); }

}  // namespace

Json negotiate_package_json(const Domain& d, PackageId x, Names names) {
  const Scenario& s = d.scenario();
  const Package p = d.package(x);
  Json j = Json::object();
  for (const IssueIndex i : s.issues.indices())
    if (p[i]) j[issue_name(s.issues[i], names)] = setting_json(s.issues[i], *p[i], names);
  return j;
}

Json negotiate_json(const Domain* d, const Result& r, Names names) {
  Json j;
  j["schema"] = kNegotiateSchema;
  j["scenario"] = d ? Json(d->scenario().id) : Json(nullptr);
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok() || d == nullptr) return j;
  const Scenario& s = d->scenario();
  j["protocol"] = "sao";
  Json parties = Json::array();
  for (std::size_t k = 0; k < d->party_count(); ++k) parties.push_back(pid(*d, k));
  j["parties"] = std::move(parties);
  j["agents"] = r.agents;
  j["rounds"] = r.rounds;
  j["seed"] = r.seed;
  j["version"] = d->version().valid() ? Json(s.versions[d->version()].id) : Json(nullptr);
  Json issues = Json::array();
  for (const IssueIndex i : d->issues()) issues.push_back(issue_name(s.issues[i], names));
  j["issues"] = std::move(issues);
  Json fixed_issues = Json::object();
  for (const IssueIndex i : s.issues.indices())
    if (d->fixed()[i]) fixed_issues[issue_name(s.issues[i], names)] = setting_json(s.issues[i], *d->fixed()[i], names);
  j["fixed"] = std::move(fixed_issues);
  j["packages"] = d->size();
  j["offers_by"] = d->sorted() ? "sorting" : "search";
  Json res = Json::array();
  for (std::size_t k = 0; k < d->party_count(); ++k) res.push_back(d->stats(k).reservation);
  j["reservations"] = std::move(res);
  Json best = Json::array();  // Pmax: the best each party can get in this space
  for (std::size_t k = 0; k < d->party_count(); ++k) best.push_back(d->stats(k).pmax);
  j["best"] = std::move(best);
  j["ending"] = std::string(negotiate::to_string(r.ending));
  if (r.agreement) {
    j["agreement"] = {{"package", negotiate_package_json(*d, r.agreement->id, names)},
                      {"utilities", r.agreement->utilities},
                      {"proposer", pid(*d, r.agreement->proposer)}};
  } else {
    j["agreement"] = nullptr;
  }
  j["utilities"] = r.utilities;
  j["actions"] = r.actions;
  j["round"] = r.round;
  j["ended_by"] = r.ended_by ? Json(pid(*d, *r.ended_by)) : Json(nullptr);
  if (!r.trace.empty()) {
    Json trace = Json::array();
    for (const negotiate::Step& st : r.trace) {
      Json e = {{"action", st.action}, {"round", st.round}, {"t", st.t}, {"party", pid(*d, st.party)},
                {"kind", std::string(negotiate::to_string(st.kind))}};
      if (st.kind != negotiate::ActionKind::end) {
        e["package"] = negotiate_package_json(*d, st.package, names);
        std::vector<double> u;
        for (std::size_t k = 0; k < d->party_count(); ++k) u.push_back(d->utility(k, st.package));
        e["utilities"] = std::move(u);
      }
      trace.push_back(std::move(e));
    }
    j["trace"] = std::move(trace);
  }
  return j;
}

std::string negotiate_text(const Domain& d, const Result& r, Style style, Names names) {
  const Scenario& s = d.scenario();
  const bool md = style == Style::markdown;
  std::string out;
  std::string who;
  for (std::size_t k = 0; k < d.party_count(); ++k)
    who += (k ? ", " : "") + pid(d, k) + " " + (k < r.agents.size() ? r.agents[k] : std::string("?"));
  out += wrap("Simulated negotiation (stacked alternating offers, " + std::to_string(d.party_count()) +
                  " parties, " + std::to_string(r.rounds) + " rounds, seed " + std::to_string(r.seed) + "): " + who + ".");
  std::string space = std::to_string(d.size()) + " packages over " + std::to_string(d.issues().size()) + " open issue" +
                      (d.issues().size() == 1 ? "" : "s");
  if (d.version().valid()) {
    std::size_t settled = 0;
    for (const IssueIndex i : s.issues.indices()) settled += d.fixed()[i] ? 1 : 0;
    space += "; " + s.versions[d.version()].id + " settles the other " + std::to_string(settled);
  }
  out += wrap("Space: " + space + " (offers by " + (d.sorted() ? "sorting" : "search") + ").");
  out += "\n";
  if (r.agreement) {
    const negotiate::Agreement& a = *r.agreement;
    const double t = r.rounds > 1 ? static_cast<double>(r.round) / static_cast<double>(r.rounds - 1) : 0.0;
    out += wrap("Agreement at action " + std::to_string(r.actions) + " (round " + std::to_string(r.round) +
                ", t = " + number(t) + "): " + pid(d, a.proposer) + "'s offer, accepted by every other party.");
    Table tab;
    tab.header = {"issue", "agreed"};
    for (const IssueIndex i : d.issues()) tab.rows.push_back({issue_name(s.issues[i], names), setting_text(s.issues[i], *a.package[i], names)});
    out += "\n" + tab.render(style);
  } else if (r.ending == negotiate::Ending::ended) {
    out += wrap("No agreement: " + pid(d, r.ended_by.value_or(0)) + " ended the negotiation at action " +
                std::to_string(r.actions) + " (round " + std::to_string(r.round) + "); every party gets its reservation value.");
  } else if (r.ending == negotiate::Ending::stopped) {
    out += wrap("Stopped by the budget after " + std::to_string(r.actions) + " actions (partial: " +
                r.outcome.termination.detail + "); no agreement is reported.");
  } else {
    out += wrap("No agreement after " + std::to_string(r.actions) + " actions (the deadline of " +
                std::to_string(r.rounds) + " rounds); every party gets its reservation value.");
  }
  Table u;
  u.header = {"party", "agent", "utility", "reservation", "best possible"};
  u.right_align = {false, false, true, true, true};
  std::vector<std::size_t> short_of;
  for (std::size_t k = 0; k < d.party_count(); ++k) {
    const negotiate::PartyStats& st = d.stats(k);
    u.rows.push_back({pid(d, k), k < r.agents.size() ? r.agents[k] : "", number(r.utilities[k]), number(st.reservation),
                      st.has_packages ? number(st.pmax) : "none"});
    if (!st.has_packages || st.pmax < st.reservation - negotiate::kNegotiationEps) short_of.push_back(k);
  }
  out += "\n" + u.render(style);
  for (const std::size_t k : short_of) {
    const std::string& p = pid(d, k);
    const negotiate::PartyStats& st = d.stats(k);
    out += "\n" + wrap(st.has_packages ? p + "'s best package in this space (" + number(st.pmax) + ") is below its reservation value (" +
                                        number(st.reservation) + "): the built-in agents accept no offer below it, so " + p +
                                        " accepts none here."
                                  : "Every package of this space crosses one of " + p + "'s red lines: " + p + " accepts none.");
  }
  if (!r.trace.empty()) {
    Table tr;
    tr.header = {"action", "round", "t", "party", "move"};
    for (std::size_t k = 0; k < d.party_count(); ++k) tr.header.push_back("U " + pid(d, k));
    tr.right_align = {true, true, true, false, false};
    tr.right_align.resize(tr.header.size(), true);
    for (const negotiate::Step& st : r.trace) {
      std::string move(negotiate::to_string(st.kind));
      std::vector<std::string> row = {std::to_string(st.action), std::to_string(st.round), number(st.t), pid(d, st.party)};
      if (st.kind == negotiate::ActionKind::offer) {
        std::string pkg;
        const Package p = d.package(st.package);
        for (std::size_t j = 0; j < d.issues().size(); ++j) {
          if (j > 0) pkg += ", ";
          pkg += setting_text(s.issues[d.issues()[j]], *p[d.issues()[j]], names);
        }
        move += " " + pkg;
      }
      row.push_back(move);
      for (std::size_t k = 0; k < d.party_count(); ++k)
        row.push_back(st.kind == negotiate::ActionKind::end ? "" : number(d.utility(k, st.package)));
      tr.rows.push_back(std::move(row));
    }
    out += "\n" + std::string(md ? "**Trace**\n\n" : "Trace:\n") + tr.render(style, text_width(), 4);
  }
  out += "\n" + wrap("This is a simulation of strategies (docs/negotiation.md), not a forecast.");
  return out;
}

}  // namespace accord::report

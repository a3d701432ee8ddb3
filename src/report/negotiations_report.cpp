// Simulated negotiations in `accord report` (report/negotiations.hpp).
#include "accord/report/negotiations.hpp"

#include <nlohmann/json.hpp>

#include "accord/engines/bargain.hpp"
#include "accord/model/plural.hpp"
#include "accord/report/negotiate.hpp"
#include "accord/report/outcome.hpp"
#include "accord/report/sources.hpp"

namespace accord::report {

namespace {

struct Profile {
  const char* name;
  const char* agent;
  bool sorted_only;  // MiCRO needs every package sorted (docs/negotiation.md "Search")
};
constexpr Profile kProfiles[] = {
    {"every party linear (concedes steadily)", "linear", false},
    {"every party boulware (concedes late)", "boulware", false},
    {"every party MiCRO (concedes only as much as the others)", "micro", true},
};

std::string party_list(const Scenario& s, const std::vector<PartyIndex>& parties) {
  std::string out;
  for (std::size_t k = 0; k < parties.size(); ++k)
    out += (k == 0 ? "" : k + 1 == parties.size() ? " and " : ", ") + s.parties[parties[k]].id;
  return out;
}

}  // namespace

SimulatedNegotiations simulate_negotiations(const Scenario& s, std::size_t max_parties, const Deadline& deadline,
                                            Termination& end) {
  SimulatedNegotiations out;
  end = Termination::done();
  if (s.versions.empty()) return out;
  const std::vector<PartyIndex> parties = bargain::default_bargaining_parties(s);
  if (parties.size() < 2) return out;
  if (parties.size() > max_parties) {
    end = {Stop::size_limit, std::to_string(parties.size()) + " bargaining parties > " + std::to_string(max_parties) +
                                 " (the report's limit): no negotiation simulated"};
    return out;
  }
  negotiate::DomainParams dp;
  dp.parties = parties;
  dp.version = VersionIndex(s.versions.size() - 1);
  dp.deadline = deadline;
  negotiate::DomainBuild built = negotiate::Domain::build(s, dp);
  if (!built.ok()) {
    const Termination& t = built.outcome.termination;
    end = t.finished() || t.stop == Stop::not_set ? Termination{Stop::size_limit, built.outcome.message()} : t;
    return out;
  }
  out.domain = built.domain;
  if (out.domain->issues().empty()) return out;  // the version settles everything: nothing to negotiate
  for (const Profile& p : kProfiles) {
    if (p.sorted_only && !out.domain->sorted()) continue;
    negotiate::Params np;
    np.agents.assign(parties.size(), p.agent);
    np.rounds = kReportNegotiationRounds;
    np.seed = 1;
    np.deadline = deadline;
    negotiate::Result r = negotiate::run(*out.domain, np);
    if (!r.outcome.termination.finished() && r.outcome.termination.stop != Stop::not_set && end.finished())
      end = r.outcome.termination;
    out.runs.push_back({p.name, std::move(r)});
  }
  return out;
}

nlohmann::ordered_json negotiations_json(const SimulatedNegotiations& n) {
  nlohmann::ordered_json j;
  j["model_output"] = true;
  j["rounds"] = kReportNegotiationRounds;
  j["profiles"] = nlohmann::ordered_json::array();
  for (const SimulatedNegotiation& run : n.runs) {
    nlohmann::ordered_json p;
    p["profile"] = run.profile;
    p["negotiation"] = negotiate_json(n.domain.get(), run.result);
    j["profiles"].push_back(std::move(p));
  }
  return j;
}

std::vector<std::string> negotiations_lines(const Scenario& s, const SimulatedNegotiations& n) {
  std::vector<std::string> out;
  if (!n.domain) return out;
  const negotiate::Domain& d = *n.domain;
  const Version& v = s.versions[d.version()];
  if (d.issues().empty()) return {"No negotiation simulated: " + v.id + " leaves no issue open."};
  out.push_back("Model output, not a forecast: stacked alternating offers (docs/negotiation.md) between " +
                party_list(s, d.parties()) + " over the " + counted(d.issues().size(), "issue") + " " + v.id +
                " leaves open (the issues it settles stay as it sets them), " +
                std::to_string(kReportNegotiationRounds) +
                " rounds, each party's utility and reservation from its preferences (the Parties section marks "
                "which are estimates).");
  for (std::size_t k = 0; k < d.party_count(); ++k) {
    const negotiate::PartyStats& st = d.stats(k);
    const std::string& id = s.parties[d.parties()[k]].id;
    if (!st.has_packages)
      out.push_back(id + ": every package here crosses one of its red lines, so it accepts no offer.");
    else if (st.pmax < st.reservation - negotiate::kNegotiationEps)
      out.push_back(id + ": its best package here (" + fixed(st.pmax) + ") is below its reservation (" +
                    fixed(st.reservation) +
                    (reservation_is_estimate(s.preferences[d.parties()[k]]) ? ", an estimate" : "") +
                    "), so it accepts no offer; only a reservation at or below " + fixed(st.pmax) +
                    " lets an offer reach it.");
  }
  for (const SimulatedNegotiation& run : n.runs) {
    const negotiate::Result& r = run.result;
    std::string line = run.profile + ": ";
    if (!r.outcome.ok()) {
      line += r.outcome.message() + ".";
    } else if (r.agreement) {
      line += "agreement at action " + std::to_string(r.actions) + " (round " + std::to_string(r.round) + " of 0–" +
              std::to_string(r.rounds - 1) + "):";
      for (std::size_t k = 0; k < d.party_count(); ++k)
        line += std::string(k == 0 ? " " : ", ") + s.parties[d.parties()[k]].id + " " + fixed(r.agreement->utilities[k]);
      line += ".";
    } else if (r.ending == negotiate::Ending::ended && r.ended_by) {
      line += s.parties[d.parties()[*r.ended_by]].id + " ended it at action " + std::to_string(r.actions) +
              " (no package here reaches its reservation); every party gets its reservation value.";
    } else if (r.ending == negotiate::Ending::stopped) {
      line += "stopped by the report's time budget after " + counted(r.actions, "action") + ", no agreement.";
    } else {
      line += "no agreement after " + counted(r.actions, "action") + "; every party gets its reservation value.";
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string negotiations_text(const Scenario& s, const SimulatedNegotiations& n, Style style) {
  const std::vector<std::string> lines = negotiations_lines(s, n);
  if (lines.empty()) return wrap("No negotiation simulated (it needs a framework version and two bargaining parties).");
  std::string out = wrap(lines.front());
  // A list in both styles; Markdown needs the blank line before it.
  if (style == Style::markdown && lines.size() > 1) out += "\n";
  for (std::size_t k = 1; k < lines.size(); ++k) out += wrap("- " + lines[k]);
  return out;
}

}  // namespace accord::report

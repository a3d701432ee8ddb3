// `accord report`: the whole analysis of a scenario in one document.
#include <nlohmann/json.hpp>
#include <optional>

#include "accord/report/forecast.hpp"
#include "accord/report/bargain.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {

namespace {

std::size_t count_estimates(const Scenario& s) {
  std::size_t n = 0;
  auto fields = [&n](const FieldProvenance& fp) {
    for (const auto& [_, p] : fp) n += p.estimate ? 1 : 0;
  };
  for (const auto& p : s.parties) n += p.provenance.estimate, fields(p.field_provenance);
  for (const auto& i : s.issues) n += i.provenance.estimate, fields(i.field_provenance);
  for (const auto& pr : s.preferences) {
    n += pr.provenance.estimate;
    fields(pr.field_provenance);
    for (const auto& ip : pr.issues) n += ip.provenance.estimate, fields(ip.field_provenance);
  }
  for (const auto& v : s.versions) {
    n += v.provenance.estimate;
    for (const auto& pt : v.points) n += pt.provenance.estimate, fields(pt.field_provenance);
    for (const auto& row : v.stances)
      for (const auto& st : row) n += st.provenance.estimate;
  }
  return n;
}

std::string heading(const std::string& title, Style style) {
  if (style == Style::markdown) return "\n## " + title + "\n\n";
  return "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";
}

// A share of the time left for one section, so one slow engine cannot starve the rest.
Deadline share(const Deadline& d, double fraction) {
  return d.limited() ? d.within(d.seconds_left() * fraction) : d;
}

// The first non-finished termination of a list of runs (finished when all are).
template <class Results>
Termination first_partial(const Results& rs) {
  for (const auto& r : rs)
    if (!r.outcome.termination.finished()) return r.outcome.termination;
  return Termination::done();
}

std::vector<diff::Result> evolution(const Scenario& s, const ReportOptions& options) {
  std::vector<diff::Result> out;
  const diff::Params params{share(options.deadline, 0.2)};
  for (std::size_t v = 1; v < s.versions.size(); ++v)
    out.push_back(diff::run(s, VersionIndex(v - 1), VersionIndex(v), params));
  if (s.versions.size() > 2)
    out.push_back(diff::run(s, VersionIndex(std::size_t{0}), VersionIndex(s.versions.size() - 1), params));
  return out;
}

std::vector<evaluate::Result> evaluations(const Scenario& s, const ReportOptions& options) {
  evaluate::Params params = options.evaluate;
  params.deadline = share(options.deadline, 0.2);
  std::vector<evaluate::Result> out;
  for (std::size_t v = 0; v < s.versions.size(); ++v) out.push_back(evaluate::run_version(s, VersionIndex(v), params));
  return out;
}

// The termination an engine headline's JSON carries (finished when it has none).
Termination termination_from_json(const Json& section) {
  const auto it = section.find("termination");
  if (it == section.end() || !it->is_object()) return Termination::done();
  const std::string stop = it->value("stop", std::string("finished"));
  for (const Stop st : {Stop::finished, Stop::time_limit, Stop::node_limit, Stop::size_limit, Stop::memory_limit})
    if (stop == to_string(st)) return {st, it->value("detail", std::string())};
  return Termination::done();
}

void record(SectionTerminations* out, const std::string& section, const Termination& t) {
  if (out != nullptr) out->push_back({section, t});
}

std::string not_computed(const std::string& what, const Termination& t) {
  return wrap(what + " not computed (" + std::string(to_string(t.stop)) + ": " + t.detail + ").");
}

std::string verdict_mark(evaluate::Verdict v) {
  switch (v) {
    case evaluate::Verdict::acceptable: return "yes";
    case evaluate::Verdict::unacceptable: return "NO";
    case evaluate::Verdict::open: return "open";
    case evaluate::Verdict::not_set: break;
  }
  return "?";
}

std::string ids(const Scenario& s, const std::vector<PartyIndex>& ps) {
  constexpr std::size_t kNamed = 20;  // a summary line, not a roll call
  std::string out;
  for (std::size_t k = 0; k < ps.size() && k < kNamed; ++k) out += (out.empty() ? "" : ", ") + s.parties[ps[k].get()].id;
  if (ps.size() > kNamed) out += " and " + std::to_string(ps.size() - kNamed) + " more";
  return out;
}

// The answers a mediator asks for first, one line each, computed from the sections below.
std::string summary_text(const Scenario& s, const ReportOptions& options, const bargain::Result* bp,
                         const std::vector<evaluate::Result>& evals, const Termination& gmcr) {
  std::string out;
  auto bullet = [&out](const std::string& text) {
    std::string w = wrap(text, 100, "  ");  // indented continuation lines
    out += w.replace(0, 2, "- ");
  };
  if (!s.versions.empty()) {
    const VersionIndex last(s.versions.size() - 1);
    const evaluate::Result& e = evals.back();
    (void)options;
    std::vector<PartyIndex> yes, no, open;
    std::string crossed;
    std::size_t crossing = 0;
    for (const auto& pr : e.parties) {
      (pr.verdict == evaluate::Verdict::acceptable ? yes
       : pr.verdict == evaluate::Verdict::unacceptable ? no : open).push_back(pr.party);
      if (!pr.red_lines_crossed.empty()) {
        std::string issues;
        for (IssueIndex i : pr.red_lines_crossed) issues += (issues.empty() ? "" : ", ") + s.issues[i.get()].id;
        if (++crossing <= 20) crossed += (crossed.empty() ? "" : "; ") + s.parties[pr.party.get()].id + ": " + issues;
      }
    }
    const std::string vid = s.versions[last.get()].id;
    std::string line = "Latest text " + vid + ": acceptable to " + (yes.empty() ? "none" : ids(s, yes)) +
                       "; unacceptable to " + (no.empty() ? "none" : ids(s, no));
    if (!open.empty()) line += "; depends on its open issues for " + ids(s, open);
    line += ".";
    if (!crossed.empty())
      line += " Red lines crossed — " + crossed + (crossing > 20 ? "; and " + std::to_string(crossing - 20) + " more parties" : "") + ".";
    bullet(line);
    std::string ready = "Readiness of " + vid + ": " + (e.readiness.near_final ? "near-final" : "not near-final");
    if (!e.readiness.standing_between.empty())
      ready += "; " + std::to_string(e.readiness.standing_between.size()) + " points stand between it and near-final";
    bullet(ready + ".");
  }
  if (bp != nullptr && bp->outcome.ok()) {
    const bargain::Result& b = *bp;
    if (b.finding == bargain::Finding::zone_exists) {
      std::string z = "A zone of agreement exists among " + ids(s, b.parties) + ".";
      if (b.solutions.nash) z += " See the Nash and Kalai–Smorodinsky packages below.";
      if (b.closest && b.closest->zone_exists)
        z += " The closest acceptable change to the latest text changes " +
             std::to_string(b.closest->changed_issues) + " of its settled issues.";
      bullet(z);
    } else if (b.finding == bargain::Finding::no_zone) {
      std::string z = "No package is acceptable to all of " + ids(s, b.parties) + ".";
      if (!b.blocked_issues.empty()) {
        std::string issues;
        for (IssueIndex i : b.blocked_issues) issues += (issues.empty() ? "" : ", ") + s.issues[i.get()].id;
        z += " On " + issues + " every option crosses some party's red line, so no deal exists unless a "
             "red line there moves.";
      }
      if (b.closest && !b.closest->shortfall.empty()) {
        double worst = 0.0;
        for (double x : b.closest->shortfall) worst = std::max(worst, x);
        z += worst <= kUtilityEps ? " Apart from those red lines, a package exists that gives every party at "
                                    "least its reservation"
                                  : " The smallest largest shortfall below reservation is " + fixed(worst);
        if (!s.versions.empty())
          z += "; the closest such package changes " + std::to_string(b.closest->changed_issues) + " of the issues " +
               s.versions.back().id + " settles (below)";
        z += ".";
      }
      bullet(z);
    }
  }
  if (s.conflict && gmcr.finished()) {
    const nlohmann::ordered_json g = gmcr_headline_json(s, share(options.deadline, 0.5));
    if (g.contains("status_quo")) {
      const auto& sq = g["status_quo"];
      std::string under;
      for (const auto& c : sq["equilibrium_under"]) under += (under.empty() ? "" : ", ") + c.get<std::string>();
      bullet("Stability: the status quo " + sq["state"].get<std::string>() + " is " +
             (under.empty() ? "not an equilibrium" : "an equilibrium under " + under) + "; " +
             std::to_string(sq["reachable_by_improvements"].size()) +
             " other equilibria are reachable from it by unilateral improvements.");
    }
  }
  return out;
}

// Bargaining over the latest version as the draft: the closest acceptable change to it.
bargain::Params bargain_params(const Scenario& s, const ReportOptions& options) {
  (void)s;
  bargain::Params p;
  p.deadline = share(options.deadline, 0.5);
  if (!s.versions.empty()) {
    p.draft_version = VersionIndex(s.versions.size() - 1);
    p.draft = s.version_package(p.draft_version);
  }
  return p;
}

// Bargaining, stability and forecast, each a section when the scenario supports it.
// Bargaining unless there are more bargaining parties than the report's limit or no time is
// left; `end` says how it ended or why it did not run.
std::optional<bargain::Result> run_bargain(const Scenario& s, const ReportOptions& options, Termination& end) {
  end = bargain_gate(s, options.limits, options.deadline);
  if (!end.finished()) return std::nullopt;
  const bargain::Params bp = bargain_params(s, options);
  bargain::Result b = bargain::run(s, bp);
  end = bargain_termination(b);
  return b;
}

// Bargaining among more parties than the report lists: the finding and the packages, without a
// column per party (the full tables are `accord bargain`'s).
std::string bargain_many_parties(const Scenario& s, const bargain::Result& b) {
  if (!b.outcome.ok()) return wrap("Bargaining: " + b.outcome.message() + ".");
  std::string out = wrap(std::to_string(b.parties.size()) + " bargaining parties; " + b.zone.decimal + " of " +
                         b.space.decimal + " packages are acceptable to all of them (" +
                         std::string(bargain::to_string(b.finding)) + ").");
  auto package = [&s](const Package& x) {
    std::string t;
    for (std::size_t i = 0; i < x.size() && i < s.issues.size(); ++i) {
      if (!x[i]) continue;
      const Issue& issue = s.issues[i];
      t += (t.empty() ? "" : ", ") + issue.id + "=" +
           (issue.kind == IssueKind::discrete ? issue.options[x[i]->option.get()].id : fixed(x[i]->value, 2));
    }
    return t;
  };
  const std::pair<const char*, const std::optional<bargain::Solution>*> rows[] = {
      {"Nash", &b.solutions.nash},
      {"Kalai–Smorodinsky", &b.solutions.kalai_smorodinsky},
      {"egalitarian", &b.solutions.egalitarian},
      {"utilitarian", &b.solutions.utilitarian}};
  for (const auto& [name, sol] : rows)
    if (*sol) out += wrap(std::string(name) + ": " + package((*sol)->package), 100, "  ");
  return out + wrap("Per-party utilities: `accord bargain " + s.id + " --json`.");
}

std::string engine_sections(const Scenario& s, const ReportOptions& options, const std::optional<bargain::Result>& bo,
                            const Termination& bargain_end, const Termination& gmcr, Style style,
                            SectionTerminations* sections) {
  std::string out;
  std::string draft = s.versions.empty() ? "" : " (draft: " + s.versions.back().id + ")";
  out += heading("Bargaining: zone of agreement, fair packages, closest deal" + draft, style);
  if (!bo) {
    out += not_computed("Bargaining", bargain_end);
  } else {
  const bargain::Result& b = *bo;
  if (!bargain_end.finished())
    out += wrap("Partial (" + std::string(to_string(bargain_end.stop)) + "): " + bargain_end.detail + ".");
  if (b.parties.size() > options.limits.listed_parties)
    out += bargain_many_parties(s, b);
  else
    out += bargain_text(s, b, style);
  }
  if (s.conflict) {
    const std::string title = "Stability of outcomes (Graph Model for Conflict Resolution)";
    if (!gmcr.finished()) {
      out += heading(title, style) + not_computed("Stability analysis", gmcr);
    } else if (const std::string g = gmcr_headline_text(s, style, share(options.deadline, 0.5)); !g.empty()) {
      out += heading(title, style);
      out += g;
    }
    record(sections, "stability", gmcr);
  }
  const Termination fc = forecast_gate(s, options.limits, options.deadline);
  if (fc.finished()) out += forecast_headline_text(s, style, share(options.deadline, 0.8));
  else out += heading("Forecast", style) + not_computed("The forecast", fc);
  record(sections, "forecast", fc);
  return out;
}

// "Partial sections: …" at the end of a text report (empty when every section finished).
std::string partial_note(const SectionTerminations& sections) {
  std::string out;
  for (const auto& st : sections)
    if (!st.termination.finished())
      out += "- " + st.section + ": " + std::string(to_string(st.termination.stop)) + " — " + st.termination.detail + "\n";
  return out.empty() ? out : "\nPartial or skipped sections:\n" + out;
}

}  // namespace

Json full_report_json(const Scenario& s, const ReportOptions& options, SectionTerminations* sections) {
  SectionTerminations local;
  SectionTerminations& ends = sections != nullptr ? *sections : local;
  Json j;
  j["scenario"] = {{"id", s.id}, {"title", s.title}, {"description", s.description},
                   {"date", s.date}, {"estimates", count_estimates(s)}};
  Json parties = Json::array();
  for (const auto& p : s.parties)
    parties.push_back({{"id", p.id}, {"name", p.name}, {"role", std::string(to_string(p.role))},
                       {"capability", p.capability}, {"has_preferences", s.preferences[&p - s.parties.data()].present}});
  j["parties"] = std::move(parties);
  Json versions = Json::array();
  for (const auto& v : s.versions)
    versions.push_back({{"id", v.id}, {"label", v.label}, {"date", v.date}, {"points", v.points.size()}});
  j["versions"] = std::move(versions);
  const auto diffs_run = evolution(s, options);
  Json diffs = Json::array();
  for (const auto& d : diffs_run) diffs.push_back(diff_json(s, d));
  j["evolution"] = std::move(diffs);
  record(&ends, "evolution", first_partial(diffs_run));
  const auto evals_run = evaluations(s, options);
  Json evals = Json::array();
  for (const auto& e : evals_run) evals.push_back(evaluate_json(s, e, options.evaluate, options.limits.listed_parties));
  j["evaluations"] = std::move(evals);
  Termination evals_end = first_partial(evals_run);
  if (evals_end.finished() && s.parties.size() > options.limits.listed_parties)
    evals_end = {Stop::size_limit, std::to_string(s.parties.size()) + " parties > " +
                                       std::to_string(options.limits.listed_parties) + ": stances given as counts"};
  record(&ends, "evaluations", evals_end);
  Termination b_end;
  const auto b = run_bargain(s, options, b_end);
  j["bargain"] = b ? bargain_json(s, *b, 0) : Json{{"skipped", true}};  // sizes, no point lists
  j["bargain"]["termination"] = termination_json(b_end);
  record(&ends, "bargain", b_end);
  const Termination g_end = gmcr_gate(s, options.limits, options.deadline);
  if (g_end.finished()) {
    j["gmcr"] = gmcr_headline_json(s, share(options.deadline, 0.5));
  } else {
    j["gmcr"] = {{"skipped", true}};
  }
  if (s.conflict) {
    // The engine's own termination when it ran (a budget may have stopped it), else the gate's.
    const Termination g = g_end.finished() ? termination_from_json(j["gmcr"]) : g_end;
    j["gmcr"]["termination"] = termination_json(g);
    record(&ends, "stability", g);
  }
  Termination f_end = forecast_gate(s, options.limits, options.deadline);
  j["forecast"] = f_end.finished() ? forecast_headline_json(s, share(options.deadline, 0.8)) : Json{{"skipped", true}};
  if (!j["forecast"].is_object()) j["forecast"] = Json::object();
  if (f_end.finished()) f_end = termination_from_json(j["forecast"]);
  j["forecast"]["termination"] = termination_json(f_end);
  record(&ends, "forecast", f_end);
  Json summary = Json::object();
  for (const auto& st : ends) summary[st.section] = termination_json(st.termination);
  j["sections"] = std::move(summary);
  return j;
}

std::string full_report_text(const Scenario& s, const ReportOptions& options, Style style,
                             SectionTerminations* sections) {
  SectionTerminations local;
  SectionTerminations& ends = sections != nullptr ? *sections : local;
  const std::size_t listed = options.limits.listed_parties;
  std::string out;
  const std::string title = "Accord report: " + s.title;
  out += style == Style::markdown ? "# " + title + "\n\n" : title + "\n" + std::string(display_width(title), '#') + "\n";
  std::string intro = "Scenario `" + s.id + "`" + (s.date.empty() ? "" : ", " + s.date) + ". ";
  if (!s.description.empty()) intro += s.description;
  out += wrap(intro);
  const std::size_t estimates = count_estimates(s);
  if (estimates > 0)
    out += wrap(std::to_string(estimates) +
                " values in this scenario are marked as estimates (estimate: true); treat results "
                "as scenario analysis, not fact.");

  const auto diffs = evolution(s, options);
  record(&ends, "evolution", first_partial(diffs));
  const auto evals = evaluations(s, options);
  Termination evals_end = first_partial(evals);
  if (evals_end.finished() && s.parties.size() > listed)
    evals_end = {Stop::size_limit, std::to_string(s.parties.size()) + " parties > " + std::to_string(listed) +
                                       ": the first " + std::to_string(listed) + " are listed; stances as counts"};
  record(&ends, "evaluations", evals_end);
  Termination bargain_end;
  const auto bargain = run_bargain(s, options, bargain_end);
  record(&ends, "bargain", bargain_end);
  const Termination gmcr = gmcr_gate(s, options.limits, options.deadline);
  out += heading("Summary", style);
  out += summary_text(s, options, bargain ? &*bargain : nullptr, evals, gmcr);

  out += heading("Parties", style);
  Table parties;
  parties.header = {"id", "name", "role", "capability", "preferences"};
  parties.right_align = {false, false, false, true, false};
  for (std::size_t p = 0; p < s.parties.size() && p < listed; ++p) {
    const Party& party = s.parties[p];
    const auto it = party.field_provenance.find("capability");
    const bool est = it != party.field_provenance.end() && it->second.estimate;
    parties.rows.push_back({party.id, party.name, std::string(to_string(party.role)),
                            fixed(party.capability, 0) + (est ? "~" : ""),
                            s.preferences[p].present ? "yes" : "no"});
  }
  out += parties.render(style, 100, 1);
  if (s.parties.size() > listed)
    out += wrap("… and " + std::to_string(s.parties.size() - listed) + " more parties (the report lists " +
                std::to_string(listed) + "; `accord report --json` gives them all).");
  auto finish = [&](std::string text) {
    text += engine_sections(s, options, bargain, bargain_end, gmcr, style, &ends);
    return text + partial_note(ends);
  };
  if (s.versions.empty()) return finish(std::move(out));
  out += heading("Framework versions", style);
  Table versions;
  versions.header = {"version", "date", "points", "label"};
  versions.right_align = {false, false, true, false};
  for (const auto& v : s.versions)
    versions.rows.push_back({v.id, v.date, std::to_string(v.points.size()), v.label});
  out += versions.render(style, 100, 3);

  out += heading("How the text evolved", style);
  for (const auto& d : diffs) out += diff_text(s, d, style) + "\n";

  out += heading("Each party's utility of each version (against its reservation)", style);
  Table util;
  util.header = {"party", "reservation"};
  for (const auto& v : s.versions) util.header.push_back(v.id);
  util.right_align.assign(util.header.size(), true);
  util.right_align[0] = false;
  std::size_t rows = evals.front().parties.size();
  for (const auto& e : evals) rows = std::min(rows, e.parties.size());  // a partial run has fewer
  for (std::size_t k = 0; k < rows && k < listed; ++k) {
    const PartyIndex p = evals.front().parties[k].party;
    std::vector<std::string> row = {s.parties[p.get()].id, fixed(evals.front().parties[k].reservation)};
    for (const auto& e : evals) {
      const auto& pr = e.parties[k];
      std::string cell = fixed(pr.utility.min, 2);
      if (pr.utility.max - pr.utility.min > 1e-9) cell += "–" + fixed(pr.utility.max, 2);
      cell += " " + verdict_mark(pr.verdict);
      if (!pr.red_lines_crossed.empty()) cell += " (" + std::to_string(pr.red_lines_crossed.size()) + " RL)";
      row.push_back(cell);
    }
    util.rows.push_back(std::move(row));
  }
  out += util.render(style, 100);
  if (rows > listed) out += wrap("… and " + std::to_string(rows - listed) + " more parties.");
  out += wrap("yes = acceptable, NO = unacceptable (red line crossed or below reservation), open = "
              "depends on issues the version leaves open (shown as a range); (n RL) = n red lines "
              "crossed.");

  for (std::size_t v = 0; v < s.versions.size(); ++v) {
    const Version& ver = s.versions[v];
    out += heading("Stances on " + ver.id + " (" + std::to_string(ver.points.size()) + " points)", style);
    out += stance_matrix_text(s, evals[v], style);
    out += readiness_text(s, evals[v]);
  }
  return finish(std::move(out));
}

Termination bargain_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  const std::size_t n = bargain::default_bargaining_parties(s).size();
  if (n > limits.bargain_parties)
    return {Stop::size_limit, std::to_string(n) + " bargaining parties > " + std::to_string(limits.bargain_parties) +
                                  " (the report's limit); run `accord bargain` with a budget"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

Termination gmcr_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  if (!s.conflict) return Termination::done();
  const std::size_t n = s.conflict->options.size();
  if (n > limits.gmcr_options)
    return {Stop::size_limit, std::to_string(n) + " options > " + std::to_string(limits.gmcr_options) +
                                  " (the report's limit); run `accord gmcr` for this conflict"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

Termination forecast_gate(const Scenario& s, const ReportLimits& limits, const Deadline& deadline) {
  std::size_t actors = 0;
  for (const auto& p : s.preferences) actors += p.present ? 1 : 0;
  if (actors > limits.forecast_actors)
    return {Stop::size_limit, std::to_string(actors) + " actors > " + std::to_string(limits.forecast_actors) +
                                  " (the report's limit); run `accord forecast` with a budget"};
  if (deadline.expired()) return {Stop::time_limit, "not started: the report's time budget ran out"};
  return Termination::done();
}

}  // namespace accord::report

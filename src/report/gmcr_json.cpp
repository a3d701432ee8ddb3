// The one JSON serialiser of a stability result (docs/gmcr.md "JSON"), written against
// JsonWriter so the tree (server, report) and the stream (`accord gmcr --json`) agree.
#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>

#include "accord/report/gmcr.hpp"
#include "accord/report/outcome.hpp"
#include "json_writer.hpp"

namespace accord::report {

namespace {

using detail::JsonWriter;
using gmcr::Analysis;
using gmcr::Concept;
using gmcr::PerConcept;
using gmcr::StateSet;
using Json = nlohmann::ordered_json;
using Sets = PerConcept<std::optional<StateSet>>;

std::size_t sets_size(const Analysis& a, const Sets& sets) {
  std::size_t n = 0;
  for (Concept k : a.concepts)
    if (sets[k]) n += sets[k]->count();
  return n;
}

std::size_t players_size(const Analysis& a, const std::vector<gmcr::PlayerResult>& players) {
  std::size_t n = 0;
  for (const auto& p : players) n += sets_size(a, p.stable);
  return n;
}

std::size_t path_steps(const Analysis& a) {
  std::size_t n = 0;
  for (const auto& r : a.status_quo_paths)
    n += (r.by_improvements ? r.by_improvements->size() : 0) + (r.by_moves ? r.by_moves->size() : 0);
  return n;
}

// Entries each part would list, in document order.
std::vector<GmcrOmitted> part_sizes(const Analysis& a) {
  std::size_t eq = sets_size(a, a.equilibria), st = players_size(a, a.decision_makers);
  if (a.coalition) {
    eq += sets_size(a, a.coalition->equilibria);
    st += players_size(a, a.coalition->players);
  }
  if (a.coalitional) {
    eq += sets_size(a, a.coalitional->equilibria);
    st += players_size(a, a.coalitional->decision_makers);
  }
  return {{"states", a.states.size()}, {"equilibria", eq}, {"stability", st}, {"paths", path_steps(a)}};
}

bool included(const GmcrParts& p, const std::string& part) {
  if (part == "states") return p.states;
  if (part == "equilibria") return p.equilibria;
  if (part == "stability") return p.stability;
  return p.paths;
}

// The parts actually listed: those included and within the limit.
GmcrParts listed_parts(const Analysis& a, const GmcrJsonOptions& o) {
  GmcrParts p = o.include;
  for (const GmcrOmitted& part : part_sizes(a)) {
    if (o.max_listed == 0 || part.entries <= o.max_listed) continue;
    if (part.part == "states") p.states = false;
    if (part.part == "equilibria") p.equilibria = false;
    if (part.part == "stability") p.stability = false;
    if (part.part == "paths") p.paths = false;
  }
  return p;
}

class Serialiser {
 public:
  Serialiser(JsonWriter& w, const Conflict& c, const Analysis& a, GmcrParts listed)
      : w_(w), c_(c), a_(a), listed_(listed) {}

  void findings() {
    options();
    decision_makers();
    w_.begin_array("concepts");
    for (Concept k : a_.concepts) w_.text(gmcr::to_string(k));
    w_.end();
    w_.text("sanctions", gmcr::to_string(a_.sanctions));
    if (a_.sanction_differences) {
      // The equilibria the other rule would change (gmcr-py files, `accord gmcr`).
      const gmcr::Sanctions other =
          a_.sanctions == gmcr::Sanctions::gmcr_py ? gmcr::Sanctions::standard : gmcr::Sanctions::gmcr_py;
      w_.begin_object("sanction_differences");
      w_.text("other_rule", gmcr::to_string(other));
      std::string flag = "--sanctions ";  // appended, not `literal + string` (GCC 12 -Wrestrict)
      flag += gmcr::to_string(other);
      w_.text("flag", flag);
      w_.begin_array("states");
      for (gmcr::StateIndex s : *a_.sanction_differences) w_.text(a_.pattern(s));
      w_.end();
      w_.end();
    }
    w_.begin_object("states");
    w_.value("count", a_.states.size());
    if (listed_.states) {
      w_.begin_array("listed");
      for (std::size_t s = 0; s < a_.states.size(); ++s) w_.text(a_.pattern(static_cast<gmcr::StateIndex>(s)));
      w_.end();
    }
    w_.end();
    per_concept("equilibria", a_.equilibria, listed_.equilibria);
    players("stability", a_.decision_makers);
    if (a_.coalition) coalition();
    if (a_.coalitional) coalitional();
    if (a_.status_quo) status_quo();
  }

  void explanation(const gmcr::ExplainResult& e) {
    const std::size_t n = c_.options.size();
    w_.begin_object("explanation");
    w_.value("state", state_pattern(e.state, n));
    w_.begin_array("decision_makers");
    for (const gmcr::Explanation& x : e.explanations) {
      Json ej;
      ej["decision_maker"] = c_.decision_makers[x.decision_maker].id;
      ej["concept"] = std::string(gmcr::to_string(x.kind));
      ej["stable"] = x.stable;
      if (!x.complete) ej["complete"] = false;  // stable undetermined: the time budget ran out
      Json imps = Json::array();
      for (const auto& det : x.improvements) {
        Json sanction = Json::array();
        for (const auto& [s, mover] : det.sanction)
          sanction.push_back({{"state", state_pattern(s, n)}, {"mover", c_.decision_makers[mover].id}});
        imps.push_back({{"improvement", state_pattern(det.improvement, n)},
                        {"deterred", det.deterred},
                        {"sanction", std::move(sanction)}});
      }
      ej["improvements"] = std::move(imps);
      w_.value(ej);
    }
    w_.end();
    w_.end();
  }

 private:
  void options() {
    w_.begin_array("options");
    for (const auto& o : c_.options) w_.value(Json{{"id", o.id}, {"label", o.label}});
    w_.end();
  }

  void decision_makers() {
    w_.begin_array("decision_makers");
    for (const auto& dm : c_.decision_makers) {
      Json opts = Json::array();
      for (ConflictOptionIndex o : dm.options) opts.push_back(c_.options[o].id);
      w_.value(Json{{"id", dm.id}, {"name", dm.name.empty() ? dm.id : dm.name}, {"options", std::move(opts)}});
    }
    w_.end();
  }

  // {"count": N, "listed": [...]} per computed concept; a concept not computed is absent.
  void per_concept(std::string_view key, const Sets& sets, bool list) {
    w_.begin_object(key);
    for (Concept k : a_.concepts) {
      if (!sets[k]) continue;
      w_.begin_object(gmcr::to_string(k));
      w_.value("count", sets[k]->count());
      if (list) {
        w_.begin_array("listed");
        sets[k]->for_each([&](gmcr::StateIndex s) { w_.text(a_.pattern(s)); });
        w_.end();
      }
      w_.end();
    }
    w_.end();
  }

  void players(std::string_view key, const std::vector<gmcr::PlayerResult>& ps) {
    w_.begin_object(key);
    for (const auto& p : ps) per_concept(p.name, p.stable, listed_.stability);
    w_.end();
  }

  void coalition() {
    const gmcr::CoalitionResult& cr = *a_.coalition;
    w_.begin_object("coalition");
    w_.value("name", cr.players.front().name);
    Json members = Json::array();
    for (DecisionMakerIndex m : cr.players.front().members) members.push_back(c_.decision_makers[m].id);
    w_.value("members", members);
    players("stability", cr.players);
    per_concept("equilibria", cr.equilibria, listed_.equilibria);
    w_.end();
  }

  // Inohara and Hipel's coalition stability (docs/gmcr.md "Coalition stability"): per concept,
  // the states stable for every DM, and per DM the states stable for it under every coalition
  // containing it. SIM and SEQ+SIM have no coalition form: never present.
  void coalitional() {
    const gmcr::CoalitionalStability& cs = *a_.coalitional;
    w_.begin_object("coalitional");
    w_.text("definitions", "Inohara & Hipel (2008)");
    w_.begin_array("concepts");
    for (Concept k : cs.concepts) w_.text(gmcr::to_string(k));
    w_.end();
    w_.value("coalitions", cs.coalitions);
    per_concept("equilibria", cs.equilibria, listed_.equilibria);
    players("stability", cs.decision_makers);
    w_.end();
  }

  // [{"state", "mover"}] (mover null for the first step), or null when unreachable.
  void path(std::string_view key, const std::optional<std::vector<gmcr::PathStep>>& steps) {
    if (!steps) return w_.value(key, nullptr);
    w_.begin_array(key);
    for (const gmcr::PathStep& step : *steps) {
      w_.begin_object();
      w_.text("state", a_.pattern(step.state));
      if (step.mover.valid()) w_.text("mover", c_.decision_makers[step.mover].id);
      else w_.value("mover", nullptr);
      w_.end();
    }
    w_.end();
  }

  void status_quo() {
    const gmcr::StateIndex sq = *a_.status_quo;
    w_.begin_object("status_quo");
    w_.value("state", a_.pattern(sq));
    Json under = Json::array();
    for (Concept k : a_.concepts)
      if (a_.equilibria[k] && a_.equilibria[k]->test(sq)) under.push_back(std::string(gmcr::to_string(k)));
    w_.value("equilibrium_under", under);
    w_.value("paths_computed", a_.status_quo_paths_computed);
    if (listed_.equilibria) {  // a subset of the equilibria: listed with them
      w_.begin_array("reachable_by_improvements");
      for (const auto& r : a_.status_quo_paths)
        if (r.by_improvements && r.target != sq) w_.text(a_.pattern(r.target));
      w_.end();
    }
    w_.begin_object("paths");
    w_.value("count", a_.status_quo_paths.size());
    if (listed_.paths) {
      w_.begin_array("listed");
      for (const auto& r : a_.status_quo_paths) {
        w_.begin_object();
        w_.text("target", a_.pattern(r.target));
        w_.begin_array("equilibrium_under");
        for (Concept k : r.equilibrium_under) w_.text(gmcr::to_string(k));
        w_.end();
        path("by_improvements", r.by_improvements);
        path("by_moves", r.by_moves);
        w_.end();
      }
      w_.end();
    }
    w_.end();
    w_.end();
  }

  JsonWriter& w_;
  const Conflict& c_;
  const Analysis& a_;
  GmcrParts listed_;
};

void write_document(JsonWriter& w, const Conflict& c, const gmcr::RunResult& r, const GmcrJsonOptions& o) {
  w.begin_object();
  w.value("schema", kGmcrSchema);
  if (!o.scenario.empty()) w.value("scenario", o.scenario);
  Json envelope = Json::object();
  add_outcome_json(envelope, r.outcome);
  for (const auto& [key, v] : envelope.items()) w.value(key, v);
  if (r.ok()) {
    const std::vector<GmcrOmitted> omitted = gmcr_omitted(r, o);
    if (!omitted.empty()) {
      w.begin_object("omitted");
      w.value("limit", o.max_listed);
      w.begin_object("parts");
      for (const auto& part : omitted) w.value(part.part, part.entries);
      w.end();
      w.end();
    }
    Serialiser s(w, c, *r.analysis, listed_parts(*r.analysis, o));
    s.findings();
    if (o.explanation != nullptr && o.explanation->ok()) s.explanation(*o.explanation);
  }
  w.end();
}

}  // namespace

GmcrPartsParse parse_gmcr_parts(std::string_view list) {
  GmcrParts p;
  std::size_t at = 0;
  while (at <= list.size()) {
    const std::size_t comma = std::min(list.find(',', at), list.size());
    const std::string_view word = list.substr(at, comma - at);
    at = comma + 1;
    if (word.empty()) continue;
    if (word == "all") p = GmcrParts::all();
    else if (word == "none") continue;
    else if (word == "equilibria") p.equilibria = true;
    else if (word == "stability") p.stability = true;
    else if (word == "paths") p.paths = true;
    else if (word == "states") p.states = true;
    else {
      return {std::nullopt, Outcome::failure(Status::invalid_input, "unknown part `" + std::string(word) +
                                                 "`; expected equilibria, stability, paths, states, all or none")};
    }
  }
  return {p, Outcome::success()};
}

std::vector<GmcrOmitted> gmcr_omitted(const gmcr::RunResult& r, const GmcrJsonOptions& o) {
  std::vector<GmcrOmitted> out;
  if (!r.ok() || o.max_listed == 0) return out;
  for (GmcrOmitted& part : part_sizes(*r.analysis))
    if (included(o.include, part.part) && part.entries > o.max_listed) out.push_back(std::move(part));
  return out;
}

Json gmcr_json(const Conflict& c, const gmcr::RunResult& r, const GmcrJsonOptions& o) {
  detail::TreeWriter w;
  write_document(w, c, r, o);
  return w.take();
}

bool write_gmcr_json(std::ostream& os, const Conflict& c, const gmcr::RunResult& r, const GmcrJsonOptions& o) {
  {
    detail::StreamWriter w(os);
    write_document(w, c, r, o);
  }  // flushed
  os << '\n';
  os.flush();
  return static_cast<bool>(os);
}

}  // namespace accord::report

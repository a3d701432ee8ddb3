// The confidentiality contract: every route × every role (mediator, a party of the scenario,
// a party outside it, an observer, no token) on the built-in scenario, with every analysis
// engine run. For analyses, every leaf of every result a caller receives must be declared
// visible to its role in accord/report/visibility.hpp (checked here by a matcher of its own,
// not the one that filters); for the scenario, preferences, stances, history and events
// routes, no caller may receive another party's preferences or the mediator's sections.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "router_world.hpp"
#include "accord/report/visibility.hpp"
#include "accord/store/store.hpp"
#include "server/context.hpp"
#include "server/router.hpp"
#include "test_util.hpp"

namespace accord::test {
namespace {

using Json = nlohmann::ordered_json;
using report::Audience;
using server::Response;

enum class Who { mediator, party, outsider, observer, none };
const char* name(Who w) {
  switch (w) {
    case Who::mediator: return "mediator";
    case Who::party: return "party UA";
    case Who::outsider: return "party XX (not in the scenario)";
    case Who::observer: return "observer";
    case Who::none: return "no token";
  }
  return "?";
}
constexpr Who kEveryone[] = {Who::mediator, Who::party, Who::outsider, Who::observer, Who::none};

// What each caller reads as, inside geneva-2025.
Audience audience_of(Who w) {
  if (w == Who::mediator) return Audience::mediator;
  if (w == Who::party) return Audience::party;
  return Audience::observer;  // a party token outside the scenario reads as an observer
}

// Engine POSTs: params chosen so each result carries as much as the engine can write.
const std::map<std::string, std::string> kParams = {
    {"evaluate", R"({"version":"v20"})"},  {"bargain", R"({"version":"v20"})"}, {"gmcr", R"({"coalitions":true})"},
    {"forecast", R"({"model":"smp","runs":5,"seed":1})"}, {"diff", R"({"from":"v19","to":"v20"})"},
    {"robustness", R"({"version":"v20","findings":["verdicts","zone","closest","status_quo","readiness"]})"}};

// --- an independent matcher: is this leaf path declared visible to this reader? -----------

struct Step {
  std::string key;   // object key, or the decimal index
  bool index = false;
};
using Path = std::vector<Step>;

std::vector<std::string> segments(std::string_view pattern) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 1; i <= pattern.size(); ++i) {
    if (i == pattern.size() || pattern[i] == '/') {
      if (!pattern.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += pattern[i];
    }
  }
  return out;
}

std::string show(const Path& p) {
  std::string out;
  for (const Step& s : p) out += "/" + s.key;
  return out.empty() ? "(root)" : out;
}

// How far `pattern` matches `path`: the number of leading steps matched (a full match of the
// pattern when it equals the pattern's size).
std::size_t matched(const std::vector<std::string>& pattern, const Path& path, const std::string& party,
                    long party_index) {
  std::size_t k = 0;
  for (; k < pattern.size() && k < path.size(); ++k) {
    const std::string& seg = pattern[k];
    const Step& step = path[k];
    bool ok = seg == "*" || seg == step.key;
    if (seg == "{party}")
      ok = !party.empty() && (step.index ? party_index >= 0 && step.key == std::to_string(party_index) : step.key == party);
    if (!ok) break;
  }
  return k;
}

struct Reader {
  Audience audience;
  std::string party;
};

// Every leaf (scalar, or empty container) of `doc` that no rule visible to the reader covers.
void undeclared(const report::ViewTable& table, const Json& node, Path& path, const Reader& r, long party_index,
                std::vector<std::string>& out) {
  const bool container = node.is_object() || node.is_array();
  if (container && !node.empty()) {
    std::size_t k = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++k) {
      path.push_back({node.is_object() ? it.key() : std::to_string(k), node.is_array()});
      undeclared(table, *it, path, r, party_index, out);
      path.pop_back();
    }
    return;
  }
  const report::Audiences bit = report::audience_bit(r.audience);
  if (path.size() == 1)
    for (const auto& d : table.derived)
      if ((d.audiences & bit) && path[0].key == d.key) return;
  std::vector<report::ViewRule> rules(table.rules.begin(), table.rules.end());
  for (const auto& e : report::envelope_rules()) rules.push_back(e);
  for (const auto& rule : rules) {
    if (!(rule.audiences & bit)) continue;
    const auto pat = segments(rule.pattern);
    const std::size_t m = matched(pat, path, r.party, party_index);
    if (m == pat.size()) return;  // the rule names this leaf or a subtree holding it
    // A rule reaching past a null or an empty container: it shows that nothing is there.
    if (m == path.size() && (node.is_null() || container)) return;
  }
  out.push_back(show(path));
}

// The reader's index in the document's own party list (the filtered one, for a party).
long own_index(const report::ViewTable& table, const Json& doc, const std::string& party) {
  if (table.party_list.empty() || party.empty()) return -1;
  const Json::json_pointer ptr{std::string(table.party_list)};
  if (!doc.contains(ptr) || !doc.at(ptr).is_array()) return -1;
  const Json& list = doc.at(ptr);
  for (std::size_t k = 0; k < list.size(); ++k)
    if (list[k] == party || (list[k].is_object() && list[k].value("party", "") == party)) return static_cast<long>(k);
  return -1;
}

std::vector<std::string> undeclared_paths(const std::string& engine, int schema, const Json& result, const Reader& r) {
  const report::ViewTable* table = report::view_table(engine, schema);
  if (!table) {  // no declared view: only the schema, the engine and a note
    std::vector<std::string> out;
    for (const auto& [key, _] : result.items())
      if (key != "schema" && key != "engine" && key != "note") out.push_back("/" + key);
    return out;
  }
  std::vector<std::string> out;
  Path path;
  undeclared(*table, result, path, r, own_index(*table, result, r.party), out);
  return out;
}

// --- the server under test ---------------------------------------------------------------

class PartyViewContract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new RouterWorld("party_view");
    ASSERT_TRUE(world_->ok());
    store::Store& st = world_->store();
    tokens_ = new std::map<Who, std::string>{
        {Who::mediator, st.create_token(store::AccessRole::mediator, "", "med")->token},
        {Who::party, st.create_token(store::AccessRole::party, "UA", "ua")->token},
        {Who::outsider, st.create_token(store::AccessRole::party, "XX", "xx")->token},
        {Who::observer, st.create_token(store::AccessRole::observer, "", "obs")->token},
        {Who::none, ""}};
    store_ = &st;
  }
  static void TearDownTestSuite() {
    delete tokens_;
    delete world_;
  }

  static Response call(Who who, const std::string& method, const std::string& target, const std::string& body = "") {
    return world_->call(tokens_->at(who), method, target, body);
  }

  // Runs every engine the server knows and has a table for; returns engine -> run id.
  static std::map<std::string, std::int64_t> run_every_engine() {
    std::map<std::string, std::int64_t> runs;
    for (const report::ViewTable* t : report::view_tables()) {
      const std::string engine(t->engine);
      if (!server::known_engine(engine)) continue;  // declared ahead of its server registration
      Response r = call(Who::mediator, "POST", "/api/scenarios/geneva-2025/analyses/" + engine,
                        R"({"params":)" + kParams.at(engine) + "}");
      if (r.status == 400)  // params named differently by the engine: its defaults then
        r = call(Who::mediator, "POST", "/api/scenarios/geneva-2025/analyses/" + engine, R"({"params":{}})");
      EXPECT_EQ(r.status, 201) << engine << ": " << r.body;
      if (r.status == 201) runs[engine] = Json::parse(r.body)["run"]["id"].get<std::int64_t>();
    }
    return runs;
  }

  // Every run in a GET answer, checked against the table for the caller's role.
  static void expect_runs_declared(Who who, const Json& body, const std::string& route) {
    std::vector<Json> runs;
    if (body.contains("run")) runs.push_back(body["run"]);
    if (body.contains("runs"))
      for (const Json& r : body["runs"]) runs.push_back(r);
    const Reader reader{audience_of(who), who == Who::party ? "UA" : ""};
    for (const Json& run : runs) {
      const std::string engine = run["engine"];
      const int schema = run["schema"];
      if (who == Who::mediator) {
        auto stored = store_->run("geneva-2025", run["id"].get<std::int64_t>());
        ASSERT_TRUE(stored);
        EXPECT_EQ(run["result"], Json::parse(stored->result_json)) << route << ": the mediator reads the full result";
        EXPECT_EQ(schema, stored->schema);
        continue;
      }
      EXPECT_FALSE(run.contains("params")) << route << " sent run params to " << name(who);
      for (const std::string& p : undeclared_paths(engine, schema, run["result"], reader))
        ADD_FAILURE() << route << " sent " << engine << " " << p << " to " << name(who)
                      << ", which the view table does not declare visible to it";
      if (reader.audience == Audience::observer) {
        EXPECT_TRUE(report::may_see_engine(engine, Audience::observer))
            << route << " listed a " << engine << " run to " << name(who);
      }
    }
  }

  static inline RouterWorld* world_ = nullptr;
  static inline store::Store* store_ = nullptr;
  static inline std::map<Who, std::string>* tokens_ = nullptr;
};

TEST_F(PartyViewContract, EveryAnalysisRouteAndRoleSeesOnlyWhatItsTableDeclares) {
  const auto runs = run_every_engine();
  for (const char* engine : {"evaluate", "bargain", "gmcr", "forecast", "robustness"})
    EXPECT_TRUE(runs.count(engine)) << engine << " was not run";
  std::vector<std::string> gets = {"/api/scenarios/geneva-2025/analyses"};
  for (const auto& [engine, id] : runs) {
    gets.push_back("/api/scenarios/geneva-2025/analyses?engine=" + engine);
    gets.push_back("/api/scenarios/geneva-2025/analyses/" + std::to_string(id));
  }
  for (const auto& [engine, _] : runs)
    for (Who who : kEveryone) {  // only the mediator runs analyses
      if (who == Who::mediator) continue;
      const Response r = call(who, "POST", "/api/scenarios/geneva-2025/analyses/" + engine, "{}");
      EXPECT_EQ(r.status, who == Who::none ? 401 : 403) << engine << " POST by " << name(who);
    }
  for (const std::string& route : gets)
    for (Who who : kEveryone) {
      const Response r = call(who, "GET", route);
      SCOPED_TRACE(route + " as " + name(who));
      if (who == Who::none) {
        EXPECT_EQ(r.status, 401);
        continue;
      }
      const Json body = Json::parse(r.body);
      if (r.status == 403) {  // an observer asking for a run of an engine it may not see
        EXPECT_EQ(audience_of(who), Audience::observer);
        EXPECT_FALSE(body.contains("run"));
        continue;
      }
      ASSERT_EQ(r.status, 200) << r.body;
      expect_runs_declared(who, body, route);
    }
  // Each run as each role: the party is told what it was told before, in the results' own shape.
  for (const auto& [engine, id] : runs) {
    const std::string one = "/api/scenarios/geneva-2025/analyses/" + std::to_string(id);
    const Response party = call(Who::party, "GET", one);
    ASSERT_EQ(party.status, 200);
    const Json result = Json::parse(party.body)["run"]["result"];
    EXPECT_FALSE(result.empty()) << engine << ": a party is told something of every engine";
    for (const char* hidden : {"reservations", "final_positions", "history", "stability", "status_quo",
                               "status_quo_paths", "paths", "concessions", "pareto", "predicted_blockers", "salience",
                               "diagnostics", "actors", "decision_makers", "monte_carlo", "dimensions", "options",
                               "shortfall", "objective"})
      EXPECT_EQ(party.body.find(std::string("\"") + hidden + "\""), std::string::npos) << engine << ": " << hidden;
    for (const char* other : {"RU", "US", "EU"}) {  // never another party's number or entry
      EXPECT_FALSE(std::regex_search(party.body, std::regex(std::string("\"") + other + R"("\s*:\s*-?[0-9])")))
          << engine << ": " << other;
      EXPECT_FALSE(std::regex_search(party.body, std::regex(std::string(R"("party"\s*:\s*")") + other + "\"")))
          << engine << ": " << other << "'s entry";
    }
    for (Who who : {Who::observer, Who::outsider}) {
      const Response r = call(who, "GET", one);
      EXPECT_EQ(r.status, report::may_see_engine(engine, Audience::observer) ? 200 : 403) << engine << " " << name(who);
    }
  }
}

TEST_F(PartyViewContract, PartyKeepsItsOwnFactsInTheResultsShape) {
  const auto runs = run_every_engine();
  auto party_result = [&](const std::string& engine) {
    return Json::parse(call(Who::party, "GET", "/api/scenarios/geneva-2025/analyses/" +
                                                   std::to_string(runs.at(engine)))
                           .body)["run"]["result"];
  };
  const Json ev = party_result("evaluate");
  ASSERT_EQ(ev["parties"].size(), 1u);  // its own entry only (was `own`)
  EXPECT_EQ(ev["parties"][0]["party"], "UA");
  EXPECT_TRUE(ev["parties"][0].contains("reservation"));
  EXPECT_EQ(ev["acceptable_to_all"], "unacceptable");  // declared derivation: RU rejects v20
  EXPECT_TRUE(ev["points"][0].contains("stances"));
  EXPECT_FALSE(ev["points"][0].contains("predicted"));
  const Json ba = party_result("bargain");
  ASSERT_EQ(ba["parties"], Json::array({"UA"}));
  EXPECT_TRUE(ba.contains("finding"));
  ASSERT_TRUE(ba.contains("closest"));
  EXPECT_TRUE(ba["closest"].contains("package"));
  const Json& u = ba["closest"]["utilities"];  // its own utility only, wherever the shape keeps it
  EXPECT_EQ(u.size(), 1u) << u;
  EXPECT_TRUE(u.is_array() ? u[0].is_number() : u["UA"].is_number()) << u;
  EXPECT_TRUE(party_result("gmcr").contains("equilibria"));
  EXPECT_TRUE(party_result("forecast").contains("forecast"));
  // Robustness: its own verdict's thresholds (on its own inputs) and nothing that moves another
  // party's reservation, weights or red lines: no zone, closest deal, readiness or findings list.
  const Json ro = party_result("robustness");
  ASSERT_TRUE(ro.contains("verdicts"));
  ASSERT_EQ(ro["verdicts"].size(), 1u) << ro["verdicts"];
  EXPECT_TRUE(ro["verdicts"].contains("UA"));
  EXPECT_FALSE(ro.contains("findings"));
  EXPECT_FALSE(ro.contains("bargaining_parties"));
  EXPECT_EQ(ro.dump().find("RU's"), std::string::npos) << "another party's input named: " << ro.dump();
  EXPECT_EQ(ro.dump().find("preferences.RU"), std::string::npos);
}

// The whitelist removes what no table declares: a field added to a stored result (here by
// hand, as a serialiser change would) never reaches a party, and a result of a schema the
// tables do not know shows only its schema, engine and a note.
TEST_F(PartyViewContract, UndeclaredFieldsAndUnknownSchemasAreWithheld) {
  const auto runs = run_every_engine();
  auto stored = store_->run("geneva-2025", runs.at("bargain"));
  ASSERT_TRUE(stored);
  Json doctored = Json::parse(stored->result_json);
  doctored["secret_new_field"] = {{"UA", 0.91}, {"RU", 0.12}};
  doctored["closest"]["private_note"] = "RU would take 0.6";
  store::RunRecord rec = *stored;
  rec.result_json = doctored.dump();
  const auto added = store_->add_run(rec);
  ASSERT_TRUE(added);
  const std::string one = "/api/scenarios/geneva-2025/analyses/" + std::to_string(added->id);
  const Response party = call(Who::party, "GET", one);
  ASSERT_EQ(party.status, 200);
  EXPECT_EQ(party.body.find("secret_new_field"), std::string::npos);
  EXPECT_EQ(party.body.find("private_note"), std::string::npos);
  EXPECT_NE(party.body.find("\"closest\""), std::string::npos);
  const Response med = call(Who::mediator, "GET", one);
  EXPECT_NE(med.body.find("secret_new_field"), std::string::npos);
  // The contract's own matcher flags such a field if the filter ever let it through.
  const std::vector<std::string> flagged =
      undeclared_paths("bargain", added->schema, doctored, Reader{Audience::party, "UA"});
  EXPECT_NE(std::find(flagged.begin(), flagged.end(), "/secret_new_field/UA"), flagged.end());
  EXPECT_NE(std::find(flagged.begin(), flagged.end(), "/closest/private_note"), flagged.end());

  doctored["schema"] = 99;  // a shape this server has no table for
  rec.result_json = doctored.dump();
  const auto future = store_->add_run(rec);
  ASSERT_TRUE(future);
  EXPECT_EQ(future->schema, 99);
  const Json seen = Json::parse(call(Who::party, "GET", "/api/scenarios/geneva-2025/analyses/" +
                                                          std::to_string(future->id))
                                    .body)["run"];
  EXPECT_EQ(seen["schema"], 99);
  EXPECT_EQ(seen["result"]["schema"], 99);
  EXPECT_EQ(seen["result"]["engine"], "bargain");
  EXPECT_TRUE(seen["result"]["note"].is_string());
  EXPECT_EQ(seen["result"].size(), 3u) << seen["result"];
}

// The scenario and the negotiation record: no caller receives another party's preferences
// or the mediator's conflict/forecast sections; stances and events are public.
TEST_F(PartyViewContract, RecordRoutesWithholdOtherPartiesPreferences) {
  (void)call(Who::mediator, "POST", "/api/scenarios/geneva-2025/events",
             R"({"date":"2025-12-01","kind":"talks","text":"contract test"})");
  const std::vector<std::string> public_routes = {
      "/api/scenarios",
      "/api/scenarios/geneva-2025",
      "/api/scenarios/geneva-2025/versions/v20/stances",
      "/api/scenarios/geneva-2025/versions/v20/stances/RU",
      "/api/scenarios/geneva-2025/history",
      "/api/scenarios/geneva-2025/events"};
  for (const std::string& route : public_routes)
    for (Who who : kEveryone) {
      const Response r = call(who, "GET", route);
      SCOPED_TRACE(route + " as " + name(who));
      if (who == Who::none) {
        EXPECT_EQ(r.status, 401);
        continue;
      }
      ASSERT_EQ(r.status, 200) << r.body;
      const Json body = Json::parse(r.body);
      if (!body.contains("scenario") || !body["scenario"].is_object()) continue;
      const Json& doc = body["scenario"];
      if (who == Who::mediator) {
        EXPECT_GE(doc["preferences"].size(), 2u);
        continue;
      }
      const Json prefs = doc.value("preferences", Json::object());  // named: items() refers to it
      for (const auto& [party, _] : prefs.items())
        EXPECT_TRUE(who == Who::party && party == "UA") << party << "'s preferences";
      EXPECT_FALSE(doc.contains("conflict"));
      EXPECT_FALSE(doc.contains("forecast"));
    }
  for (const char* party : {"UA", "RU"})
    for (Who who : kEveryone) {
      const Response r = call(who, "GET", std::string("/api/scenarios/geneva-2025/preferences/") + party);
      const bool own = who == Who::mediator || (who == Who::party && std::string(party) == "UA");
      EXPECT_EQ(r.status, who == Who::none ? 401 : own ? 200 : 403) << party << " as " << name(who);
      if (!own) {
        EXPECT_EQ(r.body.find("\"preferences\""), std::string::npos);
      }
    }
}

// The editor's routes answer only about the document the caller posts: a party validating the
// scenario it sees gets back no other party's preferences; previews and stores are refused.
TEST_F(PartyViewContract, EditorRoutesAnswerOnlyAboutThePostedDocument) {
  for (Who who : kEveryone) {
    SCOPED_TRACE(name(who));
    const Response seen = call(who, "GET", "/api/scenarios/geneva-2025");
    if (who == Who::none) {
      EXPECT_EQ(call(who, "POST", "/api/validate", R"({"text":"format: 1"})").status, 401);
      continue;
    }
    const Json doc = Json::parse(seen.body)["scenario"];
    const Json body = {{"scenario", doc}, {"canonical", "json"}};
    const Response r = call(who, "POST", "/api/validate", body.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    const Json out = Json::parse(r.body);
    ASSERT_TRUE(out["canonical"].is_string()) << r.body;
    const Json prefs = Json::parse(out["canonical"].get<std::string>()).value("preferences", Json::object());
    for (const auto& [party, _] : prefs.items())
      EXPECT_TRUE(who == Who::mediator || (who == Who::party && party == "UA")) << party << "'s preferences";
    if (who == Who::mediator) continue;
    EXPECT_EQ(call(who, "POST", "/api/analyses/evaluate", body.dump()).status, 403);
    EXPECT_EQ(call(who, "PUT", "/api/scenarios/geneva-2025", Json{{"scenario", doc}, {"revision", 1}}.dump()).status, 403);
  }
}

// Every rule still names a field the serialisers write (tests/golden/expected: the CLI's
// documents and the server's mediator documents on the built-in scenarios), so a renamed key
// fails here rather than silently disappearing from a party's view.
TEST(PartyViewTables, EveryRuleNamesAFieldTheSerialisersWrite) {
  const std::map<std::string, std::vector<std::string>> refs = {
      {"evaluate", {"cli_evaluate_v20", "cli_evaluate_v28", "server_evaluate_v20_mediator"}},
      {"bargain", {"cli_bargain_v20", "cli_bargain_example_small", "cli_bargain_stakeholders", "server_bargain_v20_mediator"}},
      {"gmcr", {"cli_gmcr", "cli_gmcr_coalitions", "server_gmcr_mediator"}},
      {"forecast", {"cli_forecast_smp", "cli_forecast_monte_carlo", "server_forecast_mediator"}},
      {"diff", {"cli_diff_v19_v20"}},
      {"robustness", {"cli_robustness_smallest", "server_robustness_v20_mediator"}},
      {"round", {"server_round_open_mediator", "server_rounds_mediator", "server_round_responses_ua_mediator",
                 "server_round_close_mediator"}},
      // The suggest engine's document: its own golden, and as the round close summary carries it.
      {"suggest", {"suggest_geneva_v20", "server_round_close_mediator#/body/suggestions"}}};
  for (const report::ViewTable* t : report::view_tables()) {
    const std::string engine(t->engine);
    // A table only for results stored before schema 1 has no current document to match.
    if (t->schemas.size() == 1 && t->schemas[0] == 0) continue;
    ASSERT_TRUE(refs.count(engine)) << "no reference documents for " << engine;
    std::vector<Json> docs;
    for (const std::string& ref : refs.at(engine)) {
      const std::string name = ref.substr(0, ref.find('#'));  // NAME or NAME#/json/pointer
      std::ifstream in(source_path("tests/golden/expected/" + name + ".json"));
      ASSERT_TRUE(in) << name;
      Json doc = Json::parse(in);
      if (name != ref) {
        doc = doc.at(Json::json_pointer(ref.substr(name.size() + 1)));
        docs.push_back(std::move(doc));
        continue;
      }
      if (doc.contains("body"))  // a server golden: an analysis run's result, or a round document
        doc = doc["body"].contains("run") ? doc["body"]["run"]["result"] : doc["body"];
      docs.push_back(std::move(doc));
    }
    for (const report::ViewRule& rule : t->rules) {
      const auto pat = segments(rule.pattern);
      bool found = pat.empty();
      for (const Json& doc : docs) {
        // Try each party of the document as the reader.
        std::vector<std::string> parties = {""};
        if (!t->party_list.empty() && doc.contains(Json::json_pointer(std::string(t->party_list))))
          for (const Json& p : doc.at(Json::json_pointer(std::string(t->party_list))))
            parties.push_back(p.is_string() ? p.get<std::string>() : p.value("party", ""));
        if (doc.contains("stakeholders") && doc["stakeholders"].is_object())  // readers who did not bargain
          for (auto it = doc["stakeholders"].begin(); it != doc["stakeholders"].end(); ++it) parties.push_back(it.key());
        for (const std::string& party : parties) {
          // Walk every path of the document looking for one the pattern matches in full.
          std::function<void(const Json&, Path&)> walk = [&](const Json& node, Path& path) {
            if (found) return;
            if (matched(pat, path, party, own_index(*t, doc, party)) == pat.size() && path.size() == pat.size()) {
              found = true;
              return;
            }
            if (path.size() >= pat.size() || !(node.is_object() || node.is_array())) return;
            std::size_t k = 0;
            for (auto it = node.begin(); it != node.end(); ++it, ++k) {
              path.push_back({node.is_object() ? it.key() : std::to_string(k), node.is_array()});
              walk(*it, path);
              path.pop_back();
            }
          };
          Path path;
          walk(doc, path);
        }
      }
      EXPECT_TRUE(found) << engine << " rule " << rule.pattern << " matches nothing the serialisers write";
    }
  }
}

// Every engine the server runs has a declared view for the schema its results carry.
TEST_F(PartyViewContract, EveryEngineRunHasATableForItsSchema) {
  for (const auto& [engine, id] : run_every_engine()) {
    auto r = store_->run("geneva-2025", id);
    ASSERT_TRUE(r);
    EXPECT_NE(report::view_table(engine, r->schema), nullptr) << engine << " schema " << r->schema;
  }
}

}  // namespace
}  // namespace accord::test

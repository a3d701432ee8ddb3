// GENIUS XML import: diagnostics, and utilities equal to GENIUS's scoring computed
// independently from the XML (tests skip when ../shared/data/genius-anac is absent).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <random>

#include "accord/io/genius.hpp"
#include "accord/model/utility.hpp"
#include "io/genius/anac_cases.hpp"  // tests/io/genius

namespace accord::io {
namespace {

using ::testing::HasSubstr;

const char* kDomain = R"(<negotiation_template><utility_space number_of_issues="2">
<objective index="0" name="Tiny" type="objective" etype="objective">
  <issue index="1" name="Colour choice" type="discrete" etype="discrete" vtype="discrete">
    <item index="1" value="Red"/><item index="2" value="Blue"/><item index="3" value="Dark blue"/>
  </issue>
  <issue index="2" name="Count" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="10"/>
</objective></utility_space></negotiation_template>)";

const char* kProfile = R"(<utility_space><objective index="0" name="Tiny" type="objective" etype="objective">
  <issue index="1" name="Colour choice" type="discrete" etype="discrete" vtype="discrete">
    <item index="1" value="Red" evaluation="4"/><item index="2" value="Blue" evaluation="8"/>
    <item index="3" value="Dark blue" evaluation="2"/>
  </issue>
  <issue index="2" name="Count" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="10">
    <evaluator ftype="linear" slope="0.25" offset="-0.5"/>
  </issue>
  <weight index="1" value="0.7"/><weight index="2" value="0.4"/>
</objective><reservation value="0.25"/></utility_space>)";

TEST(GeniusImport, HandWrittenProfileScoresLikeGenius) {
  const GeniusImport imp = import_genius_text({"tiny.xml", kDomain}, {{"buyer.xml", kProfile}});
  ASSERT_TRUE(imp.ok()) << (imp.outcome.diagnostics.empty() ? "" : imp.outcome.diagnostics[0].to_string());
  const Scenario& s = *imp.scenario;
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[IssueIndex(0)].id, "Colour_choice");
  EXPECT_EQ(s.issues[IssueIndex(0)].options[OptionIndex(2)].id, "Dark_blue");
  EXPECT_EQ(s.issues[IssueIndex(0)].options[OptionIndex(2)].label, "Dark blue");
  EXPECT_EQ(s.parties[PartyIndex(0)].id, "buyer");
  EXPECT_DOUBLE_EQ(s.preferences[PartyIndex(0)].reservation, 0.25);
  // Weights as given (sum 1.1: a warning, not an error).
  bool warned = false;
  for (const Diagnostic& d : imp.outcome.diagnostics) warned = warned || d.message.find("weights sum") != std::string::npos;
  EXPECT_TRUE(warned);
  // Blue (8/8) and count 5: clip(-0.5 + 0.25*4) = 0.5 -> 0.7*1 + 0.4*0.5 = 0.9.
  Package x{Setting{OptionIndex(1), 0}, Setting{OptionIndex(), 5.0}};
  EXPECT_NEAR(utility(s, PartyIndex(0), x), 0.9, 1e-12);
  // Count 1: clip(-0.5) = 0; count 10: clip(1.75) = 1; count 3: 0.
  for (const auto& [count, expected] : std::vector<std::pair<double, double>>{{1, 0}, {3, 0}, {4, 0.25}, {10, 1}}) {
    x[IssueIndex(1)] = Setting{OptionIndex(), count};
    EXPECT_NEAR(utility(s, PartyIndex(0), x), 0.7 + 0.4 * expected, 1e-12) << count;
  }
}

TEST(GeniusImport, UnknownItemNamesLineAndSuggestion) {
  std::string bad = kProfile;
  bad.replace(bad.find("\"Blue\""), 6, "\"Blu\"");
  const GeniusImport imp = import_genius_text({"tiny.xml", kDomain}, {{"buyer.xml", bad}});
  EXPECT_FALSE(imp.ok());
  ASSERT_FALSE(imp.outcome.diagnostics.empty());
  const std::string msg = imp.outcome.diagnostics[0].to_string();
  EXPECT_THAT(msg, HasSubstr("buyer.xml:3:"));
  EXPECT_THAT(msg, HasSubstr("value `Blu` is not an item of issue `Colour choice`"));
  EXPECT_THAT(msg, HasSubstr("did you mean `Blue`?"));
}

TEST(GeniusImport, MalformedXmlIsADiagnostic) {
  const GeniusImport imp = import_genius_text({"tiny.xml", "<negotiation_template><utility_space>"}, {});
  ASSERT_FALSE(imp.ok());
  EXPECT_THAT(imp.outcome.diagnostics.at(0).to_string(), HasSubstr("malformed XML"));
}

TEST(GeniusImport, RealIssuesAreRefusedWithAHint) {
  std::string dom = kDomain;
  dom.replace(dom.find("type=\"integer\""), 14, "type=\"real\"");
  const GeniusImport imp = import_genius_text({"tiny.xml", dom}, {{"buyer.xml", kProfile}});
  ASSERT_FALSE(imp.ok());
  EXPECT_THAT(imp.outcome.diagnostics.at(0).message, HasSubstr("issue type `real` is not supported"));
}

TEST(GeniusImport, MissingFileIsADiagnostic) {
  const GeniusImport imp = import_genius("/nonexistent/domain.xml", {"/nonexistent/p.xml"});
  ASSERT_FALSE(imp.ok());
  EXPECT_THAT(imp.outcome.diagnostics.at(0).to_string(), HasSubstr("cannot read the file"));
}

TEST(GeniusImport, OutcomeStatusSaysWhetherItImported) {
  EXPECT_EQ(import_genius_text({"tiny.xml", kDomain}, {{"buyer.xml", kProfile}}).outcome.status, Status::ok);
  EXPECT_EQ(import_genius_text({"tiny.xml", "<negotiation_template>"}, {}).outcome.status, Status::invalid_input);
  EXPECT_EQ(import_genius("/nonexistent/domain.xml", {"/nonexistent/p.xml"}).outcome.status, Status::invalid_input);
  const GeniusImport none = import_genius_text({"tiny.xml", kDomain}, {});
  EXPECT_EQ(none.outcome.status, Status::invalid_input);
  EXPECT_THAT(none.outcome.message(), HasSubstr("no profile files given"));
}

// ---- Independent GENIUS scorer, straight from the XML.
struct GeniusProfile {
  std::map<int, double> weight;
  std::map<int, std::map<std::string, double>> eval;  // discrete: value -> evaluation
  std::map<int, double> eval_max;
  std::map<int, std::pair<double, double>> linear;    // integer: slope, offset
  double maxutility = 0;
  struct Rect { double u; std::vector<std::tuple<int, double, double>> inc; };
  std::vector<Rect> rects;
};

void walk(const tinyxml2::XMLElement* e, GeniusProfile& g) {
  for (const auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
    const std::string name = c->Name();
    if (name == "weight") g.weight[c->IntAttribute("index")] = c->DoubleAttribute("value");
    if (name == "issue") {
      const int idx = c->IntAttribute("index");
      for (const auto* it = c->FirstChildElement("item"); it; it = it->NextSiblingElement("item")) {
        const double ev = it->DoubleAttribute("evaluation");
        g.eval[idx][it->Attribute("value")] = ev;
        g.eval_max[idx] = std::max(g.eval_max[idx], ev);
      }
      if (const auto* ev = c->FirstChildElement("evaluator"))
        g.linear[idx] = {ev->DoubleAttribute("slope"), ev->DoubleAttribute("offset")};
    }
    if (name == "utility") g.maxutility = c->DoubleAttribute("maxutility");
    if (name == "hyperRectangle") {
      GeniusProfile::Rect r{c->DoubleAttribute("utility"), {}};
      for (const auto* b = c->FirstChildElement("INCLUDES"); b; b = b->NextSiblingElement("INCLUDES"))
        r.inc.emplace_back(b->IntAttribute("index"), b->DoubleAttribute("min"), b->DoubleAttribute("max"));
      g.rects.push_back(r);
      continue;
    }
    walk(c, g);
  }
}

// GENIUS's score of a bid given as (issue index -> item value string or integer).
double genius_score(const GeniusProfile& g, const std::map<int, std::string>& bid,
                    const std::map<int, long>& lower) {
  if (g.maxutility > 0) {
    double sum = 0;
    for (const auto& r : g.rects) {
      bool in = true;
      for (const auto& [idx, lo, hi] : r.inc) {
        const double v = std::stod(bid.at(idx));
        in = in && v >= lo && v <= hi;
      }
      if (in) sum += r.u;
    }
    return std::min(1.0, sum / g.maxutility);
  }
  double u = 0;
  for (const auto& [idx, w] : g.weight) {
    double ev;
    if (g.linear.count(idx)) {
      const auto [slope, offset] = g.linear.at(idx);
      ev = std::clamp(offset + slope * (std::stod(bid.at(idx)) - static_cast<double>(lower.at(idx))), 0.0, 1.0);
    } else {
      ev = g.eval.at(idx).at(bid.at(idx)) / g.eval_max.at(idx);
    }
    u += w * ev;
  }
  return u;
}

TEST(GeniusImport, AnacDomainsScoreLikeGenius) {
  const std::string root = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << root << " not found";
  for (const testing::AnacCase& c : testing::anac_cases()) {
    SCOPED_TRACE(c.folder);
    const GeniusImport imp = import_genius(c.domain(root), c.profiles(root));
    ASSERT_TRUE(imp.ok()) << imp.outcome.diagnostics.at(0).to_string();
    const Scenario& s = *imp.scenario;
    // Domain issue indices, in order.
    tinyxml2::XMLDocument dom;
    ASSERT_EQ(dom.LoadFile(c.domain(root).c_str()), tinyxml2::XML_SUCCESS);
    std::vector<int> index;
    std::map<int, long> lower;
    std::vector<const tinyxml2::XMLElement*> stack{dom.RootElement()};
    std::vector<const tinyxml2::XMLElement*> issues;
    std::function<void(const tinyxml2::XMLElement*)> collect = [&](const tinyxml2::XMLElement* e) {
      for (const auto* ch = e->FirstChildElement(); ch; ch = ch->NextSiblingElement()) {
        if (std::string(ch->Name()) == "issue") issues.push_back(ch);
        else collect(ch);
      }
    };
    collect(dom.RootElement());
    for (const auto* e : issues) {
      index.push_back(e->IntAttribute("index"));
      lower[index.back()] = e->Int64Attribute("lowerbound");
    }
    ASSERT_EQ(index.size(), s.issues.size());
    std::vector<GeniusProfile> g(s.parties.size());
    for (std::size_t p = 0; p < g.size(); ++p) {
      tinyxml2::XMLDocument doc;
      ASSERT_EQ(doc.LoadFile(c.profiles(root)[p].c_str()), tinyxml2::XML_SUCCESS);
      walk(doc.RootElement(), g[p]);
      double r = 0;
      if (const auto* res = doc.RootElement()->FirstChildElement("reservation")) r = res->DoubleAttribute("value");
      EXPECT_EQ(s.preferences[PartyIndex(p)].reservation, r);
    }
    std::mt19937 rng(7);
    for (int trial = 0; trial < 2000; ++trial) {
      Package x(s.issues.size());
      std::map<int, std::string> bid;
      for (const IssueIndex i : s.issues.indices()) {
        const std::size_t k = rng() % s.issues[i].value_count();
        x[i] = grid_setting(s.issues[i], k);
        bid[index[i.get()]] = s.issues[i].kind == IssueKind::discrete ? s.issues[i].options[OptionIndex(k)].label
                                                                : std::to_string(static_cast<long>(x[i]->value));
      }
      for (std::size_t p = 0; p < g.size(); ++p)
        ASSERT_NEAR(utility(s, PartyIndex(p), x), genius_score(g[p], bid, lower), 1e-12)
            << "party " << s.parties[PartyIndex(p)].id << " trial " << trial;
    }
  }
}

}  // namespace
}  // namespace accord::io

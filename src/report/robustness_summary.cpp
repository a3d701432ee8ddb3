// The report's robustness: one "holds unless …" line per summary finding, the JSON section and
// the text section, from ScenarioAnalysis::robustness (docs/robustness.md).
#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/report/analysis.hpp"
#include "accord/report/robustness.hpp"

namespace accord::report {
namespace {

std::vector<const robustness::FindingResult*> of_kind(const robustness::Result& r, robustness::FindingKind k) {
  std::vector<const robustness::FindingResult*> out;
  for (const auto& f : r.findings)
    if (f.kind == k) out.push_back(&f);
  return out;
}

// "no_zone" -> "no zone": the summary is prose.
std::string words(std::string value) {
  std::replace(value.begin(), value.end(), '_', ' ');
  return value;
}

std::string subject(const robustness::FindingResult& f) {
  const std::size_t dot = f.id.find('.');
  return dot == std::string::npos ? f.id : f.id.substr(dot + 1);
}

}  // namespace

std::vector<std::string> robustness_lines(const Scenario& s, const ScenarioAnalysis& a) {
  std::vector<std::string> out;
  if (!a.robustness || !a.robustness->outcome.ok()) return out;
  const robustness::Result& r = *a.robustness;
  using robustness::FindingKind;
  const std::string v = r.version.valid() ? s.versions[r.version].id : "";
  if (const auto vs = of_kind(r, FindingKind::verdict); !vs.empty()) {
    std::string line = "Robustness of the verdicts on " + v + ":";
    for (const auto* f : vs) line += " " + subject(*f) + " (" + f->value + "): " + holds_unless(s, *f) + ";";
    line.back() = '.';
    out.push_back(line);
  }
  for (const FindingKind k : {FindingKind::zone, FindingKind::closest})
    for (const auto* f : of_kind(r, k))
      out.push_back(std::string(k == FindingKind::zone ? "Robustness of the zone-of-agreement finding (" + words(f->value) + "): "
                                                       : "Robustness of the closest deal to " + v + ": ") +
                    holds_unless(s, *f) + ".");
  // The status quo: concepts whose finding and robustness read the same, named together.
  if (const auto sq = of_kind(r, FindingKind::status_quo); !sq.empty()) {
    std::vector<std::pair<std::string, std::string>> groups;  // (value + clause, concepts)
    for (const auto* f : sq) {
      const std::string key = f->value + "|" + holds_unless(s, *f);
      auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
      if (it == groups.end()) groups.emplace_back(key, subject(*f));
      else it->second += ", " + subject(*f);
    }
    std::string line = "Robustness of the stability of the status quo:";
    for (const auto& [key, concepts] : groups) {
      const std::size_t bar = key.find('|');
      line += " " + words(key.substr(0, bar)) + " under " + concepts + " " + key.substr(bar + 1) + ";";
    }
    line.back() = '.';
    out.push_back(line);
  }
  return out;
}

Json robustness_report_json(const Scenario& s, const ScenarioAnalysis& a) {
  if (!a.robustness) return Json{{"skipped", true}, {"termination", termination_json(a.section("robustness"))}};
  Json j = robustness_json(s, *a.robustness, false);
  j["smallest_only"] = true;
  j["max_evaluations"] = kReportRobustnessRuns;
  return j;
}

std::string robustness_report_text(const Scenario& s, const ScenarioAnalysis& a, Style style) {
  if (!a.robustness) return {};
  std::string out = "\n" + robustness_text(s, *a.robustness, style, 5);
  out += wrap("The report stops each finding at its smallest flip; `accord robustness " + suggested_scenario(s, a.options) +
              "` gives every flip, and the forecast's (`--finding forecast`).");
  return out;
}

}  // namespace accord::report

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

// The forecast's two claims: whether it converged, and the option each issue lands nearest; of
// the latter only the issue whose option flips first (the smallest relative move).
std::string forecast_robustness(const Scenario& s, const std::vector<const robustness::FindingResult*>& fs) {
  const robustness::FindingResult* status = nullptr;
  const robustness::FindingResult* first = nullptr;
  std::size_t issues = 0, partial = 0;
  for (const auto* f : fs) {
    if (f->id == "forecast") {
      status = f;
      continue;
    }
    ++issues;
    partial += f->termination.finished() ? 0 : 1;
    if (const auto* m = f->smallest(); m && (!first || m->relative < first->smallest()->relative)) first = f;
  }
  if (status == nullptr && issues == 0) return {};
  std::string line = "Robustness of the forecast:";
  if (status) line += " its status (" + words(status->value) + ") " + holds_unless(s, *status) + ";";
  if (first)
    line += " of the options the " + std::to_string(issues) + " issues land nearest, the first to change is " +
            subject(*first) + "'s (" + first->value + "), which " + holds_unless(s, *first);
  else if (issues > 0)
    line += " the option each of the " + std::to_string(issues) + " issues lands nearest holds against every single "
            "estimated input checked";
  if (partial > 0)
    line += " (the search stopped at its budget on " + std::to_string(partial) + " of the " + std::to_string(issues) +
            " issues: a smaller move may exist there)";
  if (line.back() == ';') line.pop_back();
  return line + ".";
}

}  // namespace

std::vector<SummaryLine> robustness_lines(const Scenario& s, const ScenarioAnalysis& a) {
  std::vector<SummaryLine> out;
  if (!a.robustness || !a.robustness->outcome.ok()) return out;
  const robustness::Result& r = *a.robustness;
  using robustness::FindingKind;
  const Version* text = r.version.valid() ? &s.versions[r.version] : nullptr;
  const std::string v = text ? text->id : "";
  // Each line cites what its finding rests on, as the finding's own summary line does.
  if (const auto vs = of_kind(r, FindingKind::verdict); !vs.empty()) {
    std::string line = "Robustness of the verdicts on " + v + ":";
    std::vector<PartyIndex> parties;
    for (const auto* f : vs) {
      line += " " + subject(*f) + " (" + f->value + "): " + holds_unless(s, *f) + ";";
      parties.push_back(s.find_party(subject(*f)));
    }
    line.back() = '.';
    out.push_back({"robustness.verdicts", line, text_and_preferences_basis(s, a.sources, text, parties)});
  }
  if (const auto rd = of_kind(r, FindingKind::readiness); !rd.empty() && text)
    out.push_back({"robustness.readiness",
                   "Robustness of the readiness of " + v + " (" + words(rd.front()->value) + "): " +
                       holds_unless(s, *rd.front()) + ".",
                   readiness_basis(a.sources, *text)});
  const Citation bargaining = text_and_preferences_basis(s, a.sources, text, r.bargaining_parties);
  for (const FindingKind k : {FindingKind::zone, FindingKind::closest})
    for (const auto* f : of_kind(r, k))
      out.push_back({k == FindingKind::zone ? "robustness.zone" : "robustness.closest",
                     std::string(k == FindingKind::zone
                                     ? "Robustness of the zone-of-agreement finding (" + words(f->value) + "): "
                                     : "Robustness of the closest deal to " + v + ": ") +
                         holds_unless(s, *f) + ".",
                     bargaining});
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
    out.push_back({"robustness.stability", line, stability_basis(s, a.sources)});
  }
  if (std::string line = forecast_robustness(s, of_kind(r, FindingKind::forecast)); !line.empty())
    out.push_back({"robustness.forecast", std::move(line), forecast_basis(s, a.sources)});
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

#pragma once
// Private to accord_report: red lines, blocked issues and stakeholders in bargaining results,
// as JSON and text (used by bargain_report.cpp; docs/bargain.md "Blocked issues", "Stakeholders").
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "accord/engines/bargain.hpp"

namespace accord::report::bargain_parts {

using Json = nlohmann::ordered_json;

// {"estimate": bool, "sources": [...]} of a red line.
[[nodiscard]] Json provenance_json(const Provenance& p);
// "estimate" | "source: URL (+N more)" | "no source given".
[[nodiscard]] std::string provenance_text(const Provenance& p);
// Option id, or the number in the issue's unit.
[[nodiscard]] Json value_json(const Scenario& s, IssueIndex i, const Setting& x);
[[nodiscard]] std::string value_text(const Scenario& s, IssueIndex i, const Setting& x);

// {"PARTY": [{"issue", "value", "estimate", "sources"}, ...], ...} (parties that cross only).
[[nodiscard]] Json crossings_json(const Scenario& s, const std::vector<bargain::RedLineCrossing>& c);
// "UA on territory_recognition (R_DEJURE; estimate), ...".
[[nodiscard]] std::string crossings_text(const Scenario& s, const std::vector<bargain::RedLineCrossing>& c);

[[nodiscard]] Json blocked_json(const Scenario& s, const std::vector<bargain::BlockedIssue>& blocked);
// "NO DEAL UNLESS ONE OF THESE RED LINES MOVES: ..." and the offered values per issue.
[[nodiscard]] std::string blocked_text(const Scenario& s, const std::vector<bargain::BlockedIssue>& blocked);

// {"EU": {"reservation": r}, ...} of the result; per package {"EU": {"utility", "reservation",
// "reaches_reservation", "red_lines_crossed": [...]}}.
[[nodiscard]] Json stakeholders_json(const Scenario& s, const bargain::Result& r);
[[nodiscard]] Json effects_json(const Scenario& s, const std::vector<bargain::StakeholderEffect>& e);
// One sentence per stakeholder and chosen package.
[[nodiscard]] std::string effects_text(const Scenario& s, const std::string& package_name,
                                       const std::vector<bargain::StakeholderEffect>& e);

}  // namespace accord::report::bargain_parts

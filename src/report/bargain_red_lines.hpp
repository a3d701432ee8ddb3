#pragma once
// Private to accord_report: red lines, blocked issues and stakeholders in bargaining results,
// as JSON and text (used by bargain_report.cpp; docs/bargain.md "Blocked issues", "Stakeholders").
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/report/sources.hpp"

namespace accord::report::bargain_parts {

using Json = nlohmann::ordered_json;

// {"estimate": bool, "sources": [note ids]} of a red line: the numbers of the report's numbered
// sources (SourceNotes, report/sources.hpp), the same in every output.
[[nodiscard]] Json provenance_json(const SourceNotes& n, const Provenance& p);
// "estimate" | "estimate [3]" | "source [3]" | "sources [3, 7]" | "no source given".
[[nodiscard]] std::string provenance_text(const SourceNotes& n, const Provenance& p);
// The notes `j` cites (every "sources" array of note ids in it, at any depth) as the table
// [{"id", "source"}] that gives them meaning.
[[nodiscard]] Json cited_sources_json(const SourceNotes& n, const Json& j);
// Option id, or the number in the issue's unit.
[[nodiscard]] Json value_json(const Scenario& s, IssueIndex i, const Setting& x);
[[nodiscard]] std::string value_text(const Scenario& s, IssueIndex i, const Setting& x);

// {"PARTY": [{"issue", "value", "estimate", "sources"}, ...], ...} (parties that cross only).
[[nodiscard]] Json crossings_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::RedLineCrossing>& c);
// "UA on territory_recognition (R_DEJURE; estimate), ...".
[[nodiscard]] std::string crossings_text(const Scenario& s, const SourceNotes& n, const std::vector<bargain::RedLineCrossing>& c);

[[nodiscard]] Json blocked_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::BlockedIssue>& blocked);
// "NO DEAL UNLESS ONE OF THESE RED LINES MOVES: ..." and the offered values per issue.
[[nodiscard]] std::string blocked_text(const Scenario& s, const SourceNotes& n, const std::vector<bargain::BlockedIssue>& blocked);

// {"EU": {"reservation": r}, ...} of the result; per package {"EU": {"utility", "reservation",
// "reaches_reservation", "red_lines_crossed": [...]}}.
[[nodiscard]] Json stakeholders_json(const Scenario& s, const bargain::Result& r);
[[nodiscard]] Json effects_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::StakeholderEffect>& e);
// One sentence per stakeholder and chosen package.
[[nodiscard]] std::string effects_text(const Scenario& s, const SourceNotes& n, const std::string& package_name,
                                       const std::vector<bargain::StakeholderEffect>& e);

}  // namespace accord::report::bargain_parts

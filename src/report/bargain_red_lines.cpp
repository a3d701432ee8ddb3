// Red lines, blocked issues and stakeholders in bargaining results (docs/bargain.md).
#include "bargain_red_lines.hpp"

#include <algorithm>
#include <cstdio>

#include "accord/model/utility.hpp"
#include "accord/report/table.hpp"

namespace accord::report::bargain_parts {

namespace {

const std::string& pid(const Scenario& s, PartyIndex p) { return s.parties[p].id; }
const std::string& iid(const Scenario& s, IssueIndex i) { return s.issues[i].id; }

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string range_text(const ValueRange& r) {
  if (r.min && r.max) return number(*r.min) + "–" + number(*r.max);
  if (r.max) return "≤ " + number(*r.max);
  if (r.min) return "≥ " + number(*r.min);
  return "any";
}

Json range_json(const ValueRange& r) {
  Json j = Json::object();
  if (r.min) j["min"] = *r.min;
  if (r.max) j["max"] = *r.max;
  return j;
}

std::string red_line_text(const Scenario& s, const SourceNotes& n, IssueIndex i, const bargain::BlockedIssue::RedLine& rl) {
  std::string out;
  for (const OptionIndex o : rl.options) out += (out.empty() ? "" : ", ") + s.issues[i].options[o].id;
  for (const ValueRange& r : rl.ranges) out += (out.empty() ? "" : ", ") + range_text(r);
  return pid(s, rl.party) + " " + out + " (" + provenance_text(n, rl.provenance) + ")";
}

}  // namespace

Json provenance_json(const SourceNotes& n, const Provenance& p) {
  Json ids = Json::array();
  for (const std::size_t k : n.provenance(p).notes) ids.push_back(k);
  return {{"estimate", p.estimate}, {"sources", std::move(ids)}};
}

std::string provenance_text(const SourceNotes& n, const Provenance& p) {
  const Citation c = n.provenance(p);
  const std::string marks = note_marks(c.notes);
  if (p.estimate) return marks.empty() ? "estimate" : "estimate " + marks;
  if (marks.empty()) return "no source given";
  return (c.notes.size() == 1 ? "source " : "sources ") + marks;
}

namespace {

void collect(const Json& j, std::vector<std::size_t>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "sources" && it->is_array()) {
        for (const Json& x : *it)
          if (x.is_number_unsigned()) out.push_back(x.get<std::size_t>());
      } else {
        collect(*it, out);
      }
    }
  } else if (j.is_array()) {
    for (const Json& x : j) collect(x, out);
  }
}

}  // namespace

Json cited_sources_json(const SourceNotes& n, const Json& j) {
  std::vector<std::size_t> ids;
  collect(j, ids);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Json out = Json::array();
  for (const std::size_t k : ids)
    if (k >= 1 && k <= n.sources().size()) out.push_back({{"id", k}, {"source", n.sources()[k - 1]}});
  return out;
}

Json value_json(const Scenario& s, IssueIndex i, const Setting& x) {
  const Issue& issue = s.issues[i];
  return issue.kind == IssueKind::numeric ? Json(x.value) : Json(issue.options[x.option].id);
}

std::string value_text(const Scenario& s, IssueIndex i, const Setting& x) { return describe(s.issues[i], x); }

Json crossings_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::RedLineCrossing>& c) {
  Json j = Json::object();
  for (const bargain::RedLineCrossing& x : c) {
    Json e = {{"issue", iid(s, x.issue)}, {"value", value_json(s, x.issue, x.setting)}};
    e.update(provenance_json(n, x.provenance));
    j[pid(s, x.party)].push_back(std::move(e));
  }
  return j;
}

std::string crossings_text(const Scenario& s, const SourceNotes& n, const std::vector<bargain::RedLineCrossing>& c) {
  std::string out;
  for (const bargain::RedLineCrossing& x : c)
    out += (out.empty() ? "" : ", ") + pid(s, x.party) + " on " + iid(s, x.issue) + " (" +
           value_text(s, x.issue, x.setting) + "; " + provenance_text(n, x.provenance) + ")";
  return out;
}

Json blocked_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::BlockedIssue>& blocked) {
  Json out = Json::array();
  for (const bargain::BlockedIssue& b : blocked) {
    Json lines = Json::object();
    for (const auto& rl : b.red_lines) {
      Json e = Json::object();
      if (s.issues[b.issue].kind == IssueKind::discrete) {
        Json opts = Json::array();
        for (const OptionIndex o : rl.options) opts.push_back(s.issues[b.issue].options[o].id);
        e["options"] = std::move(opts);
      } else {
        Json ranges = Json::array();
        for (const ValueRange& r : rl.ranges) ranges.push_back(range_json(r));
        e["ranges"] = std::move(ranges);
      }
      e.update(provenance_json(n, rl.provenance));
      lines[pid(s, rl.party)] = std::move(e);
    }
    // A numeric grid may offer up to 10^6 values: the first kMaxOffered are listed.
    constexpr std::size_t kMaxOffered = 100;
    Json offered = Json::array();
    for (std::size_t j = 0; j < b.offered.size() && j < kMaxOffered; ++j)
      offered.push_back({{"value", value_json(s, b.issue, b.offered[j].setting)},
                         {"crosses", crossings_json(s, n, b.offered[j].crosses)}});
    out.push_back({{"issue", iid(s, b.issue)},
                   {"red_lines", std::move(lines)},
                   {"fewest", b.fewest},
                   {"offered_count", b.offered.size()},
                   {"offered", std::move(offered)}});
  }
  return out;
}

std::string blocked_text(const Scenario& s, const SourceNotes& n, const std::vector<bargain::BlockedIssue>& blocked) {
  if (blocked.empty()) return {};
  std::string out = wrap("NO ZONE OF AGREEMENT, AND NO DEAL UNLESS ONE OF THESE RED LINES MOVES: on each issue "
                         "below every option crosses a red line of a bargaining party.");
  for (const bargain::BlockedIssue& b : blocked) {
    std::string lines;
    for (const auto& rl : b.red_lines) lines += (lines.empty() ? "" : "; ") + red_line_text(s, n, b.issue, rl);
    out += wrap(iid(s, b.issue) + ": " + lines + ".", text_width(), "  ");
  }
  out += wrap("Options crossing the fewest red lines, least sourced among those (estimates before sourced), "
              "per blocked issue:");
  for (const bargain::BlockedIssue& b : blocked) {
    std::string opts;
    constexpr std::size_t kShown = 8;
    for (std::size_t j = 0; j < b.offered.size() && j < kShown; ++j) {
      std::string whose;
      for (const auto& c : b.offered[j].crosses)
        whose += (whose.empty() ? "" : ", ") + pid(s, c.party) + "'s, " + provenance_text(n, c.provenance);
      opts += (opts.empty() ? "" : "; ") + value_text(s, b.issue, b.offered[j].setting) + " (" + whose + ")";
    }
    if (b.offered.size() > kShown) opts += "; and " + std::to_string(b.offered.size() - kShown) + " more";
    out += wrap(iid(s, b.issue) + ", " + std::to_string(b.fewest) + " red line" + (b.fewest == 1 ? "" : "s") +
                    " each: " + opts + ".",
                text_width(), "  ");
  }
  return out;
}

Json stakeholders_json(const Scenario& s, const bargain::Result& r) {
  Json j = Json::object();
  for (std::size_t q = 0; q < r.stakeholders.size(); ++q)
    j[pid(s, r.stakeholders[q])] = {{"role", std::string(to_string(s.parties[r.stakeholders[q]].role))},
                                    {"reservation", r.stakeholder_reservations[q]}};
  return j;
}

Json effects_json(const Scenario& s, const SourceNotes& n, const std::vector<bargain::StakeholderEffect>& e) {
  Json j = Json::object();
  for (const bargain::StakeholderEffect& x : e) {
    const Json crossed = crossings_json(s, n, x.red_lines);
    j[pid(s, x.party)] = {{"utility", x.utility},
                          {"reservation", x.reservation},
                          {"reaches_reservation", x.reaches_reservation},
                          {"red_lines_crossed", crossed.empty() ? Json::array() : crossed.begin().value()}};
  }
  return j;
}

std::string effects_text(const Scenario& s, const SourceNotes& n, const std::string& package_name,
                         const std::vector<bargain::StakeholderEffect>& e) {
  std::string out;
  for (const bargain::StakeholderEffect& x : e) {
    std::string line = package_name + " for " + pid(s, x.party) + " (did not bargain): utility " + fixed(x.utility) +
                       (x.reaches_reservation ? ", reaches" : ", below") + " its reservation " + fixed(x.reservation);
    if (x.red_lines.empty()) {
      line += "; crosses none of its red lines.";
    } else {
      std::string where;
      for (const auto& c : x.red_lines)
        where += (where.empty() ? "" : ", ") + iid(s, c.issue) + " (" + value_text(s, c.issue, c.setting) + "; " +
                 provenance_text(n, c.provenance) + ")";
      line += "; CROSSES its red line" + std::string(x.red_lines.size() == 1 ? "" : "s") + " on " + where +
              ", so it is unacceptable to " + pid(s, x.party) + ".";
    }
    out += wrap(line, text_width(), "  ");
  }
  return out;
}

}  // namespace accord::report::bargain_parts

// `accord robustness` (and the report's robustness section): JSON and text of a
// robustness::Result.
#include "accord/report/robustness.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

#include "accord/report/outcome.hpp"

namespace accord::report {
namespace {

std::string number(double x, int extra = 0) {
  std::string t = fixed(x, (std::abs(x) >= 10 ? 2 : 4) + extra);
  while (t.size() > 1 && t.back() == '0' && t.find('.') != std::string::npos) t.pop_back();
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t;
}

// The threshold and the current value, with enough digits that they read differently (a
// threshold close to the current value would otherwise print as "0.0526 (now 0.0526)").
std::pair<std::string, std::string> threshold_and_now(double threshold, double now) {
  for (int extra = 0; extra < 6; ++extra) {
    std::string a = number(threshold, extra), b = number(now, extra);
    if (a != b || extra == 5) return {std::move(a), std::move(b)};
  }
  return {};
}

std::string party_id(const Scenario& s, PartyIndex p) {
  return p.valid() && p.get() < s.parties.size() ? s.parties[p].id : std::string("?");
}

std::string option_text(const Scenario& s, const robustness::Input& in) {
  const Issue& issue = s.issues[in.issue];
  if (in.option.valid()) return issue.id + "=" + issue.options[in.option].id;
  return issue.id + " range " + std::to_string(in.index + 1);
}

std::string toggle_text(robustness::Toggle t) {
  switch (t) {
    case robustness::Toggle::move_up: return "moved up one place";
    case robustness::Toggle::move_down: return "moved down one place";
    default: return "dropped";
  }
}

// "rises above 0.6685" (exact, holds at the threshold), "rises to 0.6685" (exact, flipped at
// it), "falls to about 0.7472 (±0.0001)" (sweep), "is dropped"
std::string move_text(const robustness::Flip& f) {
  if (f.method == robustness::Method::toggle) return "is " + toggle_text(f.toggle);
  if (f.input.kind == robustness::InputKind::stance) return std::string("changes to ") + (f.input.value < 0.5 ? "accept" : "reject");
  const bool up = f.threshold > f.input.value;
  const std::string verb = up ? "rises" : "falls";
  const auto [at, now] = threshold_and_now(f.threshold, f.input.value);
  if (f.method == robustness::Method::exact)
    return verb + (f.holds_at == f.threshold ? (up ? " above " : " below ") : " to ") + at + " (now " + now + ")";
  return verb + " to about " + at + " (±" + number(std::abs(f.flips_at - f.holds_at)) + "; now " + now + ")";
}

std::string after_text(const robustness::FindingResult& f, const robustness::Flip& fl) {
  if (f.kind == robustness::FindingKind::closest) return "the closest deal changes (" + fl.change + ")";
  return "it becomes " + fl.after;
}

Json input_json(const Scenario& s, const robustness::Input& in) {
  Json j;
  j["path"] = in.path;
  j["kind"] = std::string(robustness::to_string(in.kind));
  j["label"] = input_label(s, in);
  j["value"] = in.value;
  j["estimate"] = in.estimate;
  j["min"] = in.min;
  j["max"] = in.max;
  return j;
}

Json flip_json(const Scenario& s, const robustness::Flip& f) {
  Json j;
  j["input"] = input_json(s, f.input);
  if (!f.with.empty()) {
    Json with = Json::array();
    for (const auto& in : f.with) with.push_back(input_json(s, in));
    j["with"] = std::move(with);
  }
  j["method"] = std::string(robustness::to_string(f.method));
  if (f.toggle != robustness::Toggle::not_set) j["toggle"] = std::string(robustness::to_string(f.toggle));
  j["threshold"] = f.threshold;
  j["holds_at"] = f.holds_at;
  j["flips_at"] = f.flips_at;
  j["move"] = f.move;
  j["relative"] = f.relative;
  j["after"] = f.after;
  j["change"] = f.change;
  return j;
}

}  // namespace

std::string input_label(const Scenario& s, const robustness::Input& in) {
  using robustness::InputKind;
  const std::string p = party_id(s, in.party);
  std::string out;
  switch (in.kind) {
    case InputKind::reservation: out = p + "'s reservation"; break;
    case InputKind::weight: out = p + "'s weight on " + s.issues[in.issue].id; break;
    case InputKind::option_value: out = p + "'s value of " + option_text(s, in); break;
    case InputKind::red_line: out = p + "'s red line " + option_text(s, in); break;
    case InputKind::capability: out = p + "'s capability"; break;
    case InputKind::statement: {
      const auto& dm = s.conflict->decision_makers[in.decision_maker];
      out = dm.id + "'s preference statement " + std::to_string(in.index + 1);
      if (in.index < dm.statements.size() && !dm.statements[in.index].provenance.note.empty())
        out += " (" + dm.statements[in.index].provenance.note + ")";
      break;
    }
    case InputKind::stance: {
      const bool known = in.version.valid() && in.version.get() < s.versions.size();
      const Version* v = known ? &s.versions[in.version] : nullptr;
      out = p + "'s " + (in.estimate ? "inferred " : "") + "stance on " +
            (v && in.point.get() < v->points.size() ? v->points[in.point].id : in.path) + " (" +
            (v ? std::string(to_string(v->stances[in.party][in.point].kind)) : "?") + ")";
      break;
    }
    case InputKind::not_set: out = in.path; break;
  }
  return out + (in.estimate ? " (estimate)" : " (sourced)");
}

namespace {

std::string words(std::string value) {
  std::replace(value.begin(), value.end(), '_', ' ');
  return value;
}

// Readiness: a set of stances moved together (robustness::Flip::with).
std::string readiness_holds_unless(const Scenario& s, const robustness::FindingResult& f) {
  const robustness::Flip* m = f.smallest();
  if (m == nullptr) {
    if (!f.note.empty()) return f.note;
    if (f.inputs_total == 0) return "no inferred stance to change";
    return "holds against changing any single inferred stance (" + std::to_string(f.inputs_total) + " checked)";
  }
  const std::string to = m->input.value < 0.5 ? "accept" : "reject";
  if (m->with.empty())
    return "holds unless " + input_label(s, m->input) + " changes to " + to + "; then it becomes " + words(m->after);
  constexpr std::size_t kNamed = 12;
  std::vector<const robustness::Input*> set = {&m->input};
  for (const auto& in : m->with) set.push_back(&in);
  std::string list;
  for (std::size_t k = 0; k < set.size() && k < kNamed; ++k) {
    const Version& v = s.versions[set[k]->version];
    list += (list.empty() ? "" : ", ") + s.parties[set[k]->party].id + " on " + v.points[set[k]->point].id + " (" +
            std::string(to_string(v.stances[set[k]->party][set[k]->point].kind)) + ")";
  }
  if (set.size() > kNamed) list += " and " + std::to_string(set.size() - kNamed) + " more";
  return "no single inferred stance flips it; it holds unless these " + std::to_string(m->with.size() + 1) +
         " inferred stances (estimates) all change to " + to + ": " + list + "; then it becomes " + words(m->after) +
         " (with any one of them unchanged it stays " + words(f.value) + ")";
}

}  // namespace

std::string holds_unless(const Scenario& s, const robustness::FindingResult& f) {
  if (f.kind == robustness::FindingKind::readiness) return readiness_holds_unless(s, f);
  const std::string partial =
      f.termination.finished() ? "" : " (search partial: " + f.termination.detail + ")";
  if (const robustness::Flip* m = f.smallest())
    return "holds unless " + input_label(s, m->input) + " " + move_text(*m) + "; then " + after_text(f, *m) + partial;
  if (f.inputs_total == 0)
    return "no single estimated input can flip it" + (f.note.empty() ? std::string() : ": " + f.note) + partial;
  const std::string what = f.kind == robustness::FindingKind::status_quo
                               ? "dropping or moving (one place) any single estimated preference statement"
                               : "every single estimated input moved over its whole range";
  return "holds against " + what + " (" + std::to_string(f.inputs_checked) +
         " of " + std::to_string(f.inputs_total) + " checked)" + partial;
}

Json robustness_json(const Scenario& s, const robustness::Result& r, bool flips) {
  Json j;
  j["schema"] = kRobustnessSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok()) return j;
  j["version"] = r.version.valid() ? Json(s.versions[r.version].id) : Json(nullptr);
  Json bp = Json::array();
  for (const PartyIndex p : r.bargaining_parties) bp.push_back(party_id(s, p));
  j["bargaining_parties"] = bp;
  j["evaluations"] = r.evaluations;
  j["unfinished"] = r.unfinished;
  Json fs = Json::array();
  // Each party's verdict again, keyed by the party: a verdict moves only that party's own inputs,
  // so a party may be shown its own entry (report/views/robustness_view.cpp).
  Json verdicts = Json::object();
  for (const auto& f : r.findings) {
    Json x;
    x["id"] = f.id;
    x["kind"] = std::string(robustness::to_string(f.kind));
    x["value"] = f.value;
    x["note"] = f.note;
    x["holds_unless"] = holds_unless(s, f);
    x["inputs_checked"] = f.inputs_checked;
    x["inputs_total"] = f.inputs_total;
    x["termination"] = {{"stop", std::string(to_string(f.termination.stop))}, {"detail", f.termination.detail}};
    x["flip_count"] = f.flips.size();
    x["smallest"] = f.smallest() ? flip_json(s, *f.smallest()) : Json(nullptr);
    if (flips) {
      Json list = Json::array();
      for (const auto& fl : f.flips) list.push_back(flip_json(s, fl));
      x["flips"] = list;
    }
    if (f.kind == robustness::FindingKind::verdict) verdicts[f.id.substr(f.id.find('.') + 1)] = x;
    fs.push_back(std::move(x));
  }
  j["findings"] = fs;
  j["verdicts"] = std::move(verdicts);
  return j;
}

std::string robustness_text(const Scenario& s, const robustness::Result& r, Style style, std::size_t max_rows) {
  if (!r.outcome.ok()) return wrap("Robustness: " + r.outcome.message() + ".");
  const std::string v = r.version.valid() ? s.versions[r.version].id : std::string("(no text)");
  std::string out;
  const std::string title = "Robustness of the headline findings (text " + v + ")";
  out += style == Style::markdown ? "## " + title + "\n\n" : title + "\n" + std::string(display_width(title), '=') + "\n";
  out += wrap("Each estimated input (marked `estimate: true`) moved alone over its range; a flip is the smallest "
              "move that changes the finding (method and definitions: docs/robustness.md).");
  for (const auto& f : r.findings) {
    // Markdown: the id as a heading and the value as a paragraph (a long package would break a
    // wrapped heading).
    out += "\n";
    if (style == Style::markdown) out += std::string("### ").append(f.id).append("\n\n").append(wrap("Now: " + f.value)) + "\n";
    else out += wrap(std::string(f.id).append(" = ").append(f.value));
    out += wrap(holds_unless(s, f) + ".");
    if (f.flips.empty()) continue;
    Table t;
    t.header = {"input", "now", "threshold", "move", "method", "after"};
    t.right_align = {false, true, true, true, false, false};
    for (std::size_t k = 0; k < f.flips.size() && k < max_rows; ++k) {
      const robustness::Flip& fl = f.flips[k];
      const bool tog = fl.method == robustness::Method::toggle;
      if (fl.input.kind == robustness::InputKind::stance) {  // a set of stances changed together
        t.rows.push_back({input_label(s, fl.input) + (fl.with.empty() ? "" : " + " + std::to_string(fl.with.size()) + " more"),
                          fl.input.value < 0.5 ? "not accept" : "accept", fl.input.value < 0.5 ? "accept" : "reject",
                          std::to_string(fl.with.size() + 1) + " stances", "exact", fl.after});
        continue;
      }
      t.rows.push_back({input_label(s, fl.input), tog ? "present" : number(fl.input.value),
                        tog ? toggle_text(fl.toggle) : number(fl.threshold), tog ? "toggle" : number(fl.move),
                        std::string(robustness::to_string(fl.method)),
                        f.kind == robustness::FindingKind::closest ? fl.change : fl.after});
    }
    if (style == Style::markdown) out += "\n";
    out += t.render(style, text_width(), 5);
    if (f.flips.size() > max_rows)
      out += wrap("… and " + std::to_string(f.flips.size() - max_rows) + " more (`--json` lists every flip).");
  }
  if (r.unfinished > 0)
    out += "\n" + wrap(std::to_string(r.unfinished) + " of " + std::to_string(r.evaluations) +
                       " engine runs hit their node budget and count neither as a hold nor as a flip.");
  if (!r.outcome.termination.finished())
    out += "\n" + wrap("Partial (" + std::string(to_string(r.outcome.termination.stop)) + "): " +
                       r.outcome.termination.detail + ".");
  return out;
}

}  // namespace accord::report

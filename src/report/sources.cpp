// Source notes and the estimate mark of `accord report` (report/sources.hpp).
#include "accord/report/sources.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "accord/report/analysis.hpp"

namespace accord::report {

namespace {

template <class F>
void each(const Provenance& p, const FieldProvenance& fields, F&& f) {
  f(p);
  for (const auto& [_, fp] : fields) f(fp);
}

bool field_estimate(const FieldProvenance& fields, std::string_view key) {
  const auto it = fields.find(std::string(key));
  return it != fields.end() && it->second.estimate;
}

bool field_sourced(const FieldProvenance& fields, std::string_view key) {
  const auto it = fields.find(std::string(key));
  return it != fields.end() && !it->second.sources.empty();
}

// Fields of an issue block that carry its values or red lines ("values.X", "curve", "red_lines").
bool is_value_field(const std::string& key) {
  return key.rfind("values.", 0) == 0 || key == "curve" || key == "red_lines" || key == "values";
}

template <class F>
void each_conflict(const Conflict& c, F&& f) {
  f(c.provenance);
  for (const auto& o : c.options) f(o.provenance);
  for (const auto& dm : c.decision_makers) {
    f(dm.provenance);
    for (const auto& st : dm.statements) f(st.provenance);
  }
  for (const auto& r : c.infeasible) f(r.provenance);
  for (const auto& g : c.exclusive) f(g.provenance);
}

template <class F>
void each_forecast(const ForecastSettings& fs, F&& f) {
  f(fs.provenance);
  for (const auto& o : fs.overrides) f(o.provenance);
}

void finish(Citation& c) {
  std::sort(c.notes.begin(), c.notes.end());
  c.notes.erase(std::unique(c.notes.begin(), c.notes.end()), c.notes.end());
}

}  // namespace

SourceNotes::SourceNotes(const Scenario& s) {
  auto all = [this](const Provenance& p) { number(p); };
  number(s.provenance);
  for (const auto& p : s.parties) each(p.provenance, p.field_provenance, all);
  for (const auto& v : s.versions) {
    number(v.provenance);
    for (const PointIndex k : v.points.indices()) {
      each(v.points[k].provenance, v.points[k].field_provenance, all);
      for (const auto& row : v.stances) number(row[k].provenance);
    }
  }
  for (const auto& pr : s.preferences) {
    if (!pr.present) continue;
    each(pr.provenance, pr.field_provenance, all);
    for (const auto& ip : pr.issues) each(ip.provenance, ip.field_provenance, all);
  }
  for (const auto& e : s.timeline) number(e.provenance);
  // Numbered after the rest so the numbers of earlier notes stay as they were before these.
  if (s.conflict) each_conflict(*s.conflict, all);
  if (s.forecast) each_forecast(*s.forecast, all);
}

void SourceNotes::number(const Provenance& p) {
  for (const std::string& src : p.sources) {
    if (src.empty() || numbers_.contains(src)) continue;
    sources_.push_back(src);
    numbers_.emplace(src, sources_.size());
  }
}

void SourceNotes::cite(Citation& c, const Provenance& p) const {
  for (const std::string& src : p.sources)
    if (const auto it = numbers_.find(src); it != numbers_.end()) c.notes.push_back(it->second);
}

Citation SourceNotes::scenario(const Scenario& s) const {
  Citation c;
  cite(c, s.provenance);
  c.estimate = s.provenance.estimate;
  finish(c);
  return c;
}

Citation SourceNotes::party(const Party& p) const {
  Citation c;
  each(p.provenance, p.field_provenance, [&](const Provenance& x) { cite(c, x); });
  c.estimate = field_estimate(p.field_provenance, "capability");
  finish(c);
  return c;
}

Citation SourceNotes::version(const Version& v) const {
  Citation c;
  cite(c, v.provenance);
  c.estimate = v.provenance.estimate;
  finish(c);
  return c;
}

Citation SourceNotes::point(const Version& v, PointIndex k) const {
  Citation c;
  const Point& pt = v.points[k];
  each(pt.provenance, pt.field_provenance, [&](const Provenance& x) { cite(c, x); });
  for (const auto& row : v.stances) cite(c, row[k].provenance);
  c.estimate = pt.provenance.estimate;
  finish(c);
  return c;
}

Citation SourceNotes::preferences(const Preferences& p) const {
  Citation c;
  if (!p.present) return c;
  each(p.provenance, p.field_provenance, [&](const Provenance& x) { cite(c, x); });
  for (const auto& ip : p.issues) each(ip.provenance, ip.field_provenance, [&](const Provenance& x) { cite(c, x); });
  c.estimate = field_estimate(p.field_provenance, "reservation");
  finish(c);
  return c;
}

Citation SourceNotes::event(const Event& e) const {
  Citation c;
  cite(c, e.provenance);
  c.estimate = e.provenance.estimate;
  finish(c);
  return c;
}

Citation SourceNotes::provenance(const Provenance& p) const {
  Citation c;
  cite(c, p);
  c.estimate = p.estimate;
  finish(c);
  return c;
}

Citation SourceNotes::text(const Version& v) const {
  Citation c = version(v);
  for (const Point& pt : v.points)
    each(pt.provenance, pt.field_provenance, [&](const Provenance& x) {
      cite(c, x);
      c.estimate = c.estimate || x.estimate;
    });
  finish(c);
  return c;
}

Citation SourceNotes::stances(const Version& v) const {
  Citation c;
  for (const auto& row : v.stances)
    for (const Stance& st : row) {
      cite(c, st.provenance);
      c.estimate = c.estimate || st.provenance.estimate;
    }
  finish(c);
  return c;
}

Citation SourceNotes::preference_inputs(const Preferences& p) const {
  Citation c = preferences(p);
  const PreferenceInputs in = accord::report::preference_inputs(p);
  c.estimate = p.present && (p.provenance.estimate || in.reservation_estimated || in.weights_estimated > 0 ||
                             in.values_estimated > 0);
  return c;
}

Citation SourceNotes::conflict(const Conflict& k) const {
  Citation c;
  each_conflict(k, [&](const Provenance& x) {
    cite(c, x);
    c.estimate = c.estimate || x.estimate;
  });
  finish(c);
  return c;
}

Citation SourceNotes::forecast_settings(const ForecastSettings& f) const {
  Citation c;
  each_forecast(f, [&](const Provenance& x) {
    cite(c, x);
    c.estimate = c.estimate || x.estimate;
  });
  finish(c);
  return c;
}

void merge(Citation& into, const Citation& c) {
  into.notes.insert(into.notes.end(), c.notes.begin(), c.notes.end());
  into.estimate = into.estimate || c.estimate;
  finish(into);
}

std::string basis_words(const Citation& c) {
  if (c.notes.empty()) return c.estimate ? "rests only on estimates" : "no source given";
  return c.estimate ? "rests in part on estimates" : "";
}

std::string basis_text(const Citation& c) {
  const std::string marks = note_marks(c.notes), words = basis_words(c);
  return (marks.empty() ? "" : " " + marks) + (words.empty() ? "" : " (" + words + ")");
}

std::string cited_text(const SummaryLine& line) { return line.text + basis_text(line.basis); }

Json summary_json(const std::vector<SummaryLine>& lines) {
  Json out = Json::array();
  for (const SummaryLine& l : lines) {
    Json notes = Json::array();
    for (const std::size_t n : l.basis.notes) notes.push_back(n);
    out.push_back({{"id", l.id},
                   {"text", l.text},
                   {"sources", std::move(notes)},
                   {"estimate", l.basis.estimate},
                   {"only_estimates", l.basis.notes.empty() && l.basis.estimate},
                   {"cited", cited_text(l)}});
  }
  return out;
}

Citation text_and_preferences_basis(const Scenario& s, const SourceNotes& n, const Version* v,
                                    const std::vector<PartyIndex>& parties) {
  Citation c = v ? n.text(*v) : Citation{};
  for (const PartyIndex p : parties)
    if (s.preferences.contains(p)) merge(c, n.preference_inputs(s.preferences[p]));
  return c;
}

Citation readiness_basis(const SourceNotes& n, const Version& v) {
  Citation c = n.text(v);
  merge(c, n.stances(v));
  return c;
}

Citation stability_basis(const Scenario& s, const SourceNotes& n) {
  return s.conflict ? n.conflict(*s.conflict) : Citation{};
}

Citation forecast_basis(const Scenario& s, const SourceNotes& n) {
  Citation c;
  for (const PartyIndex p : s.parties.indices()) {
    if (!s.preferences.contains(p) || !s.preferences[p].present) continue;
    merge(c, n.party(s.parties[p]));  // the capability (estimate: the capability)
    merge(c, n.preference_inputs(s.preferences[p]));  // positions and saliences come from them
  }
  if (s.forecast) merge(c, n.forecast_settings(*s.forecast));
  return c;
}

std::string estimate_mark(bool estimate) { return estimate ? std::string(kEstimateMark) : std::string(); }

std::string note_marks(const std::vector<std::size_t>& notes) {
  if (notes.empty()) return "";
  std::string out = "[";
  for (std::size_t k = 0; k < notes.size();) {
    std::size_t end = k;
    while (end + 1 < notes.size() && notes[end + 1] == notes[end] + 1) ++end;
    out += (k == 0 ? "" : ", ") + std::to_string(notes[k]);
    if (end > k) out += (end == k + 1 ? ", " : "–") + std::to_string(notes[end]);
    k = end + 1;
  }
  return out + "]";
}

std::size_t estimated_stances(const Version& v) {
  std::size_t n = 0;
  for (const auto& row : v.stances)
    for (const auto& st : row) n += st.provenance.estimate ? 1 : 0;
  return n;
}

PreferenceInputs preference_inputs(const Preferences& p) {
  PreferenceInputs in;
  if (!p.present) return in;
  in.reservation_estimated = field_estimate(p.field_provenance, "reservation");
  in.reservation_sourced = field_sourced(p.field_provenance, "reservation");
  for (const auto& ip : p.issues) {
    if (!ip.present) continue;
    ++in.issues;
    in.weights_estimated += field_estimate(ip.field_provenance, "weight") ? 1 : 0;
    in.weights_sourced += field_sourced(ip.field_provenance, "weight") ? 1 : 0;
    // A block's own provenance speaks for its values and red lines (the research coding).
    bool estimated = ip.provenance.estimate, sourced = !ip.provenance.sources.empty();
    for (const auto& [key, fp] : ip.field_provenance) {
      if (!is_value_field(key)) continue;
      estimated = estimated || fp.estimate;
      sourced = sourced || !fp.sources.empty();
    }
    in.values_estimated += estimated ? 1 : 0;
    in.values_sourced += sourced ? 1 : 0;
  }
  return in;
}

std::string legend_text(const ScenarioAnalysis& a) {
  return "Marks: " + std::string(kEstimateMark) +
         " after a value means the scenario marks it estimate: true (a modeller's guess, not a "
         "reported fact): a capability, a reservation, a reconstructed version or point, or a stance "
         "inferred from the party's research position instead of reported. [n] cites the numbered "
         "sources at the end. " + std::to_string(a.estimates) +
         " values in this scenario are marked as estimates (estimate: true); treat results as scenario "
         "analysis, not fact.";
}

namespace {

std::string of(std::size_t n, std::size_t total) { return std::to_string(n) + "/" + std::to_string(total); }

}  // namespace

std::string preference_inputs_text(const Scenario& s, const SourceNotes& notes, Style style,
                                   std::size_t listed_parties) {
  Table t;
  t.header = {"party", "reservation", "weights sourced", "weights " + std::string(kEstimateMark),
              "values sourced", "values " + std::string(kEstimateMark)};
  t.right_align = {false, true, true, true, true, true};
  std::string cited;  // one line per party: its list of notes is too long for a column
  std::size_t listed = 0, with = 0;
  for (const PartyIndex p : s.parties.indices()) {
    const Preferences& pr = s.preferences[p];
    if (!pr.present) continue;
    ++with;
    if (listed >= listed_parties) continue;
    ++listed;
    const PreferenceInputs in = preference_inputs(pr);
    const Citation c = notes.preferences(pr);
    t.rows.push_back({s.parties[p].id, fixed(pr.reservation) + estimate_mark(in.reservation_estimated),
                      of(in.weights_sourced, in.issues), of(in.weights_estimated, in.issues),
                      of(in.values_sourced, in.issues), of(in.values_estimated, in.issues)});
    if (c.notes.empty()) continue;
    if (style == Style::markdown) cited += "- ";
    cited += wrap("Sources of " + s.parties[p].id + "'s preferences: " + note_marks(c.notes) + ".");
  }
  if (t.rows.empty()) return "";
  const std::string gap = style == Style::markdown ? "\n" : "";  // Markdown: a list needs blank lines around it
  std::string out = t.render(style, text_width()) + gap + cited + gap;
  if (with > listed) out += wrap("… and " + std::to_string(with - listed) + " more parties with preferences.");
  return out + wrap("Per party, of the issues its preferences list: how many weights and how many issue "
                    "codings (values and red lines) cite a source, and how many are marked " +
                    std::string(kEstimateMark) + " (estimate: true, wholly or in part; the scenario's note on "
                    "each issue says which part). The reservation is " + std::string(kEstimateMark) +
                    " when it is an estimate.");
}

std::string source_notes_text(const SourceNotes& notes, Style style) {
  if (notes.sources().empty()) return "";
  std::string out = style == Style::markdown ? "\n## Sources\n\n" : "\nSources\n=======\n";
  out += wrap("The sources of the figures this report cites ([n]), numbered once for every format (text, "
              "Markdown, JSON, HTML; timeline events are cited in the HTML).");
  if (style == Style::markdown) out += "\n";
  for (std::size_t n = 1; n <= notes.sources().size(); ++n) {
    std::string note = "[";  // appended, not a + b: GCC 12 warns falsely (-Wrestrict)
    note += std::to_string(n);
    note += "] ";
    note += notes.sources()[n - 1];
    if (style == Style::markdown) out += note + "  \n";
    else if (notes.sources()[n - 1].find(' ') == std::string::npos) out += note + "\n";  // a URL stays whole
    else out += wrap(note, text_width(), "    ");
  }
  return out;
}

namespace {

Json ids(const Citation& c) {
  Json j = Json::array();
  for (const std::size_t n : c.notes) j.push_back(n);
  return j;
}

}  // namespace

void add_sources_json(Json& j, const Scenario& s, const ScenarioAnalysis& a) {
  const SourceNotes& notes = a.sources;
  j["legend"] = {{"estimate_mark", std::string(kEstimateMark)},
                 {"estimates", a.estimates},
                 {"text", legend_text(a)}};
  if (j.contains("scenario")) j["scenario"]["sources"] = ids(notes.scenario(s));
  if (Json* parties = j.contains("parties") ? &j["parties"] : nullptr; parties && parties->is_array())
    for (const PartyIndex p : s.parties.indices()) {
      if (p.get() >= parties->size()) break;
      const Citation c = notes.party(s.parties[p]);
      (*parties)[p.get()]["capability_estimate"] = c.estimate;
      (*parties)[p.get()]["sources"] = ids(c);
    }
  if (Json* versions = j.contains("versions") ? &j["versions"] : nullptr; versions && versions->is_array())
    for (const VersionIndex v : s.versions.indices()) {
      if (v.get() >= versions->size()) break;
      const Citation c = notes.version(s.versions[v]);
      (*versions)[v.get()]["estimate"] = c.estimate;
      (*versions)[v.get()]["estimated_stances"] = estimated_stances(s.versions[v]);
      (*versions)[v.get()]["sources"] = ids(c);
    }
  if (Json* evals = j.contains("evaluations") ? &j["evaluations"] : nullptr; evals && evals->is_array())
    for (std::size_t e = 0; e < a.evaluations.size() && e < evals->size(); ++e) {
      const evaluate::Result& r = a.evaluations[e];
      Json& ej = (*evals)[e];
      if (!r.version.valid() || !ej.contains("points")) continue;
      const Version& v = s.versions[r.version];
      for (std::size_t k = 0; k < r.points.size() && k < ej["points"].size(); ++k) {
        const Citation c = notes.point(v, r.points[k].point);
        ej["points"][k]["estimate"] = c.estimate;
        ej["points"][k]["sources"] = ids(c);
      }
    }
  Json inputs = Json::array();
  for (const PartyIndex p : s.parties.indices()) {
    const Preferences& pr = s.preferences[p];
    if (!pr.present) continue;
    const PreferenceInputs in = preference_inputs(pr);
    inputs.push_back({{"party", s.parties[p].id},
                      {"reservation", {{"value", pr.reservation}, {"estimate", in.reservation_estimated}}},
                      {"issues", in.issues},
                      {"weights", {{"sourced", in.weights_sourced}, {"estimated", in.weights_estimated}}},
                      {"values", {{"sourced", in.values_sourced}, {"estimated", in.values_estimated}}},
                      {"sources", ids(notes.preferences(pr))}});
  }
  j["preference_inputs"] = std::move(inputs);
  Json table = Json::array();
  for (std::size_t n = 1; n <= notes.sources().size(); ++n)
    table.push_back({{"id", n}, {"source", notes.sources()[n - 1]}});
  j["sources"] = std::move(table);
}

bool reservation_is_estimate(const Preferences& p) {
  return p.provenance.estimate || field_estimate(p.field_provenance, "reservation");
}

}  // namespace accord::report

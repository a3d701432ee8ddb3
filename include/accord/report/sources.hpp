#pragma once
// Source notes and the estimate mark of `accord report` (docs/cli.md "Sources and estimates"):
// every table row of the report that rests on sourced input cites its sources by number, the
// notes are listed at the end (text, Markdown: "[3] URL"; HTML: links; JSON: `sources` arrays of
// note ids and one top-level `sources` table), and every value marked `estimate: true` that a
// row shows carries the one estimate mark.
#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

// The one mark of a value marked `estimate: true`, in every format: capability, reservation,
// a reconstructed version or point, an inferred stance.
inline constexpr std::string_view kEstimateMark = "~";

// What one figure (one table row) rests on: its source notes and whether the value the row
// shows is marked `estimate: true`.
struct Citation {
  std::vector<std::size_t> notes;  // note numbers, ascending, distinct (1-based)
  bool estimate = false;
};

// The sources a report cites, numbered once per scenario in report order: the scenario's own
// sources, then per party (the party, its capability), per version (the version, then each
// point with every party's stance on it), per party with preferences (reservation, weights,
// values, red lines), per timeline event, then the conflict model and the forecast's
// overrides. Every format reads the same numbers.
class SourceNotes {
 public:
  SourceNotes() = default;
  explicit SourceNotes(const Scenario& s);

  // One citation per figure; sources the table does not hold (another scenario) are left out.
  [[nodiscard]] Citation scenario(const Scenario& s) const;
  [[nodiscard]] Citation party(const Party& p) const;  // estimate: the capability
  [[nodiscard]] Citation version(const Version& v) const;
  // The point and every party's stance on it (one row of the stance matrix); estimate: the
  // point itself (a reconstructed text).
  [[nodiscard]] Citation point(const Version& v, PointIndex k) const;
  [[nodiscard]] Citation preferences(const Preferences& p) const;  // estimate: the reservation
  [[nodiscard]] Citation event(const Event& e) const;
  // The notes of one provenance (estimate: its own mark), e.g. a red line's.
  [[nodiscard]] Citation provenance(const Provenance& p) const;

  // What a summary sentence rests on (estimate: some part of it is marked estimate: true):
  // a version's text (the version and its points, not the stances), its stances (estimate: some
  // stance is inferred), a party's whole preferences (estimate: any part of them), the conflict
  // model (options, decision makers, statements, rules) and the forecast's own settings.
  [[nodiscard]] Citation text(const Version& v) const;
  [[nodiscard]] Citation stances(const Version& v) const;
  [[nodiscard]] Citation preference_inputs(const Preferences& p) const;
  [[nodiscard]] Citation conflict(const Conflict& c) const;
  [[nodiscard]] Citation forecast_settings(const ForecastSettings& f) const;

  // Note n is sources()[n - 1]: a URL or a text.
  [[nodiscard]] const std::vector<std::string>& sources() const { return sources_; }

 private:
  void number(const Provenance& p);
  void cite(Citation& c, const Provenance& p) const;

  std::map<std::string, std::size_t, std::less<>> numbers_;
  std::vector<std::string> sources_;
};

// Adds the notes (and the estimate mark) of `c` to `into`, keeping the notes ascending.
void merge(Citation& into, const Citation& c);

// One headline sentence of the report's summary with what it rests on (docs/cli.md "Summary"):
// every format prints the text with its note numbers and says when it rests on estimates —
// text and Markdown: cited_text; HTML: the notes as links; JSON: summary_json.
struct SummaryLine {
  std::string id;    // "verdicts", "readiness", "bargain", "stability", "forecast", "robustness.verdicts", …
  std::string text;  // the sentence, without marks
  Citation basis;    // the notes of its sourced inputs; estimate: some input is an estimate
};
// " [3, 5–9] (rests in part on estimates)", " (rests only on estimates)", " (no source given)",
// " [3]": what follows the sentence.
[[nodiscard]] std::string basis_text(const Citation& c);
[[nodiscard]] std::string basis_words(const Citation& c);  // the words of basis_text, without the notes
[[nodiscard]] std::string cited_text(const SummaryLine& line);
// [{"id", "text", "sources": [n…], "estimate": bool, "only_estimates": bool, "cited": "…"}].
[[nodiscard]] nlohmann::ordered_json summary_json(const std::vector<SummaryLine>& lines);

// The bases of the summary's findings (docs/cli.md "Summary"): the verdicts and the closest
// deal — the version's text and the preferences of `parties`; readiness — the version's text
// and stances; stability — the conflict model; the forecast — the capabilities and preferences
// of every party with preferences, and the forecast section's overrides.
[[nodiscard]] Citation text_and_preferences_basis(const Scenario& s, const SourceNotes& n, const Version* v,
                                                  const std::vector<PartyIndex>& parties);
[[nodiscard]] Citation readiness_basis(const SourceNotes& n, const Version& v);
[[nodiscard]] Citation stability_basis(const Scenario& s, const SourceNotes& n);
[[nodiscard]] Citation forecast_basis(const Scenario& s, const SourceNotes& n);

// The mark after a value: kEstimateMark when `estimate`, else "".
[[nodiscard]] std::string estimate_mark(bool estimate);
// Note numbers as "[1–3, 7]" (runs joined), "" when there are none.
[[nodiscard]] std::string note_marks(const std::vector<std::size_t>& notes);
// Stances of a version marked `estimate: true` (parties × points), for legends and tests.
[[nodiscard]] std::size_t estimated_stances(const Version& v);

// How one party's preferences rest on sourced and estimated input.
struct PreferenceInputs {
  std::size_t issues = 0;            // issue blocks listed
  std::size_t weights_estimated = 0;  // weights marked estimate: true
  std::size_t weights_sourced = 0;    // weights citing a source
  std::size_t values_estimated = 0;  // blocks whose values or red lines are (partly) estimate: true
  std::size_t values_sourced = 0;    // blocks citing a source for their values or red lines
  bool reservation_estimated = false;
  bool reservation_sourced = false;
};
[[nodiscard]] PreferenceInputs preference_inputs(const Preferences& p);
// Whether a party's reservation is an estimate: the preferences as a whole, or the field.
[[nodiscard]] bool reservation_is_estimate(const Preferences& p);

// Text and Markdown parts of `accord report`.
struct ScenarioAnalysis;
// The legend of the marks (estimate mark, note numbers) with the one count of estimates.
[[nodiscard]] std::string legend_text(const ScenarioAnalysis& a);
// The table "What the preferences rest on", one row per party with preferences.
[[nodiscard]] std::string preference_inputs_text(const Scenario& s, const SourceNotes& notes, Style style,
                                                 std::size_t listed_parties);
// The numbered notes at the end ("[3] URL").
[[nodiscard]] std::string source_notes_text(const SourceNotes& notes, Style style);

// Adds the citations to a report document made by full_report_json: `legend`, `sources` on the
// scenario, each party, version and point of each evaluation, `preference_inputs`, and the
// top-level `sources` table [{id, source}] (shape in docs/cli.md).
void add_sources_json(nlohmann::ordered_json& report, const Scenario& s, const ScenarioAnalysis& a);

}  // namespace accord::report

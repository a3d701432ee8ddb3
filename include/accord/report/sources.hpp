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
// values, red lines), per timeline event. Every format reads the same numbers.
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

  // Note n is sources()[n - 1]: a URL or a text.
  [[nodiscard]] const std::vector<std::string>& sources() const { return sources_; }

 private:
  void number(const Provenance& p);
  void cite(Citation& c, const Provenance& p) const;

  std::map<std::string, std::size_t, std::less<>> numbers_;
  std::vector<std::string> sources_;
};

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

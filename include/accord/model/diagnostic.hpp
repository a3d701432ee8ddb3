#pragma once
// Problems found in a scenario, as values (never exceptions or asserts).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace accord {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;    // empty for scenarios built in memory
  int line = 0;        // 1-based; 0 = unknown
  int column = 0;      // 1-based; 0 = unknown
  std::string path;    // field path, e.g. preferences.UA.issues.army_cap.weight
  std::string entity;  // e.g. "party UA"
  std::string message; // what was found and what was expected
  std::string hint;    // a likely fix, or empty
  std::size_t omitted = 0;  // > 0: a summary line standing for this many left-out diagnostics

  // "file:line:col: error: path (entity): message; hint"
  [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] bool has_errors(const Diagnostics& d);
// How many diagnostics of `severity` were found, counting those a summary line stands for.
[[nodiscard]] std::size_t count(const Diagnostics& d, Severity severity);

// --- Floods of diagnostics -------------------------------------------------------------------
// A hostile or broken file can produce millions of the same message. Every reader keeps the
// first few of each kind and then one "… and N more like this" line per kind.
inline constexpr std::size_t kDiagnosticsPerKind = 10;
inline constexpr std::size_t kMaxDiagnostics = 1000;  // all kinds together

// The kind of a diagnostic: its severity and message with `quoted` text and numbers blanked,
// so "unknown party `A`" and "unknown party `B`" are one kind.
[[nodiscard]] std::string diagnostic_kind(const Diagnostic& d);

// Admits diagnostics into a list, dropping (and counting) repeats past the cap.
class DiagnosticLimiter {
 public:
  explicit DiagnosticLimiter(std::size_t per_kind = kDiagnosticsPerKind,
                             std::size_t total = kMaxDiagnostics)
      : per_kind_(per_kind), total_(total) {}
  // Appends `d` to `out` unless its kind (or the total) is full; returns whether it was kept.
  bool add(Diagnostics& out, Diagnostic d);
  // Appends one "… and N more like this" per kind that overflowed (in first-seen order).
  // Call once, after the last add().
  void finish(Diagnostics& out);
  [[nodiscard]] std::size_t dropped() const { return dropped_total_; }

 private:
  struct Kind {
    std::size_t kept = 0, dropped = 0, order = 0;
    Diagnostic first_dropped;
  };
  std::size_t per_kind_, total_, kept_total_ = 0, dropped_total_ = 0;
  std::map<std::string, Kind> kinds_;
};

// The same cap applied to a finished list (for code that collects first, then reports).
[[nodiscard]] Diagnostics cap_repeated(Diagnostics in, std::size_t per_kind = kDiagnosticsPerKind,
                                       std::size_t total = kMaxDiagnostics);

// --- "did you mean" ----------------------------------------------------------------------------
// Suggestions compare a found text with candidates by edit distance. Only candidates within
// max(2, length/3), and never more than kMaxSuggestDistance, count; each comparison is a banded
// Levenshtein that stops early. A budget bounds the work of one whole load.
inline constexpr std::size_t kMaxSuggestDistance = 3;
inline constexpr std::uint64_t kSuggestBudget = 1'000'000;  // candidate comparisons per load

struct SuggestBudget {
  std::uint64_t comparisons_left = kSuggestBudget;
  [[nodiscard]] bool exhausted() const { return comparisons_left == 0; }
};

// Edit distance when it is at most `limit`, else limit + 1 (computed in O(len * limit)).
[[nodiscard]] std::size_t bounded_edit_distance(const std::string& a, const std::string& b,
                                                std::size_t limit);
// Closest candidate by edit distance, for "did you mean" hints ("" when none is close).
[[nodiscard]] std::string closest_match(const std::string& found,
                                        const std::vector<std::string>& candidates);
// The same, spending at most one comparison per candidate from `budget` ("" once it is spent).
[[nodiscard]] std::string closest_match(const std::string& found,
                                        const std::vector<std::string>& candidates,
                                        SuggestBudget& budget);

}  // namespace accord

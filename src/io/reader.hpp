#pragma once
// Typed access to a parsed YAML/JSON tree that turns every problem into a Diagnostic
// with file:line:column and a field path. Internal to accord::io; section readers
// (scenario, conflict, forecast) all use it so messages read the same everywhere.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/provenance.hpp"

namespace accord::io {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  // Every diagnostic goes through here: repeats past kDiagnosticsPerKind are counted, not kept.
  void push(Diagnostic d);
  // The diagnostics so far, ending with the "… and N more like this" lines; call once, last.
  Diagnostics take_diagnostics();
  // The kept diagnostics so far (without the summary lines); prefer push/take_diagnostics.
  Diagnostics& diagnostics() { return diags_; }
  bool failed() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }  // kept or dropped
  // "did you mean" work left for this load (shared by every lookup, see diagnostic.hpp).
  SuggestBudget& suggest_budget() { return suggest_budget_; }
  // "did you mean `X`?" for the closest of `ids`, or "" (none close, or the budget is spent).
  std::string did_you_mean(const std::string& found, const std::vector<std::string>& ids);

  void error(const YAML::Node& at, const std::string& path, const std::string& entity,
             const std::string& message, const std::string& hint = {});
  void warning(const YAML::Node& at, const std::string& path, const std::string& entity,
               const std::string& message, const std::string& hint = {});
  // Limits of this load (the scenario reader sets them from LoadOptions).
  Deadline deadline;
  std::size_t max_table_bytes = static_cast<std::size_t>(-1);
  std::size_t table_bytes = 0;  // dense tables allocated so far (preferences, stances)
  // Which limit stopped this load (not_set: none did).
  Termination stopped;
  // Polls the deadline (cheaply: every few calls); the first time it has passed, reports an
  // error at `at` and returns true, and keeps returning true.
  bool out_of_time(const YAML::Node& at, const std::string& path);
  // Reports (once) and returns true when dense tables of `bytes` exceed max_table_bytes.
  bool too_large(const YAML::Node& at, const std::string& path, std::size_t bytes,
                 const std::string& what);

  // Remember where a field path lives, so later model-level diagnostics can be placed.
  void remember(const std::string& path, const YAML::Node& at);
  // Position of the longest remembered prefix of `path` (0,0 when none).
  std::pair<int, int> position_of(const std::string& path) const;

  // Checks that `node` is a mapping whose keys are unique and all in `allowed`
  // (reports unknown keys with a "did you mean"). Returns false if not a mapping.
  bool expect_map(const YAML::Node& node, const std::string& path, const std::string& entity,
                  const std::vector<std::string>& allowed);
  bool expect_list(const YAML::Node& node, const std::string& path, const std::string& entity);

  // Field getters. `required` reports a missing field; all report wrong types.
  // Numbers and bools accept the provenance form {value: X, estimate:, source(s):, note:},
  // whose provenance is stored into `prov[key]` when `prov` is given.
  std::optional<std::string> string(const YAML::Node& parent, const std::string& key,
                                    const std::string& path, const std::string& entity,
                                    bool required, FieldProvenance* prov = nullptr);
  // A string that must be an ISO 8601 date (accord/model/date.hpp); an error naming the
  // problem otherwise (the value is then dropped).
  std::optional<std::string> date(const YAML::Node& parent, const std::string& key,
                                  const std::string& path, const std::string& entity, bool required);
  std::optional<double> number(const YAML::Node& parent, const std::string& key,
                               const std::string& path, const std::string& entity, bool required,
                               FieldProvenance* prov = nullptr);
  std::optional<long long> integer(const YAML::Node& parent, const std::string& key,
                                   const std::string& path, const std::string& entity,
                                   bool required, FieldProvenance* prov = nullptr);
  std::optional<bool> boolean(const YAML::Node& parent, const std::string& key,
                              const std::string& path, const std::string& entity, bool required);
  std::vector<std::string> string_list(const YAML::Node& parent, const std::string& key,
                                       const std::string& path, const std::string& entity);

  // Scalar conversions of a node itself (no key lookup), with the same reporting.
  std::optional<double> as_number(const YAML::Node& n, const std::string& path,
                                  const std::string& entity, Provenance* prov = nullptr);
  std::optional<std::string> as_string(const YAML::Node& n, const std::string& path,
                                       const std::string& entity);

  // Reads entity-level provenance keys (source, sources, estimate, note) from a mapping.
  Provenance provenance(const YAML::Node& node, const std::string& path,
                        const std::string& entity);
  // Keys that every entity may carry in addition to its own.
  static const std::vector<std::string>& provenance_keys();

  // Checks an id's spelling ([A-Za-z0-9_.-]+); reports and returns false otherwise.
  bool valid_id(const YAML::Node& at, const std::string& id, const std::string& path,
                const std::string& entity);

  // Quotes a node's text for messages (scalars verbatim, else its kind), cut to 60 chars.
  static std::string describe(const YAML::Node& n);

 private:
  void add(Severity sev, const YAML::Node& at, const std::string& path, const std::string& entity,
           const std::string& message, const std::string& hint);

  std::string file_;
  Diagnostics diags_;
  DiagnosticLimiter limiter_;
  SuggestBudget suggest_budget_;
  std::size_t errors_ = 0;
  std::uint32_t polls_ = 0;
  bool timed_out_ = false;
  std::map<std::string, std::pair<int, int>> positions_;
};

}  // namespace accord::io

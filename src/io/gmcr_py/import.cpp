// gmcr-py `.gmcr` save files (JSON) -> Conflict. Field names follow gmcr-py: `options`
// [{name, permittedDirection}], `decisionMakers` [{name, options, preferences,
// preferenceRanking}], `infeasibles`, `useManualPreferenceRanking` (older files:
// `useManualPreferenceVectors` with `preferenceVector`).
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "accord/io/gmcr_py.hpp"
#include "accord/io/scenario_io.hpp"
#include "io/text_checks.hpp"

namespace accord::io {

namespace {

using Json = nlohmann::json;

std::string kind(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "the text \"" + j.get<std::string>().substr(0, 40) + "\"";
    case Json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    default: return "the number " + j.dump();
  }
}

// Ids for Accord from gmcr-py's free-text names: letters, digits, `_`; unique.
std::string make_id(const std::string& name, const std::string& fallback, std::set<std::string>& used) {
  std::string id;
  for (char ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch))) id += ch;
    else if (!id.empty() && id.back() != '_') id += '_';
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (id.size() > 40) id.resize(40);
  if (id.empty() || id == "and" || id == "or" || id == "not") id = fallback;
  std::string unique = id;
  for (int k = 2; used.count(unique); ++k) unique = id + "_" + std::to_string(k);
  used.insert(unique);
  return unique;
}

class Importer {
 public:
  explicit Importer(std::string file) : file_(std::move(file)) {}

  GmcrPyImport run(std::string_view text) {
    GmcrPyImport out;
    Json root;
    try {
      root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
      const auto [line, col] = line_column_at(text, e.byte == 0 ? 0 : e.byte - 1);
      std::string what = e.what();
      if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
      diags_.push_back({Severity::error, file_, line, col, "", "", "invalid JSON: " + what,
                        "a gmcr-py save file is JSON written by gmcr-py's Save"});
      return finish(out);
    } catch (const Json::exception& e) {  // e.g. a number too large for a double
      diags_.push_back({Severity::error, file_, 0, 0, "", "", std::string("invalid JSON: ") + e.what(),
                        "a gmcr-py save file is JSON written by gmcr-py's Save"});
      return finish(out);
    }
    if (!root.is_object()) {
      error("", "expected a gmcr-py save (a JSON object with `options` and `decisionMakers`), found " + kind(root));
    } else {
      read(root);
    }
    if (!has_errors(diags_)) {
      for (Diagnostic d : validate_conflict(c_)) {
        d.file = file_;
        diags_.push_back(std::move(d));
      }
    }
    if (!has_errors(diags_)) out.conflict = std::move(c_);
    return finish(out);
  }

 private:
  GmcrPyImport& finish(GmcrPyImport& out) {
    const bool ok = !has_errors(diags_);
    out.outcome.status = ok ? Status::ok : Status::invalid_input;
    if (ok) out.outcome.termination = Termination::done();  // not_set when it failed, as Outcome::failure
    out.outcome.diagnostics = std::move(diags_);
    return out;
  }

  void error(const std::string& path, const std::string& message, const std::string& hint = {}) {
    diags_.push_back({Severity::error, file_, 0, 0, path, "", message, hint});
  }

  const Json* field(const Json& obj, const std::string& key, const std::string& path, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(path.empty() ? key : path + "." + key, "missing required field `" + key + "`");
      return nullptr;
    }
    return &*it;
  }

  const Json* list(const Json& obj, const std::string& key, const std::string& path, bool required) {
    const Json* j = field(obj, key, path, required);
    if (j && !j->is_array()) {
      error(path.empty() ? key : path + "." + key, "expected a list, found " + kind(*j));
      return nullptr;
    }
    return j;
  }

  std::optional<int> option_index(const Json& j, const std::string& path) {
    if (!j.is_number_integer() || j.get<long long>() < 0 ||
        j.get<long long>() >= static_cast<long long>(c_.options.size())) {
      error(path, "expected an option index from 0 to " + std::to_string(c_.options.size() - 1) +
                      ", found " + kind(j));
      return std::nullopt;
    }
    return j.get<int>();
  }

  // [[optionIndex, "Y"|"N"], ...] or {"condition": [...]}.
  std::optional<Conjunction> conjunction(const Json& j, const std::string& path) {
    if (j.is_object()) {
      const Json* cond = list(j, "condition", path, true);
      if (!cond) return std::nullopt;
      return conjunction(*cond, path + ".condition");
    }
    if (!j.is_array()) {
      error(path, "expected a list of [optionIndex, \"Y\"|\"N\"] literals, found " + kind(j));
      return std::nullopt;
    }
    Conjunction conj;
    for (std::size_t k = 0; k < j.size(); ++k) {
      const std::string p = path + "[" + std::to_string(k) + "]";
      const Json& lit = j[k];
      if (!lit.is_array() || lit.size() != 2) {
        error(p, "expected a literal [optionIndex, \"Y\"|\"N\"], found " + kind(lit));
        return std::nullopt;
      }
      auto o = option_index(lit[0], p + "[0]");
      if (!o) return std::nullopt;
      if (!lit[1].is_string() || (lit[1] != "Y" && lit[1] != "N")) {
        error(p + "[1]", "expected \"Y\" or \"N\", found " + kind(lit[1]));
        return std::nullopt;
      }
      conj.literals.push_back({ConflictOptionIndex(*o), lit[1] == "Y"});
    }
    if (conj.literals.empty()) {
      error(path, "empty condition; expected at least one literal [optionIndex, \"Y\"|\"N\"]");
      return std::nullopt;
    }
    return conj;
  }

  // A conjunction, or {"compound": true, "members": [conjunctions]} for an OR.
  std::optional<Condition> statement(const Json& j, const std::string& path) {
    Condition cond;
    if (j.is_object() && j.contains("compound") && j["compound"] == true) {
      const Json* members = list(j, "members", path, true);
      if (!members) return std::nullopt;
      for (std::size_t k = 0; k < members->size(); ++k) {
        auto conj = conjunction((*members)[k], path + ".members[" + std::to_string(k) + "]");
        if (!conj) return std::nullopt;
        cond.any.push_back(std::move(*conj));
      }
      if (cond.any.empty()) {
        error(path + ".members", "empty compound statement; expected at least one member");
        return std::nullopt;
      }
      return cond;
    }
    auto conj = conjunction(j, path);
    if (!conj) return std::nullopt;
    cond.any.push_back(std::move(*conj));
    return cond;
  }

  void read_options(const Json& options) {
    std::set<std::string> used;
    for (std::size_t k = 0; k < options.size(); ++k) {
      const std::string path = "options[" + std::to_string(k) + "]";
      const Json& o = options[k];
      if (!o.is_object()) {
        error(path, "expected an object {\"name\": ..., \"permittedDirection\": ...}, found " + kind(o));
        continue;
      }
      ConflictOption opt;
      const Json* name = field(o, "name", path, false);
      opt.label = name && name->is_string() ? name->get<std::string>() : "";
      opt.id = make_id(opt.label, "option" + std::to_string(k + 1), used);
      if (const Json* dir = field(o, "permittedDirection", path, false)) {
        auto d = dir->is_string() ? parse_direction(dir->get<std::string>()) : std::nullopt;
        if (!d) error(path + ".permittedDirection", "expected \"both\", \"fwd\" or \"back\", found " + kind(*dir));
        else opt.direction = *d;
      }
      c_.options.push_back(std::move(opt));
    }
  }

  // States of a preference ranking: 1-based positions among the feasible states in order of
  // their decimal code.
  std::optional<StateCode> ranked_state(const Json& j, const std::string& path,
                                        const std::vector<StateCode>& feasible) {
    if (!j.is_number_integer() || j.get<long long>() < 1 ||
        j.get<long long>() > static_cast<long long>(feasible.size())) {
      error(path, "expected a state number from 1 to " + std::to_string(feasible.size()) +
                      " (feasible states by decimal code), found " + kind(j));
      return std::nullopt;
    }
    return feasible[static_cast<std::size_t>(j.get<long long>() - 1)];
  }

  void read_ranking(const Json& ranking, const std::string& path, DecisionMaker& dm) {
    // An explicit ranking lists every feasible state: Accord takes it for at most
    // kMaxRankingOptions options (as the `conflict:` section does); say so once.
    if (c_.options.size() > kMaxRankingOptions) {
      if (!ranking_limit_reported_)
        error(path, "a preference ranking needs at most " + std::to_string(kMaxRankingOptions) +
                        " options (2^" + std::to_string(kMaxRankingOptions) + " states); the file has " +
                        std::to_string(c_.options.size()) + " options",
              "use option prioritisation (`preferences`, useManualPreferenceRanking: false) instead");
      ranking_limit_reported_ = true;
      return;
    }
    std::vector<StateCode> feasible;
    for (StateCode s = 0; s < (StateCode{1} << c_.options.size()); ++s)
      if (is_feasible(c_, s)) feasible.push_back(s);
    for (std::size_t k = 0; k < ranking.size(); ++k) {
      const std::string p = path + "[" + std::to_string(k) + "]";
      std::vector<StateCode> tier;
      if (ranking[k].is_array()) {
        for (std::size_t t = 0; t < ranking[k].size(); ++t)
          if (auto s = ranked_state(ranking[k][t], p + "[" + std::to_string(t) + "]", feasible)) tier.push_back(*s);
      } else if (auto s = ranked_state(ranking[k], p, feasible)) {
        tier.push_back(*s);
      }
      dm.ranking.push_back(std::move(tier));
    }
  }

  void read_decision_makers(const Json& dms, bool manual) {
    std::set<std::string> used;
    for (std::size_t k = 0; k < dms.size(); ++k) {
      const std::string path = "decisionMakers[" + std::to_string(k) + "]";
      const Json& d = dms[k];
      if (!d.is_object()) {
        error(path, "expected a decision maker object, found " + kind(d));
        continue;
      }
      DecisionMaker dm;
      const Json* name = field(d, "name", path, false);
      dm.name = name && name->is_string() ? name->get<std::string>() : "";
      dm.id = make_id(dm.name, "DM" + std::to_string(k + 1), used);
      if (const Json* opts = list(d, "options", path, true))
        for (std::size_t j = 0; j < opts->size(); ++j)
          if (auto o = option_index((*opts)[j], path + ".options[" + std::to_string(j) + "]"))
            dm.options.emplace_back(*o);
      const char* ranking_key = d.contains("preferenceRanking") ? "preferenceRanking" : "preferenceVector";
      if (manual) {
        dm.preference_kind = PreferenceKind::ranking;
        if (const Json* r = list(d, ranking_key, path, true)) read_ranking(*r, path + "." + ranking_key, dm);
      } else if (const Json* prefs = list(d, "preferences", path, true)) {
        for (std::size_t j = 0; j < prefs->size(); ++j)
          if (auto cond = statement((*prefs)[j], path + ".preferences[" + std::to_string(j) + "]"))
            dm.statements.push_back({std::move(*cond), {}});
      }
      c_.decision_makers.push_back(std::move(dm));
    }
  }

  void read(const Json& root) {
    const Json* options = list(root, "options", "", true);
    const Json* dms = list(root, "decisionMakers", "", true);
    if (!options || !dms) return;
    read_options(*options);
    if (c_.options.size() > kMaxConflictOptions) {
      error("options", "found " + std::to_string(c_.options.size()) + " options; expected at most " +
                           std::to_string(kMaxConflictOptions));
      return;
    }
    if (has_errors(diags_)) return;
    if (const Json* inf = list(root, "infeasibles", "", false))
      for (std::size_t k = 0; k < inf->size(); ++k)
        if (auto conj = conjunction((*inf)[k], "infeasibles[" + std::to_string(k) + "]"))
          c_.infeasible.push_back({std::move(*conj), {}});
    bool manual = false;
    for (const char* key : {"useManualPreferenceRanking", "useManualPreferenceVectors"})
      if (const Json* m = field(root, key, "", false)) {
        if (!m->is_boolean()) error(key, std::string("expected true or false, found ") + kind(*m));
        else manual = manual || m->get<bool>();
      }
    read_decision_makers(*dms, manual);
  }

  std::string file_;
  Diagnostics diags_;
  Conflict c_;
  bool ranking_limit_reported_ = false;
};

// Keeps the first `keep` diagnostics and counts the rest in one more.
void cap(Diagnostics& d, std::size_t keep) {
  if (d.size() <= keep) return;
  const std::size_t more = d.size() - keep;
  Diagnostic last = d[keep];
  d.resize(keep);
  last.path.clear();
  last.message = "… and " + std::to_string(more) + " more like these";
  last.hint.clear();
  d.push_back(std::move(last));
}

}  // namespace

GmcrPyImport import_gmcr_py_text(std::string_view text, const std::string& name) {
  GmcrPyImport out = Importer(name).run(text);
  cap(out.outcome.diagnostics, kMaxGmcrPyDiagnostics);
  return out;
}

GmcrPyImport import_gmcr_py_file(const std::string& path) {
  GmcrPyImport out;
  std::string text;
  if (auto err = read_file_limited(path, kMaxScenarioBytes, text)) {
    out.outcome.status = Status::invalid_input;
    out.outcome.diagnostics.push_back(*err);
    return out;
  }
  return import_gmcr_py_text(text, path);
}

bool is_gmcr_py_path(std::string_view path) {
  return path.size() > 5 && path.substr(path.size() - 5) == ".gmcr";
}

}  // namespace accord::io

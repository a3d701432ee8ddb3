#include "io/reader.hpp"

#include "accord/model/date.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

namespace accord::io {

namespace {

std::string kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "an empty value";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Undefined: return "nothing";
  }
  return "?";
}

bool is_plain(const YAML::Node& n) { return n.Tag() != "!"; }

std::optional<double> parse_double(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(begin, &end);
  if (end != begin + text.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  // strtod accepts hex floats and "infinity"; the format only has decimal numbers.
  for (char c : text)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E'))
      return std::nullopt;
  return v;
}

std::string join_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

}  // namespace

const std::vector<std::string>& Reader::provenance_keys() {
  static const std::vector<std::string> keys = {"source", "sources", "estimate", "note"};
  return keys;
}

void Reader::add(Severity sev, const YAML::Node& at, const std::string& path,
                 const std::string& entity, const std::string& message, const std::string& hint) {
  Diagnostic d;
  d.severity = sev;
  d.file = file_;
  if (at.IsDefined()) {
    const YAML::Mark m = at.Mark();
    if (m.line >= 0) {
      d.line = m.line + 1;
      d.column = m.column + 1;
    }
  }
  if (d.line == 0) std::tie(d.line, d.column) = position_of(path);
  d.path = path;
  d.entity = entity;
  d.message = message;
  d.hint = hint;
  push(std::move(d));
}

void Reader::push(Diagnostic d) {
  if (d.severity == Severity::error) ++errors_;
  limiter_.add(diags_, std::move(d));
}

Diagnostics Reader::take_diagnostics() {
  limiter_.finish(diags_);
  return std::move(diags_);
}

bool Reader::out_of_time(const YAML::Node& at, const std::string& path) {
  if (timed_out_) return true;
  if (!deadline.limited() || (++polls_ & 63u) != 0 || !deadline.expired()) return false;
  timed_out_ = true;
  stopped = {Stop::time_limit, "reading stopped at `" + path + "`"};
  error(at, path, "",
        "reading stopped here: the time budget ran out (time_limit); nothing was loaded",
        "raise it with --max-seconds");
  return true;
}

bool Reader::too_large(const YAML::Node& at, const std::string& path, std::size_t bytes,
                       const std::string& what) {
  if (bytes <= max_table_bytes) return false;
  stopped = {Stop::size_limit, what + " need about " + std::to_string(bytes >> 20) + " MiB of tables; the limit is " +
                                   std::to_string(max_table_bytes >> 20) + " MiB"};
  error(at, path, "",
        "the scenario is too large (size_limit): " + what + " need about " +
            std::to_string(bytes >> 20) + " MiB of tables; the limit is " +
            std::to_string(max_table_bytes >> 20) + " MiB",
        "split the scenario, or raise the limit with --max-table-mib");
  return true;
}

std::string Reader::did_you_mean(const std::string& found, const std::vector<std::string>& ids) {
  const std::string near = closest_match(found, ids, suggest_budget_);
  return near.empty() ? std::string() : "did you mean `" + near + "`?";
}

void Reader::error(const YAML::Node& at, const std::string& path, const std::string& entity,
                   const std::string& message, const std::string& hint) {
  add(Severity::error, at, path, entity, message, hint);
}

void Reader::warning(const YAML::Node& at, const std::string& path, const std::string& entity,
                     const std::string& message, const std::string& hint) {
  add(Severity::warning, at, path, entity, message, hint);
}

void Reader::remember(const std::string& path, const YAML::Node& at) {
  if (!at.IsDefined()) return;
  const YAML::Mark m = at.Mark();
  if (m.line >= 0) positions_[path] = {m.line + 1, m.column + 1};
}

std::pair<int, int> Reader::position_of(const std::string& path) const {
  std::string p = path;
  while (!p.empty()) {
    if (auto it = positions_.find(p); it != positions_.end()) return it->second;
    const auto cut = p.find_last_of(".[");
    if (cut == std::string::npos) break;
    p.resize(cut);
  }
  return {0, 0};
}

std::string Reader::describe(const YAML::Node& n) {
  if (!n.IsScalar()) return kind_name(n);
  std::string s = n.Scalar();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return "`" + s + "`";
}

bool Reader::expect_map(const YAML::Node& node, const std::string& path, const std::string& entity,
                        const std::vector<std::string>& allowed) {
  if (!node.IsMap()) {
    error(node, path, entity, "expected a mapping, found " + describe(node));
    return false;
  }
  remember(path, node);
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, path, entity, "expected a text key, found " + kind_name(it->first));
      continue;
    }
    const std::string key = it->first.Scalar();
    if (!seen.insert(key).second) {
      error(it->first, join_path(path, key), entity, "duplicate key `" + key + "`",
            "remove one of the two");
      continue;
    }
    if (allowed.empty()) continue;  // free-form map (ids as keys)
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known) {
      std::string expected = "expected one of:";
      for (const auto& a : allowed) expected += " " + a;
      error(it->first, join_path(path, key), entity, "unknown field `" + key + "`; " + expected,
            did_you_mean(key, allowed));
    }
  }
  return true;
}

bool Reader::expect_list(const YAML::Node& node, const std::string& path,
                         const std::string& entity) {
  if (!node.IsSequence()) {
    error(node, path, entity, "expected a list, found " + describe(node));
    return false;
  }
  remember(path, node);
  return true;
}

std::optional<std::string> Reader::as_string(const YAML::Node& n, const std::string& path,
                                             const std::string& entity) {
  if (!n.IsScalar()) {
    error(n, path, entity, "expected text, found " + describe(n));
    return std::nullopt;
  }
  remember(path, n);
  return n.Scalar();
}

std::optional<double> Reader::as_number(const YAML::Node& n, const std::string& path,
                                        const std::string& entity, Provenance* prov) {
  if (n.IsMap() && n["value"].IsDefined() && prov != nullptr) {
    std::vector<std::string> keys = provenance_keys();
    keys.emplace_back("value");
    if (!expect_map(n, path, entity, keys)) return std::nullopt;
    *prov = provenance(n, path, entity);
    return as_number(n["value"], join_path(path, "value"), entity, nullptr);
  }
  if (!n.IsScalar() || !is_plain(n)) {
    error(n, path, entity,
          "expected a number, found " + (n.IsScalar() ? "the text " : std::string()) +
              describe(n),
          prov != nullptr && n.IsMap() ? "write {value: NUMBER, estimate: true, source: ...}"
                                       : "");
    return std::nullopt;
  }
  auto v = parse_double(n.Scalar());
  if (!v) {
    error(n, path, entity, "expected a number, found " + describe(n));
    return std::nullopt;
  }
  remember(path, n);
  return v;
}

std::optional<std::string> Reader::string(const YAML::Node& parent, const std::string& key,
                                          const std::string& path, const std::string& entity,
                                          bool required, FieldProvenance* prov) {
  const YAML::Node n = parent[key];
  if (!n.IsDefined()) {
    if (required) error(parent, path, entity, "missing required field `" + key + "`");
    return std::nullopt;
  }
  if (n.IsMap() && n["value"].IsDefined() && prov != nullptr) {
    std::vector<std::string> keys = provenance_keys();
    keys.emplace_back("value");
    if (!expect_map(n, path, entity, keys)) return std::nullopt;
    (*prov)[key] = provenance(n, path, entity);
    return as_string(n["value"], join_path(path, "value"), entity);
  }
  return as_string(n, path, entity);
}

std::optional<std::string> Reader::date(const YAML::Node& parent, const std::string& key,
                                        const std::string& path, const std::string& entity, bool required) {
  auto text = string(parent, key, path, entity, required);
  if (!text) return text;
  if (const auto why = date_problem(*text)) {
    error(parent[key], path, entity, "`" + *text + "` is not a date (" + *why + ")",
          "expected an ISO 8601 date: " + std::string(kDateFormat) + ", e.g. 2025-11-23");
    return std::nullopt;
  }
  return text;
}

std::optional<double> Reader::number(const YAML::Node& parent, const std::string& key,
                                     const std::string& path, const std::string& entity,
                                     bool required, FieldProvenance* prov) {
  const YAML::Node n = parent[key];
  if (!n.IsDefined()) {
    if (required) error(parent, path, entity, "missing required field `" + key + "`");
    return std::nullopt;
  }
  Provenance p;
  auto v = as_number(n, path, entity, prov != nullptr ? &p : nullptr);
  if (v && prov != nullptr && !p.empty()) (*prov)[key] = p;
  return v;
}

std::optional<long long> Reader::integer(const YAML::Node& parent, const std::string& key,
                                         const std::string& path, const std::string& entity,
                                         bool required, FieldProvenance* prov) {
  auto v = number(parent, key, path, entity, required, prov);
  if (!v) return std::nullopt;
  if (std::floor(*v) != *v || std::fabs(*v) > 1e15) {
    error(parent[key], path, entity, "expected a whole number, found " + describe(parent[key]));
    return std::nullopt;
  }
  return static_cast<long long>(*v);
}

std::optional<bool> Reader::boolean(const YAML::Node& parent, const std::string& key,
                                    const std::string& path, const std::string& entity,
                                    bool required) {
  const YAML::Node n = parent[key];
  if (!n.IsDefined()) {
    if (required) error(parent, path, entity, "missing required field `" + key + "`");
    return std::nullopt;
  }
  if (n.IsScalar() && is_plain(n) && (n.Scalar() == "true" || n.Scalar() == "false")) {
    remember(path, n);
    return n.Scalar() == "true";
  }
  error(n, path, entity, "expected true or false, found " + describe(n));
  return std::nullopt;
}

std::vector<std::string> Reader::string_list(const YAML::Node& parent, const std::string& key,
                                             const std::string& path, const std::string& entity) {
  std::vector<std::string> out;
  const YAML::Node n = parent[key];
  if (!n.IsDefined() || n.IsNull()) return out;
  if (!expect_list(n, path, entity)) return out;
  for (std::size_t k = 0; k < n.size(); ++k)
    if (auto s = as_string(n[k], path + "[" + std::to_string(k) + "]", entity)) out.push_back(*s);
  return out;
}

Provenance Reader::provenance(const YAML::Node& node, const std::string& path,
                              const std::string& entity) {
  Provenance p;
  if (!node.IsMap()) return p;
  if (node["source"].IsDefined() && node["sources"].IsDefined())
    error(node["sources"], join_path(path, "sources"), entity,
          "both `source` and `sources` given", "merge them into one `sources:` list");
  if (auto s = string(node, "source", join_path(path, "source"), entity, false))
    p.sources.push_back(*s);
  for (auto& s : string_list(node, "sources", join_path(path, "sources"), entity))
    p.sources.push_back(std::move(s));
  p.estimate = boolean(node, "estimate", join_path(path, "estimate"), entity, false).value_or(false);
  p.note = string(node, "note", join_path(path, "note"), entity, false).value_or("");
  return p;
}

bool Reader::valid_id(const YAML::Node& at, const std::string& id, const std::string& path,
                      const std::string& entity) {
  bool ok = !id.empty() && id.size() <= 128;
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.');
  if (!ok)
    error(at, path, entity, "invalid id `" + id + "`; expected letters, digits, `_`, `-` or `.`");
  return ok;
}

}  // namespace accord::io

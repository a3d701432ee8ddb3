// ScenarioError, settings and versions shared by the bindings.
#include "common.hpp"

#include <cmath>

namespace accord::python {
namespace {

// Owned for the life of the interpreter (never released: module teardown order is unknown).
PyObject* g_error_class = nullptr;

}  // namespace

void set_error_class(py::object cls) {
  Py_XDECREF(g_error_class);
  g_error_class = cls.release().ptr();
}

void raise_scenario_error(const std::string& message, Diagnostics diagnostics, bool strip_positions) {
  if (strip_positions)
    for (Diagnostic& d : diagnostics) {
      d.file.clear();
      d.line = d.column = 0;
    }
  py::list list;
  for (Diagnostic& d : diagnostics) list.append(py::cast(std::move(d)));
  if (g_error_class == nullptr) throw py::value_error(message);
  py::object error = py::reinterpret_borrow<py::object>(g_error_class)(message, list);
  PyErr_SetObject(g_error_class, error.ptr());
  throw py::error_already_set();
}

void raise_outcome(const std::string& what, const Outcome& outcome) {
  const std::string message = what + ": " + outcome.message();
  if (outcome.status == Status::invalid_input) raise_scenario_error(message, outcome.diagnostics);
  throw std::runtime_error(message + " (status " + std::string(to_string(outcome.status)) + ")");
}

void raise_argument(const std::string& path, const std::string& message) {
  Diagnostic d;
  d.path = path;
  d.message = message;
  raise_scenario_error(message, {d});
}

Diagnostics warnings_of(const Outcome& o) {
  Diagnostics out;
  for (const Diagnostic& d : o.diagnostics)
    if (d.severity == Severity::warning) out.push_back(d);
  return out;
}

RawResult envelope(const Outcome& o) {
  RawResult out;
  out.warnings = warnings_of(o);
  out.table = [](const std::string&) { return std::optional<std::vector<std::vector<double>>>(); };
  out.history = [] { return std::vector<std::vector<std::vector<double>>>(); };
  return out;
}

std::vector<PartyIndex> parties_or_default(const Scenario& s, const std::vector<std::string>& ids) {
  std::vector<PartyIndex> out;
  if (ids.empty()) {
    for (const PartyIndex p : s.parties.indices())
      if (s.parties[p].role != Role::stakeholder && s.preferences[p].present) out.push_back(p);
    return out;
  }
  for (const std::string& id : ids) {
    const PartyIndex p = s.find_party(id);
    if (!p.valid()) raise_argument("parties", "unknown party `" + id + "`");
    if (!s.preferences[p].present) raise_argument("parties", "party `" + id + "` has no preferences; it cannot bargain");
    out.push_back(p);
  }
  return out;
}

VersionIndex version_or_raise(const Scenario& s, const std::string& id) {
  const VersionIndex v = s.find_version(id);
  if (v.valid()) return v;
  std::string known;
  for (const auto& ver : s.versions) known += (known.empty() ? "" : ", ") + ver.id;
  Diagnostic d;
  d.path = "version";
  d.message = "unknown version `" + id + "`; expected one of: " +
              (known.empty() ? "(the scenario has no versions)" : known);
  raise_scenario_error(d.message, {d});
}

Package apply_settings(const Scenario& s, Package base, const py::dict& settings) {
  if (base.size() != s.issues.size()) base.assign(s.issues.size(), std::nullopt);
  auto fail = [](const std::string& path, const std::string& message) {
    Diagnostic d;
    d.path = path;
    d.message = message;
    raise_scenario_error(message, {d});
  };
  for (const auto& [key, value] : settings) {
    const std::string issue_id = py::str(key);
    const std::string path = "set." + issue_id;
    const IssueIndex i = s.find_issue(issue_id);
    if (!i.valid()) fail(path, "unknown issue `" + issue_id + "`");
    const Issue& issue = s.issues[i];
    if (issue.kind == IssueKind::discrete) {
      if (!py::isinstance<py::str>(value)) fail(path, "expected an option id of issue `" + issue_id + "`");
      const std::string option = py::str(value);
      const OptionIndex o = issue.find_option(option);
      if (!o.valid()) fail(path, "unknown option `" + option + "` of issue `" + issue_id + "`");
      base[i] = Setting{o, 0.0};
      continue;
    }
    if (!py::isinstance<py::int_>(value) && !py::isinstance<py::float_>(value))
      fail(path, "expected a number for the numeric issue `" + issue_id + "`");
    const double x = value.cast<double>();
    if (!std::isfinite(x) || x < issue.range.min || x > issue.range.max)
      fail(path, "expected a number in [" + std::to_string(issue.range.min) + ", " +
                     std::to_string(issue.range.max) + "]");
    base[i] = Setting{OptionIndex(), x};
  }
  return base;
}

}  // namespace accord::python

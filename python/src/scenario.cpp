// Scenarios from Python: loading (files, built-ins, text), importers, and read-only views of
// the model as plain dicts (python/accord/model.py turns them into dataclasses).
#include <pybind11/stl.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accord/io/builtin.hpp"
#include "accord/io/forecast_csv.hpp"
#include "accord/io/genius.hpp"
#include "accord/io/gmcr_py.hpp"
#include "accord/io/scenario_io.hpp"
#include "common.hpp"

namespace accord::python {
namespace {

std::string severity_text(Severity s) { return s == Severity::error ? "error" : "warning"; }

ScenarioHandle from_load(io::LoadResult r, const std::string& what, bool generated = false) {
  if (!r.ok()) {
    const std::size_t errors = count(r.outcome.diagnostics, Severity::error);
    // The message first: the diagnostics are moved into the exception.
    const std::string message = what + ": invalid scenario (" + std::to_string(errors) +
                                (errors == 1 ? " error): " : " errors): ") + r.outcome.message();
    raise_scenario_error(message, std::move(r.outcome.diagnostics), generated);
  }
  return {std::make_shared<const Scenario>(std::move(*r.scenario)), warnings_of(r.outcome)};
}

ScenarioHandle load(const std::string& name_or_path) {
  io::LoadResult r;
  {
    py::gil_scoped_release release;
    r = io::load_scenario(name_or_path);
  }
  return from_load(std::move(r), name_or_path);
}

ScenarioHandle loads(const std::string& text, const std::string& format, const std::string& name, bool generated) {
  if (format != "yaml" && format != "json")
    throw py::value_error("format must be \"yaml\" or \"json\", not \"" + format + "\"");
  // The reader picks JSON by the name's extension or a leading brace; the name says which.
  const std::string file = name.empty() ? std::string(format == "json" ? "<string>.json" : "<string>") : name;
  io::LoadResult r;
  {
    py::gil_scoped_release release;
    r = io::load_scenario_text(text, file);
  }
  return from_load(std::move(r), file, generated);
}

ScenarioHandle import_genius(const std::string& domain, const std::vector<std::string>& profiles,
                             const std::vector<std::string>& party_ids) {
  io::GeniusOptions options;
  options.party_ids = party_ids;
  io::GeniusImport r;
  {
    py::gil_scoped_release release;
    r = io::import_genius(domain, profiles, options);
  }
  if (!r.ok()) raise_scenario_error(domain + ": cannot import the GENIUS files: " + r.outcome.message(),
                                    r.outcome.diagnostics);
  return {std::make_shared<const Scenario>(std::move(*r.scenario)), warnings_of(r.outcome)};
}

// As `accord import gmcr FILE [--id ID]`: one party per decision maker, one yes/no issue per option.
ScenarioHandle import_gmcr(const std::string& path, std::string id) {
  io::GmcrPyImport r;
  {
    py::gil_scoped_release release;
    r = io::import_gmcr_py_file(path);
  }
  if (!r.ok()) raise_scenario_error(path + ": cannot import the gmcr-py file: " + r.outcome.message(),
                                    r.outcome.diagnostics);
  if (id.empty())
    for (char ch : std::filesystem::path(path).stem().string())
      id += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.' ? ch : '_';
  Scenario s = io::scenario_from_conflict(*r.conflict, id, "Imported from " + path);
  return {std::make_shared<const Scenario>(std::move(s)), warnings_of(r.outcome)};
}

// As `accord forecast FILE.csv`: KTAB SMP CSV, or EUM CSV when the header says so; the problem
// is named after the file when the file names none.
ProblemHandle read_forecast_csv(const std::string& path) {
  io::ForecastCsvResult r;
  {
    py::gil_scoped_release release;
    r = io::read_forecast_csv_file(path);
  }
  if (!r.ok()) raise_scenario_error(path + ": invalid forecast CSV: " + r.outcome.message(), r.outcome.diagnostics);
  if (r.problem->name.empty()) r.problem->name = std::filesystem::path(path).stem().string();
  return {std::make_shared<const ForecastProblem>(std::move(*r.problem)), warnings_of(r.outcome)};
}

// --- views ---------------------------------------------------------------------------------

// The views are lists of records: one helper builds a record from (key, value) pairs and one
// a list from a range, so each view says only which fields it shows.
using Fields = std::initializer_list<std::pair<const char*, py::object>>;

py::dict record(Fields fields) {
  py::dict d;
  for (const auto& [key, value] : fields) d[key] = value;
  return d;
}

template <class Range, class Fn>
py::list list_of(const Range& items, Fn&& fn) {
  py::list out;
  for (const auto& x : items) out.append(fn(x));
  return out;
}

template <class T>
py::object cast(T&& x) {
  return py::cast(std::forward<T>(x));
}

py::object number_or_none(const std::optional<double>& x) { return x ? py::object(py::float_(*x)) : py::object(py::none()); }

py::dict provenance(const Provenance& p) {
  return record({{"sources", cast(p.sources)}, {"estimate", cast(p.estimate)}, {"note", cast(p.note)}});
}

py::dict field_provenance(const FieldProvenance& f) {
  py::dict d;
  for (const auto& [field, p] : f) d[py::str(field)] = provenance(p);
  return d;
}

py::object setting(const Issue& issue, const Setting& s) {
  if (issue.kind == IssueKind::discrete)
    return s.option.valid() ? py::object(py::str(issue.options[s.option].id)) : py::object(py::none());
  return py::float_(s.value);
}

py::list parties(const Scenario& s) {
  return list_of(s.parties, [](const Party& p) {
    return record({{"id", cast(p.id)}, {"name", cast(p.name)}, {"role", cast(std::string(to_string(p.role)))},
                   {"capability", cast(p.capability)}, {"provenance", provenance(p.provenance)},
                   {"field_provenance", field_provenance(p.field_provenance)}});
  });
}

py::list issues(const Scenario& s) {
  return list_of(s.issues, [](const Issue& i) {
    const py::list options = list_of(i.options, [](const Option& o) {
      return record({{"id", cast(o.id)}, {"label", cast(o.label)}, {"position", number_or_none(o.position)},
                     {"provenance", provenance(o.provenance)}});
    });
    const py::object range =
        i.kind == IssueKind::numeric
            ? py::object(record({{"min", cast(i.range.min)}, {"max", cast(i.range.max)}, {"step", cast(i.range.step)},
                                 {"unit", cast(i.range.unit)}}))
            : py::object(py::none());
    return record({{"id", cast(i.id)}, {"title", cast(i.title)}, {"category", cast(i.category)}, {"codes", cast(i.codes)},
                   {"kind", cast(std::string(to_string(i.kind)))}, {"options", options}, {"range", range},
                   {"provenance", provenance(i.provenance)}});
  });
}

py::dict preferences(const Scenario& s) {
  py::dict out;
  for (const PartyIndex p : s.parties.indices()) {
    const Preferences& pref = s.preferences[p];
    if (!pref.present) continue;
    py::dict d;
    d["party"] = s.parties[p].id;
    d["reservation"] = pref.reservation;
    py::dict per_issue;
    for (const IssueIndex i : s.issues.indices()) {
      const IssuePreference& ip = pref.issues[i];
      if (!ip.present) continue;
      const Issue& issue = s.issues[i];
      py::dict e;
      e["weight"] = ip.weight;
      py::dict values;
      for (const OptionIndex o : issue.options.indices())
        if (ip.option_values.contains(o) && ip.option_values[o])
          values[py::str(issue.options[o].id)] = *ip.option_values[o];
      e["values"] = values;
      e["curve"] = ip.curve;
      py::list red_lines;
      for (const OptionIndex o : ip.red_line_options) red_lines.append(issue.options[o].id);
      for (const ValueRange& r : ip.red_line_ranges)
        red_lines.append(record({{"min", number_or_none(r.min)}, {"max", number_or_none(r.max)}}));
      e["red_lines"] = red_lines;
      e["provenance"] = provenance(ip.provenance);
      e["field_provenance"] = field_provenance(ip.field_provenance);
      per_issue[py::str(issue.id)] = e;
    }
    d["issues"] = per_issue;
    d["rectangles"] = pref.rectangles.size();
    d["provenance"] = provenance(pref.provenance);
    d["field_provenance"] = field_provenance(pref.field_provenance);
    out[py::str(s.parties[p].id)] = d;
  }
  return out;
}

py::list versions(const Scenario& s) {
  return list_of(s.versions, [&s](const Version& v) {
    const py::list points = list_of(v.points, [&s](const Point& pt) {
      py::dict sets;
      for (const PointSetting& ps : pt.sets) sets[py::str(s.issues[ps.issue].id)] = setting(s.issues[ps.issue], ps.setting);
      const py::list touches = list_of(pt.touches, [&s](IssueIndex i) { return s.issues[i].id; });
      const py::list from = list_of(pt.from, [&s](const PointRef& r) { return s.versions[r.version].points[r.point].id; });
      return record({{"id", cast(pt.id)}, {"number", cast(pt.number)}, {"text", cast(pt.text)}, {"sets", sets},
                     {"issues", touches}, {"from", from}, {"provenance", provenance(pt.provenance)}});
    });
    py::dict stances;
    for (const PartyIndex p : s.parties.indices()) {
      if (!v.stances.contains(p)) continue;
      py::dict row;
      for (const PointIndex k : v.points.indices())
        if (v.stances[p].contains(k) && v.stances[p][k].kind != StanceKind::unknown)
          row[py::str(v.points[k].id)] = std::string(to_string(v.stances[p][k].kind));
      if (py::len(row) > 0) stances[py::str(s.parties[p].id)] = row;
    }
    return record({{"id", cast(v.id)}, {"label", cast(v.label)}, {"date", cast(v.date)}, {"points", points},
                   {"stances", stances}, {"provenance", provenance(v.provenance)}});
  });
}

py::dict problem_view(const ForecastProblem& p) {
  const py::list dims = list_of(p.dimensions, [](const ForecastDimension& d) {
    return record({{"id", cast(d.id)}, {"title", cast(d.title)}, {"lo", cast(d.lo)}, {"hi", cast(d.hi)}});
  });
  const py::list actors = list_of(p.actors, [](const ForecastActor& a) {
    return record({{"id", cast(a.id)}, {"description", cast(a.description)}, {"capability", cast(a.capability)},
                   {"position", cast(a.position)}, {"salience", cast(a.salience)}});
  });
  return record({{"name", cast(p.name)}, {"dimensions", dims}, {"actors", actors}});
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<Diagnostic>(m, "Diagnostic", "One problem found in an input (docs/format.md \"Diagnostics\")")
      .def_property_readonly("severity", [](const Diagnostic& d) { return severity_text(d.severity); })
      .def_readonly("file", &Diagnostic::file)
      .def_readonly("line", &Diagnostic::line)
      .def_readonly("column", &Diagnostic::column)
      .def_readonly("path", &Diagnostic::path)
      .def_readonly("entity", &Diagnostic::entity)
      .def_readonly("message", &Diagnostic::message)
      .def_readonly("hint", &Diagnostic::hint)
      .def("__str__", &Diagnostic::to_string)
      .def("__repr__", [](const Diagnostic& d) { return "<accord.Diagnostic " + d.to_string() + ">"; });

  py::class_<ScenarioHandle>(m, "ScenarioData")
      .def_property_readonly("id", [](const ScenarioHandle& h) { return h.get().id; })
      .def_property_readonly("title", [](const ScenarioHandle& h) { return h.get().title; })
      .def_property_readonly("description", [](const ScenarioHandle& h) { return h.get().description; })
      .def_property_readonly("date", [](const ScenarioHandle& h) { return h.get().date; })
      .def_property_readonly("warnings", [](const ScenarioHandle& h) { return h.warnings; })
      .def_property_readonly("has_conflict", [](const ScenarioHandle& h) { return h.get().conflict.has_value(); })
      .def("parties", [](const ScenarioHandle& h) { return parties(h.get()); })
      .def("issues", [](const ScenarioHandle& h) { return issues(h.get()); })
      .def("preferences", [](const ScenarioHandle& h) { return preferences(h.get()); })
      .def("versions", [](const ScenarioHandle& h) { return versions(h.get()); })
      .def("text", [](const ScenarioHandle& h, const std::string& format) {
        if (format != "yaml" && format != "json") throw py::value_error("format must be \"yaml\" or \"json\"");
        return io::write_scenario(h.get(), format == "json" ? io::TextFormat::json : io::TextFormat::yaml);
      })
      .def("equals", [](const ScenarioHandle& a, const ScenarioHandle& b) { return a.get() == b.get(); });

  py::class_<ProblemHandle>(m, "ProblemData")
      .def_property_readonly("name", [](const ProblemHandle& h) { return h.problem->name; })
      .def_property_readonly("warnings", [](const ProblemHandle& h) { return h.warnings; })
      .def("view", [](const ProblemHandle& h) { return problem_view(*h.problem); });

  m.def("set_error_class", &set_error_class);
  m.def("builtin_names", &io::builtin_scenario_names);
  m.def("load", &load, py::arg("name_or_path"));
  m.def("loads", &loads, py::arg("text"), py::arg("format"), py::arg("name") = "", py::arg("generated") = false);
  m.def("import_genius", &import_genius, py::arg("domain"), py::arg("profiles"), py::arg("party_ids"));
  m.def("import_gmcr", &import_gmcr, py::arg("path"), py::arg("id") = "");
  m.def("read_forecast_csv", &read_forecast_csv, py::arg("path"));
}

}  // namespace accord::python

// EUM CSV reader: header `Actor,Capability,Position,Salience`, one dimension
// (docs/forecast.md#csv).
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "accord/io/forecast_csv.hpp"
#include "io/forecast_csv/csv_lines.hpp"

namespace accord::io {
namespace {

ForecastCsvResult parse_eum(std::string_view text, const std::string& name) {
  ForecastCsvResult out;
  Diagnostics& diags = out.outcome.diagnostics;
  const std::vector<csv::Line> lines = csv::split(text, ',');
  static const char* kHeader[] = {"actor", "capability", "position", "salience"};
  std::size_t li = 0;
  while (li < lines.size() && lines[li].blank()) ++li;
  if (li >= lines.size()) {
    Diagnostic d;
    d.file = name;
    d.line = 1;
    d.column = 1;
    d.path = "header";
    d.message = "the file is empty; expected the header `Actor,Capability,Position,Salience`";
    diags.push_back(d);
    return out;
  }
  const csv::Line& head = lines[li++];
  for (std::size_t k = 0; k < 4; ++k) {
    const csv::Field* f = k < head.fields.size() ? &head.fields[k] : nullptr;
    std::string t = f != nullptr ? f->text : "";
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    if (t != kHeader[k]) {
      diags.push_back(csv::at(name, head, f, "header", "",
                              "expected column " + std::to_string(k + 1) + " to be `" +
                                  std::string(1, static_cast<char>(std::toupper(kHeader[k][0]))) +
                                  (kHeader[k] + 1) + "`, found " +
                                  (f != nullptr ? "`" + f->text + "`" : std::string("nothing")),
                              "the header must be `Actor,Capability,Position,Salience`"));
      return out;
    }
  }
  ForecastProblem p;
  p.name = std::filesystem::path(name).stem().string();  // the same wherever the file sits
  ForecastDimension dim;
  dim.id = "position";
  dim.title = "Position";
  std::size_t rows = 0;
  for (; li < lines.size(); ++li) {
    const csv::Line& row = lines[li];
    if (row.blank()) continue;
    if (++rows > static_cast<std::size_t>(kMaxForecastCsvActors)) {
      std::size_t total = rows;
      for (std::size_t k = li + 1; k < lines.size(); ++k) total += lines[k].blank() ? 0 : 1;
      diags.push_back(csv::at(name, row, &row.fields[0], "actors", "",
                              "found " + std::to_string(total) + " actor rows; the reader takes at most " +
                                  std::to_string(kMaxForecastCsvActors) + " (docs/forecast.md#csv)",
                              "split the problem or merge actors"));
      break;
    }
    ForecastActor a;
    a.id = row.fields[0].text;
    const std::string path = "actors[" + std::to_string(p.actors.size()) + "]";
    if (a.id.empty()) {
      diags.push_back(csv::at(name, row, &row.fields[0], path + ".actor", "",
                              "empty actor name; expected a name in the first field"));
      continue;
    }
    const std::string entity = "actor " + a.id;
    bool ok = true;
    const auto number = [&](std::size_t k, const char* field, const std::string& what,
                            auto in_range) -> double {
      const csv::Field* f = k < row.fields.size() ? &row.fields[k] : nullptr;
      const auto v = f != nullptr ? csv::to_number(f->text) : std::nullopt;
      if (!v || !in_range(*v)) {
        diags.push_back(csv::at(name, row, f, path + "." + field, entity,
                                "expected " + what + ", found " +
                                    (f != nullptr ? (f->text.empty() ? std::string("an empty field")
                                                                     : "`" + f->text + "`")
                                                  : std::string("the end of the line")),
                                std::string(field) == "salience" && v && *v > 1.0 && *v <= 100.0
                                    ? "write saliences as fractions (0.8, not 80)"
                                    : ""));
        ok = false;
        return 0.0;
      }
      return *v;
    };
    a.capability = number(1, "capability", "a capability (a number > 0)", [](double v) { return v > 0.0; });
    a.position = {number(2, "position", "a position (a finite number)", [](double) { return true; })};
    a.salience = {number(3, "salience", "a salience in [0, 1]", [](double v) { return v >= 0.0 && v <= 1.0; })};
    for (std::size_t k = 4; k < row.fields.size(); ++k)
      if (!row.fields[k].text.empty()) {
        diags.push_back(csv::at(name, row, &row.fields[k], path, entity,
                                "unexpected extra field `" + row.fields[k].text +
                                    "`; expected 4 fields: Actor,Capability,Position,Salience"));
        ok = false;
        break;
      }
    if (ok) p.actors.push_back(std::move(a));
  }
  if (p.actors.size() < 2 && !has_errors(diags)) {
    Diagnostic d;
    d.file = name;
    d.line = lines.back().number;
    d.column = 1;
    d.path = "actors";
    d.message = "found " + std::to_string(p.actors.size()) + " actor rows; expected at least 2";
    diags.push_back(d);
  }
  csv::cap_diagnostics(diags, kMaxCsvDiagnostics);
  if (has_errors(diags)) return out;
  double lo = p.actors.front().position[0], hi = lo;
  for (const auto& a : p.actors) {
    lo = std::min(lo, a.position[0]);
    hi = std::max(hi, a.position[0]);
  }
  dim.lo = lo;
  dim.hi = hi > lo ? hi : lo + 1.0;
  p.dimensions.push_back(dim);
  out.problem = std::move(p);
  return out;
}

}  // namespace

ForecastCsvResult read_eum_csv(std::string_view text, const std::string& name) {
  ForecastCsvResult out = parse_eum(text, name);
  csv::settle(out.outcome);
  return out;
}

}  // namespace accord::io

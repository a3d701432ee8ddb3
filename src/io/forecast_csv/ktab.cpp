// KTAB SMP CSV reader (format: ../shared/data/ktab-smp/README.md, docs/forecast.md#csv).
#include <cmath>

#include "accord/io/forecast_csv.hpp"
#include "io/forecast_csv/csv_lines.hpp"
#include "io/text_checks.hpp"

namespace accord::io {
namespace {

std::string quote(const std::string& s) { return "`" + s + "`"; }

ForecastCsvResult parse_ktab(std::string_view text, const std::string& name) {
  ForecastCsvResult out;
  Diagnostics& diags = out.outcome.diagnostics;
  const std::vector<csv::Line> lines = csv::split(text, ',');
  std::size_t li = 0;
  while (li < lines.size() && lines[li].blank()) ++li;
  if (li >= lines.size()) {
    Diagnostic d;
    d.file = name;
    d.line = 1;
    d.column = 1;
    d.path = "header";
    d.message = "the file is empty; expected a KTAB SMP scenario: `name,description,actors,dimensions`";
    diags.push_back(d);
    return out;
  }
  // Line 1: scenario name, description, number of actors, number of dimensions.
  const csv::Line& head = lines[li++];
  const auto head_int = [&](std::size_t k, const char* what, long lo, long hi) -> long {
    const csv::Field* f = k < head.fields.size() ? &head.fields[k] : nullptr;
    const auto v = f != nullptr ? csv::to_number(f->text) : std::nullopt;
    if (v && *v == std::floor(*v) && *v > static_cast<double>(hi)) {
      diags.push_back(csv::at(name, head, f, std::string("header.") + what, "",
                              "found " + f->text + " " + what + "; the reader takes at most " +
                                  std::to_string(hi) + " (docs/forecast.md#csv)",
                              "split the problem or merge actors"));
      return -1;
    }
    if (!v || *v != static_cast<double>(static_cast<long>(*v)) || *v < lo || *v > hi) {
      diags.push_back(csv::at(name, head, f, std::string("header.") + what, "",
                              std::string("expected the number of ") + what + " (a whole number in [" +
                                  std::to_string(lo) + ", " + std::to_string(hi) + "]) in field " +
                                  std::to_string(k + 1) + ", found " +
                                  (f != nullptr ? quote(f->text) : "nothing"),
                              "line 1 is `scenario name, description, actors, dimensions`"));
      return -1;
    }
    return static_cast<long>(*v);
  };
  const long n = head_int(2, "actors", 2, kMaxForecastCsvActors);
  const long dims = head_int(3, "dimensions", 1, kMaxForecastCsvDimensions);
  if (n < 0 || dims < 0) return out;
  ForecastProblem p;
  p.name = head.fields[0].text;

  // Line 2: Actor, Description, Power, then a position and a salience header per dimension.
  if (li >= lines.size()) {
    diags.push_back(csv::at(name, head, nullptr, "header", "",
                            "missing the column header line; expected `Actor,Description,Power,"
                            "Position 1,Salience 1,...`"));
    return out;
  }
  const csv::Line& cols = lines[li++];
  const std::size_t want = 3 + 2 * static_cast<std::size_t>(dims);
  if (cols.fields.size() < want) {
    diags.push_back(csv::at(name, cols, nullptr, "columns", "",
                            "the column header has " + std::to_string(cols.fields.size()) +
                                " fields; expected " + std::to_string(want) +
                                " (Actor, Description, Power, then a position and a salience for each of " +
                                std::to_string(dims) + " dimensions)"));
    return out;
  }
  for (long k = 0; k < dims; ++k) {
    ForecastDimension d;
    d.id = cols.fields[3 + 2 * static_cast<std::size_t>(k)].text;
    if (d.id.empty()) d.id = "dim" + std::to_string(k + 1);
    d.title = d.id;
    p.dimensions.push_back(std::move(d));
  }

  // Actor rows.
  long read = 0;
  for (; li < lines.size() && read < n; ++li) {
    const csv::Line& row = lines[li];
    if (row.blank()) continue;
    ++read;
    ForecastActor a;
    a.id = row.fields[0].text;
    const std::string path = "actors[" + std::to_string(read - 1) + "]";
    if (a.id.empty()) {
      diags.push_back(csv::at(name, row, &row.fields[0], path + ".name", "",
                              "empty actor name; expected a name in the first field"));
      continue;
    }
    const std::string entity = "actor " + a.id;
    if (row.fields.size() > 1) a.description = row.fields[1].text;
    const auto number = [&](std::size_t k, const std::string& field, double lo, double hi,
                            const std::string& what) -> std::optional<double> {
      const csv::Field* f = k < row.fields.size() ? &row.fields[k] : nullptr;
      const auto v = f != nullptr ? csv::to_number(f->text) : std::nullopt;
      if (!v || *v < lo || *v > hi) {
        diags.push_back(csv::at(name, row, f, path + "." + field, entity,
                                "expected " + what + ", found " +
                                    (f != nullptr ? (f->text.empty() ? std::string("an empty field") : quote(f->text))
                                                  : std::string("the end of the line"))));
        return std::nullopt;
      }
      return v;
    };
    bool ok = true;
    if (auto c = number(2, "capability", 0.0, 1e8, "a capability (a number >= 0)")) {
      a.capability = *c;
      if (!(*c > 0.0)) {
        diags.push_back(csv::at(name, row, &row.fields[2], path + ".capability", entity,
                                "capability 0; expected a number > 0 (an actor without influence "
                                "cannot vote)",
                                "remove the actor or give it a small positive capability"));
        ok = false;
      }
    } else {
      ok = false;
    }
    double total = 0.0;
    for (long k = 0; k < dims; ++k) {
      const std::size_t col = 3 + 2 * static_cast<std::size_t>(k);
      const std::string dim = p.dimensions[static_cast<std::size_t>(k)].id;
      const auto pos = number(col, "position[" + dim + "]", 0.0, 100.0, "a position in [0, 100]");
      const auto sal = number(col + 1, "salience[" + dim + "]", 0.0, 100.0, "a salience in [0, 100]");
      if (!pos || !sal) {
        ok = false;
        continue;
      }
      a.position.push_back(*pos);
      a.salience.push_back(*sal / 100.0);
      total += *sal;
    }
    if (ok && total > 100.0 + 1e-9) {
      diags.push_back(csv::at(name, row, &row.fields[3 + 2 * static_cast<std::size_t>(dims) - 1],
                              path + ".salience", entity,
                              "saliences sum to " + std::to_string(total) +
                                  "; expected a total of at most 100 (KTAB: no more than 100% of attention)"));
      ok = false;
    }
    if (ok && !(total > 0.0)) {
      diags.push_back(csv::at(name, row, &row.fields[4], path + ".salience", entity,
                              "every salience is 0; expected at least one positive salience"));
      ok = false;
    }
    for (std::size_t k = want; k < row.fields.size(); ++k)
      if (!row.fields[k].text.empty()) {
        diags.push_back(csv::at(name, row, &row.fields[k], path, entity,
                                "unexpected extra field " + quote(row.fields[k].text) + "; expected " +
                                    std::to_string(want) + " fields for " + std::to_string(dims) +
                                    " dimensions"));
        ok = false;
        break;
      }
    if (ok) p.actors.push_back(std::move(a));
  }
  if (read < n) {
    const csv::Line& last = lines.back();
    diags.push_back(csv::at(name, last, nullptr, "actors", "",
                            "found " + std::to_string(read) + " actor rows; expected " +
                                std::to_string(n) + " as line 1 says",
                            "fix the actor count on line 1 or add the missing rows"));
  }
  for (; li < lines.size(); ++li)
    if (!lines[li].blank()) {
      diags.push_back(csv::at(name, lines[li], &lines[li].fields[0], "actors", "",
                              "unexpected row after the " + std::to_string(n) +
                                  " actors announced on line 1",
                              "fix the actor count on line 1"));
      break;
    }
  csv::cap_diagnostics(diags, kMaxCsvDiagnostics);
  if (!has_errors(diags)) out.problem = std::move(p);
  return out;
}

}  // namespace

ForecastCsvResult read_ktab_csv(std::string_view text, const std::string& name) {
  ForecastCsvResult out = parse_ktab(text, name);
  csv::settle(out.outcome);
  return out;
}

ForecastCsvResult read_eum_csv(std::string_view text, const std::string& name);

ForecastCsvResult read_forecast_csv_file(const std::string& path) {
  std::string text;
  if (auto err = read_file_limited(path, kMaxForecastCsvBytes, text)) {
    ForecastCsvResult r;
    r.outcome.diagnostics.push_back(*err);
    csv::settle(r.outcome);
    return r;
  }
  const std::string first = text.substr(0, text.find('\n'));
  std::string norm;
  for (char c : first)
    if (c != ' ' && c != '"' && c != '\r') norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (norm.rfind("actor,capability,position,salience", 0) == 0) return read_eum_csv(text, path);
  return read_ktab_csv(text, path);
}

}  // namespace accord::io

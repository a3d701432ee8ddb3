// DEU III reader (../shared/data/deu3/README.md): tab-separated, quoted header, a second
// line of capability weights, then one row per issue with p<actor>, s<actor>, rp and out.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "accord/io/forecast_csv.hpp"
#include "io/forecast_csv/csv_lines.hpp"

namespace accord::io {
namespace {

Deu3Result parse_deu3(std::string_view text, const std::string& name) {
  Deu3Result out;
  const std::vector<csv::Line> lines = csv::split(text, '\t');
  if (lines.size() < 2) {
    Diagnostic d;
    d.file = name;
    d.line = 1;
    d.column = 1;
    d.message = "expected a header line and a capability line";
    out.outcome.diagnostics.push_back(d);
    return out;
  }
  const csv::Line& head = lines[0];
  const csv::Line& caps = lines[1];
  std::map<std::string, std::size_t> col;
  for (std::size_t k = 0; k < head.fields.size(); ++k) col[head.fields[k].text] = k;
  for (const char* need : {"isnr", "out", "pcom", "scom"})
    if (!col.count(need)) {
      out.outcome.diagnostics.push_back(csv::at(name, head, nullptr, "header", "",
                                        std::string("missing column `") + need + "`"));
      return out;
    }
  struct ActorCols {
    std::string id;
    std::size_t p, s;
    double cap;
  };
  std::vector<ActorCols> actors;
  for (std::size_t k = 0; k < head.fields.size(); ++k) {
    const std::string& h = head.fields[k].text;
    if (h.size() < 2 || h[0] != 'p' || h == "prnr" || h == "prname" || h == "proc" || h == "proccde" ||
        h == "prnrnmc")
      continue;
    const auto s = col.find("s" + h.substr(1));
    if (s == col.end()) continue;
    const auto c = k < caps.fields.size() ? csv::to_number(caps.fields[k].text) : std::nullopt;
    if (!c || !(*c > 0.0)) {
      out.outcome.diagnostics.push_back(csv::at(name, caps, k < caps.fields.size() ? &caps.fields[k] : nullptr,
                                        "capability." + h.substr(1), "actor " + h.substr(1),
                                        "expected a capability weight > 0 under column `" + h + "`"));
      continue;
    }
    actors.push_back({h.substr(1), k, s->second, *c});
  }
  const auto cell = [](const csv::Line& l, std::size_t k) -> const csv::Field* {
    return k < l.fields.size() ? &l.fields[k] : nullptr;
  };
  for (std::size_t li = 2; li < lines.size(); ++li) {
    const csv::Line& row = lines[li];
    if (row.blank()) continue;
    const csv::Field* of = cell(row, col["out"]);
    const auto outcome = of != nullptr ? csv::to_number(of->text) : std::nullopt;
    ForecastCase is;
    is.id = cell(row, col["isnr"]) != nullptr ? cell(row, col["isnr"])->text : "";
    is.problem.name = is.id;
    is.problem.dimensions.push_back({is.id, is.id, 0.0, 100.0});
    for (const ActorCols& a : actors) {
      const csv::Field* pf = cell(row, a.p);
      const csv::Field* sf = cell(row, a.s);
      const auto x = pf != nullptr ? csv::to_number(pf->text) : std::nullopt;
      const auto s = sf != nullptr ? csv::to_number(sf->text) : std::nullopt;
      if (!x.has_value() || !s.has_value()) continue;  // no position (or no salience) recorded
      const double xv = x.value(), sv = s.value();
      if (xv < 0 || xv > 100 || sv < 0 || sv > 100) {
        out.outcome.diagnostics.push_back(csv::at(name, row, xv < 0 || xv > 100 ? pf : sf,
                                          "issues." + is.id + "." + a.id, "actor " + a.id,
                                          "expected a position and a salience in [0, 100]"));
        continue;
      }
      if (!(sv > 0.0)) continue;  // an actor that does not care takes no part
      ForecastActor fa;
      fa.id = a.id;
      fa.capability = a.cap;
      fa.position = {xv};
      fa.salience = {sv / 100.0};
      is.problem.actors.push_back(std::move(fa));
    }
    if (!outcome || is.problem.actors.size() < 2) {
      ++out.data.skipped;
      continue;
    }
    is.outcome = *outcome;
    out.data.cases.push_back(std::move(is));
  }
  return out;
}

}  // namespace

Deu3Result read_deu3(std::string_view text, const std::string& name) {
  Deu3Result out = parse_deu3(text, name);
  out.data.name = std::filesystem::path(name).filename().string();  // the same wherever the file sits
  csv::settle(out.outcome);
  return out;
}

Deu3Result read_deu3_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Deu3Result r;
    Diagnostic d;
    d.file = path;
    d.message = "cannot open the file for reading";
    r.outcome.diagnostics.push_back(d);
    csv::settle(r.outcome);
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return read_deu3(ss.str(), path);
}

}  // namespace accord::io

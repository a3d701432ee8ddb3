// Writes a scenario as JSON or YAML. One tree (ordered_json) feeds both spellings, so they
// cannot drift apart; provenance is written in the {value:, estimate:, ...} form.
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "io/sections.hpp"

namespace accord::io {

using Json = nlohmann::ordered_json;

namespace {

void put_provenance(Json& j, const Provenance& p) {
  if (p.sources.size() == 1) j["source"] = p.sources.front();
  else if (!p.sources.empty()) j["sources"] = p.sources;
  if (p.estimate) j["estimate"] = true;
  if (!p.note.empty()) j["note"] = p.note;
}

// A value with its field provenance, if any: 0.5 or {value: 0.5, estimate: true}.
template <class T>
Json with_provenance(const T& value, const FieldProvenance& fp, const std::string& key) {
  auto it = fp.find(key);
  if (it == fp.end() || it->second.empty()) return Json(value);
  Json j;
  j["value"] = value;
  put_provenance(j, it->second);
  return j;
}

Json setting_json(const Issue& issue, const Setting& s) {
  if (issue.kind == IssueKind::numeric) return Json(s.value);
  return Json(issue.options[s.option].id);
}

Json issue_json(const Issue& issue) {
  Json j;
  j["id"] = issue.id;
  j["title"] = issue.title;
  if (!issue.category.empty()) j["category"] = issue.category;
  if (!issue.codes.empty()) j["codes"] = issue.codes;
  if (issue.kind == IssueKind::discrete) {
    Json opts = Json::array();
    for (const Option& o : issue.options) {
      Json oj;
      oj["id"] = o.id;
      oj["label"] = o.label;
      if (o.position) oj["position"] = with_provenance(*o.position, o.field_provenance, "position");
      put_provenance(oj, o.provenance);
      opts.push_back(std::move(oj));
    }
    j["options"] = std::move(opts);
  } else {
    Json r;
    r["min"] = issue.range.min;
    r["max"] = issue.range.max;
    r["step"] = issue.range.step;
    if (!issue.range.unit.empty()) r["unit"] = issue.range.unit;
    j["range"] = std::move(r);
  }
  put_provenance(j, issue.provenance);
  return j;
}

Json issue_preference_json(const Issue& issue, const IssuePreference& ip) {
  Json j;
  j["weight"] = with_provenance(ip.weight, ip.field_provenance, "weight");
  if (issue.kind == IssueKind::discrete) {
    Json values = Json::object();
    for (const OptionIndex o : issue.options.indices())
      if (ip.option_values[o])
        values[issue.options[o].id] =
            with_provenance(*ip.option_values[o], ip.field_provenance, "values." + issue.options[o].id);
    j["values"] = std::move(values);
    if (!ip.red_line_options.empty()) {
      Json rl = Json::array();
      for (OptionIndex o : ip.red_line_options) rl.push_back(issue.options[o].id);
      j["red_lines"] = std::move(rl);
    }
  } else {
    Json curve = Json::array();
    for (const auto& [x, y] : ip.curve) curve.push_back(Json::array({x, y}));
    j["curve"] = std::move(curve);
    if (!ip.red_line_ranges.empty()) {
      Json rl = Json::array();
      for (const ValueRange& r : ip.red_line_ranges) {
        Json rj = Json::object();
        if (r.min) rj["min"] = *r.min;
        if (r.max) rj["max"] = *r.max;
        rl.push_back(std::move(rj));
      }
      j["red_lines"] = std::move(rl);
    }
  }
  put_provenance(j, ip.provenance);
  return j;
}

Json preferences_json(const Scenario& s, const Preferences& prefs) {
  Json j;
  j["reservation"] = with_provenance(prefs.reservation, prefs.field_provenance, "reservation");
  Json issues = Json::object();
  for (const IssueIndex i : s.issues.indices())
    if (prefs.issues[i].present) issues[s.issues[i].id] = issue_preference_json(s.issues[i], prefs.issues[i]);
  j["issues"] = std::move(issues);
  if (!prefs.rectangles.empty()) {
    Json rects = Json::array();
    for (const Rectangle& r : prefs.rectangles) {
      Json rj;
      rj["utility"] = r.utility;
      Json where = Json::object();
      for (const RectangleBound& b : r.bounds) {
        const Issue& issue = s.issues[b.issue];
        if (issue.kind == IssueKind::discrete) {
          Json opts = Json::array();
          for (OptionIndex o : b.options) opts.push_back(issue.options[o].id);
          where[issue.id] = std::move(opts);
        } else {
          Json range = Json::object();
          if (b.range.min) range["min"] = *b.range.min;
          if (b.range.max) range["max"] = *b.range.max;
          where[issue.id] = std::move(range);
        }
      }
      rj["where"] = std::move(where);
      rects.push_back(std::move(rj));
    }
    j["rectangles"] = std::move(rects);
  }
  put_provenance(j, prefs.provenance);
  return j;
}

Json version_json(const Scenario& s, const Version& v) {
  Json j;
  j["id"] = v.id;
  j["label"] = v.label;
  if (!v.date.empty()) j["date"] = v.date;
  put_provenance(j, v.provenance);
  Json points = Json::array();
  for (const Point& pt : v.points) {
    Json pj;
    pj["id"] = pt.id;
    pj["number"] = pt.number;
    pj["text"] = pt.text;
    if (!pt.sets.empty()) {
      Json sets = Json::object();
      for (const PointSetting& ps : pt.sets) {
        const Issue& issue = s.issues[ps.issue];
        Json value = setting_json(issue, ps.setting);
        auto it = pt.field_provenance.find("sets." + issue.id);
        if (it != pt.field_provenance.end() && !it->second.empty()) {
          Json wrapped;
          wrapped["value"] = std::move(value);
          put_provenance(wrapped, it->second);
          value = std::move(wrapped);
        }
        sets[issue.id] = std::move(value);
      }
      pj["sets"] = std::move(sets);
    }
    if (!pt.touches.empty()) {
      Json touches = Json::array();
      for (IssueIndex i : pt.touches) touches.push_back(s.issues[i].id);
      pj["issues"] = std::move(touches);
    }
    if (!pt.from.empty()) {
      Json from = Json::array();
      for (const PointRef& r : pt.from) from.push_back(s.versions[r.version].points[r.point].id);
      pj["from"] = std::move(from);
    }
    put_provenance(pj, pt.provenance);
    points.push_back(std::move(pj));
  }
  j["points"] = std::move(points);
  Json stances = Json::object();
  for (const PartyIndex p : s.parties.indices()) {
    if (!v.stances.contains(p)) break;
    Json ps = Json::object();
    for (const PointIndex k : v.points.indices()) {
      if (!v.stances[p].contains(k)) break;
      const Stance& st = v.stances[p][k];
      if (st.kind == StanceKind::unknown && st.provenance.empty()) continue;
      if (st.provenance.empty()) {
        ps[v.points[k].id] = std::string(to_string(st.kind));
      } else {
        Json sj;
        sj["stance"] = std::string(to_string(st.kind));
        put_provenance(sj, st.provenance);
        ps[v.points[k].id] = std::move(sj);
      }
    }
    if (!ps.empty()) stances[s.parties[p].id] = std::move(ps);
  }
  if (!stances.empty()) j["stances"] = std::move(stances);
  return j;
}

Json scenario_json(const Scenario& s) {
  Json j;
  j["format"] = s.format;
  j["id"] = s.id;
  j["title"] = s.title;
  if (!s.description.empty()) j["description"] = s.description;
  if (!s.date.empty()) j["date"] = s.date;
  put_provenance(j, s.provenance);
  Json parties = Json::array();
  for (const Party& p : s.parties) {
    Json pj;
    pj["id"] = p.id;
    pj["name"] = p.name;
    pj["role"] = std::string(to_string(p.role));
    pj["capability"] = with_provenance(p.capability, p.field_provenance, "capability");
    put_provenance(pj, p.provenance);
    parties.push_back(std::move(pj));
  }
  j["parties"] = std::move(parties);
  Json issues = Json::array();
  for (const Issue& i : s.issues) issues.push_back(issue_json(i));
  j["issues"] = std::move(issues);
  Json prefs = Json::object();
  for (const PartyIndex p : s.parties.indices())
    if (s.preferences[p].present) prefs[s.parties[p].id] = preferences_json(s, s.preferences[p]);
  if (!prefs.empty()) j["preferences"] = std::move(prefs);
  if (!s.versions.empty()) {
    Json versions = Json::array();
    for (const Version& v : s.versions) versions.push_back(version_json(s, v));
    j["framework"]["versions"] = std::move(versions);
  }
  if (!s.timeline.empty()) {
    Json events = Json::array();
    for (const Event& e : s.timeline) {
      Json ej;
      ej["date"] = e.date;
      ej["kind"] = std::string(to_string(e.kind));
      ej["text"] = e.text;
      put_provenance(ej, e.provenance);
      events.push_back(std::move(ej));
    }
    j["timeline"] = std::move(events);
  }
  if (s.conflict) j["conflict"] = write_conflict(*s.conflict, s);
  if (s.forecast) j["forecast"] = write_forecast(*s.forecast, s);
  return j;
}

std::string number_text(double x) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x);  // shortest text that reads back exactly
  std::string t(buf, res.ptr);
  return t;
}

bool all_scalars(const Json& j) {
  for (const auto& x : j)
    if (x.is_structured()) return false;
  return true;
}

void emit(YAML::Emitter& out, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [k, v] : j.items()) {
        out << YAML::Key << k << YAML::Value;
        emit(out, v);
      }
      out << YAML::EndMap;
      break;
    case Json::value_t::array:
      if (all_scalars(j)) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& v : j) emit(out, v);
      out << YAML::EndSeq;
      break;
    case Json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      // Quote text that would otherwise read back as a number, bool or null.
      const bool ambiguous = s.empty() || s == "true" || s == "false" || s == "null" || s == "~" ||
                             std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' ||
                             s[0] == '+' || s[0] == '.';
      if (ambiguous) out << YAML::DoubleQuoted;
      out << s;
      break;
    }
    case Json::value_t::boolean: out << (j.get<bool>() ? "true" : "false"); break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: out << j.dump(); break;
    case Json::value_t::number_float: out << number_text(j.get<double>()); break;
    case Json::value_t::null: out << YAML::Null; break;
    default: out << j.dump(); break;
  }
}

}  // namespace

std::string write_scenario_json_export(const Scenario& s, const std::string& scenario,
                                       std::int64_t revision) {
  Json mark = Json::object();
  mark["scenario"] = scenario;
  mark["revision"] = revision;
  Json j = Json::object();
  j["export"] = std::move(mark);
  const Json doc = scenario_json(s);
  for (auto it = doc.cbegin(); it != doc.cend(); ++it) j[it.key()] = it.value();
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string write_scenario(const Scenario& s, TextFormat format) {
  const Json j = scenario_json(s);
  // Text from files is checked to be UTF-8 on input; `replace` keeps a stray byte from an
  // in-memory scenario from aborting the write.
  if (format == TextFormat::json) return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, j);
  return std::string(out.c_str()) + "\n";
}

}  // namespace accord::io

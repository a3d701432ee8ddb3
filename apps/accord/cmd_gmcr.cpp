// accord gmcr: stability analysis of a scenario's `conflict:` section or a gmcr-py file.
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/gmcr.hpp"
#include "accord/io/gmcr_py.hpp"
#include "accord/report/sections.hpp"
#include "cli.hpp"

namespace accord::cli {
namespace {

using Json = nlohmann::ordered_json;

// Large arrays (2^n states, per-concept lists, one status-quo path per equilibrium) are not
// built as a JSON tree: the tree holds a placeholder string and the array is written element
// by element when the tree is printed, so memory stays near the size of one element and the
// text is the same as dump(2) of the full tree.
struct Deferred {
  std::size_t count = 0;
  std::function<Json(std::size_t)> item;
};
struct Lazy {
  std::vector<Deferred> arrays;
  // A random tag, so that no text from the input (a name, say) can pose as a placeholder.
  std::string tag = std::to_string(std::random_device{}()) + "_";
  Json defer(std::size_t count, std::function<Json(std::size_t)> item) {
    arrays.push_back({count, std::move(item)});
    return Json("\x01" "deferred" + tag + std::to_string(arrays.size() - 1));
  }
};

// Writes `text` indented by `indent` spaces after every newline.
void append_indented(std::string& out, const std::string& text, std::size_t indent) {
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out.append(indent, ' ');
  }
}

void stream_json(const Json& j, const Lazy& lazy, std::ostream& os) {
  const std::string text = j.dump(2);
  const std::string marker = "\"\\u0001deferred" + lazy.tag;
  std::string buf;
  std::size_t at = 0;
  const auto flush = [&](bool force) {
    if (!force && buf.size() < (1u << 20)) return;
    os << buf;
    buf.clear();
    if (!os) throw Exit{kExitInternal, "cannot write to standard output"};
  };
  for (std::size_t hit = text.find(marker); hit != std::string::npos; hit = text.find(marker, at)) {
    buf.append(text, at, hit - at);
    const std::size_t line_start = text.rfind('\n', hit) + 1;
    const std::size_t indent = text.find_first_not_of(' ', line_start) - line_start;
    const std::size_t end = text.find('"', hit + marker.size());
    const Deferred& d = lazy.arrays[std::stoul(text.substr(hit + marker.size(), end - hit - marker.size()))];
    if (d.count == 0) {
      buf += "[]";
    } else {
      buf += "[";
      for (std::size_t k = 0; k < d.count; ++k) {
        buf += k == 0 ? "\n" : ",\n";
        buf.append(indent + 2, ' ');
        append_indented(buf, d.item(k).dump(2), indent + 2);
        flush(false);
      }
      buf += "\n";
      buf.append(indent, ' ');
      buf += "]";
    }
    at = end + 1;
  }
  buf.append(text, at, std::string::npos);
  flush(true);
  os.flush();
}

struct Opts {
  std::string source;
  std::string concepts = "nash,gmr,smr,seq";
  std::string coalition;
  std::string explain;
  bool json = false;
  bool all = false;
  BudgetFlags budget;
  double max_memory_mib = static_cast<double>(gmcr::kDefaultMaxMemory >> 20);
};

Conflict conflict_or_exit(const std::string& source, bool quiet) {
  if (io::is_gmcr_py_path(source)) {
    io::GmcrPyImport r = io::import_gmcr_py_file(source);
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error || !quiet) std::cerr << d.to_string() << "\n";
    if (!r.ok()) throw Exit{kExitInvalidInput, source + ": cannot import the gmcr-py file"};
    return std::move(*r.conflict);
  }
  Scenario s = load_or_exit(source, quiet);
  if (!s.conflict)
    throw Exit{kExitInvalidInput, source + ": the scenario has no `conflict:` section; expected one "
                                           "(docs/gmcr.md), or give a gmcr-py .gmcr file"};
  return std::move(*s.conflict);
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, sep);)
    if (!item.empty()) out.push_back(item);
  return out;
}

gmcr::Params params_or_exit(const Conflict& c, const Opts& o) {
  gmcr::Params p;
  p.deadline = o.budget.deadline();
  p.max_memory = static_cast<std::uint64_t>(o.max_memory_mib * 1048576.0);
  p.concepts.clear();
  for (const auto& name : split(o.concepts, ',')) {
    auto k = gmcr::parse_concept(name);
    if (!k) throw Exit{kExitInvalidInput, "unknown concept `" + name + "` in --concepts; expected nash, gmr, smr or seq"};
    p.concepts.push_back(*k);
  }
  for (const auto& id : split(o.coalition, '+')) {
    const DecisionMakerIndex d = c.find_decision_maker(id);
    if (!d.valid()) {
      std::vector<std::string> ids;
      for (const auto& dm : c.decision_makers) ids.push_back(dm.id);
      const std::string near = closest_match(id, ids);
      throw Exit{kExitInvalidInput, "unknown decision maker `" + id + "` in --coalition" +
                                        (near.empty() ? std::string() : "; did you mean `" + near + "`?")};
    }
    p.coalition.push_back(d);
  }
  return p;
}

Json patterns(const gmcr::Analysis& a, const std::optional<gmcr::StateSet>& set, Lazy& lazy) {
  if (!set) return Json::array();
  auto members = std::make_shared<std::vector<gmcr::StateIndex>>(set->members());
  return lazy.defer(members->size(), [&a, members](std::size_t k) { return Json(a.pattern((*members)[k])); });
}

Json per_concept(const gmcr::Analysis& a, const std::array<std::optional<gmcr::StateSet>, 4>& sets, Lazy& lazy) {
  Json j = Json::object();
  for (gmcr::Concept k : a.concepts)
    if (sets[static_cast<std::size_t>(k)]) j[std::string(to_string(k))] = patterns(a, sets[static_cast<std::size_t>(k)], lazy);
  return j;
}

Json path_json(const Conflict& c, const gmcr::Analysis& a, const std::optional<std::vector<gmcr::PathStep>>& path) {
  if (!path) return nullptr;
  Json out = Json::array();
  for (const gmcr::PathStep& step : *path) {
    Json sj;
    sj["state"] = a.pattern(step.state);
    sj["mover"] = step.mover.valid() ? Json(c.decision_makers[step.mover.get()].id) : Json(nullptr);
    out.push_back(std::move(sj));
  }
  return out;
}

Json analysis_json(const Conflict& c, const gmcr::Analysis& a, Lazy& lazy) {
  Json j;
  Json options = Json::array();
  for (const auto& o : c.options) options.push_back(o.id);
  j["options"] = std::move(options);
  Json dms = Json::array();
  for (const auto& dm : c.decision_makers) {
    Json dj;
    dj["id"] = dm.id;
    dj["name"] = dm.name.empty() ? dm.id : dm.name;
    Json opts = Json::array();
    for (ConflictOptionIndex o : dm.options) opts.push_back(c.options[o.get()].id);
    dj["options"] = std::move(opts);
    dms.push_back(std::move(dj));
  }
  j["decision_makers"] = std::move(dms);
  j["states"] = lazy.defer(a.states.size(), [&a](std::size_t s) { return Json(a.pattern(static_cast<gmcr::StateIndex>(s))); });
  Json stability = Json::object();
  for (const auto& p : a.decision_makers) stability[p.name] = per_concept(a, p.stable, lazy);
  j["stability"] = std::move(stability);
  j["equilibria"] = per_concept(a, a.equilibria, lazy);
  if (a.coalition) {
    Json cj;
    cj["name"] = a.coalition->players.front().name;
    Json st = Json::object();
    for (const auto& p : a.coalition->players) st[p.name] = per_concept(a, p.stable, lazy);
    cj["stability"] = std::move(st);
    cj["equilibria"] = per_concept(a, a.coalition->equilibria, lazy);
    j["coalition"] = std::move(cj);
  }
  if (a.status_quo) {
    Json sq;
    sq["state"] = a.pattern(*a.status_quo);
    sq["paths"] = lazy.defer(a.status_quo_paths.size(), [&c, &a](std::size_t k) {
      const auto& r = a.status_quo_paths[k];
      Json rj;
      rj["target"] = a.pattern(r.target);
      Json under = Json::array();
      for (gmcr::Concept x : r.equilibrium_under) under.push_back(std::string(to_string(x)));
      rj["equilibrium_under"] = std::move(under);
      rj["by_improvements"] = path_json(c, a, r.by_improvements);
      rj["by_moves"] = path_json(c, a, r.by_moves);
      return rj;
    });
    sq["paths_computed"] = a.status_quo_paths_computed;
    j["status_quo"] = std::move(sq);
  }
  j["termination"] = report::termination_json(a.termination);
  return j;
}

const char* concept_letter(gmcr::Concept k) {
  switch (k) {
    case gmcr::Concept::nash: return "R";
    case gmcr::Concept::gmr: return "G";
    case gmcr::Concept::smr: return "S";
    case gmcr::Concept::seq: return "Q";
  }
  return "?";
}

// Text output lists at most this many equilibrium rows and status-quo paths unless --all
// (a large conflict can have millions; --json lists them all).
constexpr std::size_t kMaxRows = 200;
constexpr std::size_t kMaxPaths = 50;

std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}

// States as rows, (DM × concept) as columns; `*` = stable.
std::string table(const gmcr::Analysis& a, const std::vector<gmcr::PlayerResult>& players,
                  const std::array<std::optional<gmcr::StateSet>, 4>& eq, bool all) {
  const std::size_t w = std::max<std::size_t>(a.option_count, 5) + 2;
  const std::size_t cell = a.concepts.size() * 2 + 2;
  std::vector<std::size_t> widths;
  for (const auto& p : players) widths.push_back(std::max(cell, p.name.size() + 2));
  widths.push_back(cell);
  std::string out = pad("state", w);
  for (std::size_t p = 0; p < players.size(); ++p) out += pad(players[p].name, widths[p]);
  out += "equilibrium\n" + pad("", w);
  std::string letters;
  for (gmcr::Concept k : a.concepts) letters += std::string(concept_letter(k)) + " ";
  for (std::size_t p = 0; p <= players.size(); ++p) out += pad(letters, widths[p]);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";
  std::size_t shown = 0, equilibria = 0;
  for (std::size_t s = 0; s < a.states.size(); ++s) {
    bool any_eq = false;
    for (gmcr::Concept k : a.concepts) any_eq = any_eq || (eq[static_cast<std::size_t>(k)] && eq[static_cast<std::size_t>(k)]->test(s));
    if (!all && !any_eq) continue;
    if (!all && ++equilibria > kMaxRows) continue;  // counted, not shown
    ++shown;
    std::string row = pad(a.pattern(static_cast<gmcr::StateIndex>(s)), w);
    auto cells = [&](const std::array<std::optional<gmcr::StateSet>, 4>& sets, std::size_t width) {
      std::string c;
      for (gmcr::Concept k : a.concepts) {
        const auto& set = sets[static_cast<std::size_t>(k)];
        c += !set ? "- " : set->test(s) ? "* " : ". ";
      }
      return pad(c, width);
    };
    for (std::size_t p = 0; p < players.size(); ++p) row += cells(players[p].stable, widths[p]);
    row += cells(eq, cell);
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  if (!all && equilibria > kMaxRows)
    out += "(" + std::to_string(shown) + " of " + std::to_string(equilibria) + " equilibrium states shown, of " +
           std::to_string(a.states.size()) + " states; --all or --json shows every state)\n";
  else if (!all)
    out += "(" + std::to_string(shown) + " of " + std::to_string(a.states.size()) +
           " states shown: the equilibria; --all shows every state)\n";
  return out;
}

std::string text_report(const Conflict& c, const gmcr::Analysis& a, bool all) {
  std::string out = "Options: ";
  for (std::size_t o = 0; o < c.options.size(); ++o)
    out += (o ? ", " : "") + std::to_string(o + 1) + "." + c.options[o].id;
  out += "\nStates: " + std::to_string(a.states.size()) + " feasible; a state is one Y/N per option, in that order.\n";
  out += "Columns: R Nash, G GMR, S SMR, Q SEQ; * stable, . unstable, - not computed.\n\n";
  out += table(a, a.decision_makers, a.equilibria, all || a.states.size() <= 64);
  out += "\nEquilibria:\n";
  for (gmcr::Concept k : a.concepts) {
    const auto& set = a.equilibria[static_cast<std::size_t>(k)];
    if (!set) {
      out += "  " + pad(std::string(to_string(k)), 5) + "not computed (budget)\n";
      continue;
    }
    out += "  " + pad(std::string(to_string(k)), 5) + std::to_string(set->count()) + ":";
    std::size_t n = 0;
    for (gmcr::StateIndex s : set->members()) {
      if (++n > 20) { out += " …"; break; }
      out += " " + a.pattern(s);
    }
    out += "\n";
  }
  if (a.coalition) {
    out += "\nCoalition " + a.coalition->players.front().name + " (moves as one; an improvement must help every member):\n";
    out += table(a, a.coalition->players, a.coalition->equilibria, all || a.states.size() <= 64);
  }
  if (a.status_quo && !a.status_quo_paths_computed) {
    out += "\nFrom the status quo " + a.pattern(*a.status_quo) + ": paths not computed (" +
           std::string(to_string(a.termination.stop)) + ")\n";
  } else if (a.status_quo) {
    out += "\nFrom the status quo " + a.pattern(*a.status_quo) + ":\n";
    auto path_text = [&](const std::optional<std::vector<gmcr::PathStep>>& p) {
      if (!p) return std::string("unreachable");
      std::string t;
      for (const auto& step : *p)
        t += step.mover.valid() ? " -" + c.decision_makers[step.mover.get()].id + "-> " + a.pattern(step.state)
                                : a.pattern(step.state);
      return t;
    };
    std::size_t listed = 0;
    for (const auto& r : a.status_quo_paths) {
      if (!all && ++listed > kMaxPaths) {
        out += "  … and " + std::to_string(a.status_quo_paths.size() - kMaxPaths) +
               " more equilibria (--all or --json lists every path)\n";
        break;
      }
      out += "  " + a.pattern(r.target) + " (";
      for (std::size_t k = 0; k < r.equilibrium_under.size(); ++k)
        out += (k ? "," : "") + std::string(to_string(r.equilibrium_under[k]));
      out += ")\n    by improvements: " + path_text(r.by_improvements) +
             "\n    by any moves:    " + path_text(r.by_moves) + "\n";
    }
  }
  return out;
}

Json explain_all(const Conflict& c, const gmcr::Analysis& a, StateCode code, std::string& text) {
  Json j = Json::array();
  const std::size_t n = c.options.size();
  text += "\nWhy " + state_pattern(code, n) + " is stable or not:\n";
  for (std::size_t d = 0; d < c.decision_makers.size(); ++d)
    for (gmcr::Concept k : a.concepts) {
      std::string error;
      auto e = gmcr::explain(c, code, DecisionMakerIndex(d), k, error);
      if (!e) throw Exit{kExitInvalidInput, error};
      const std::string& id = c.decision_makers[d].id;
      Json ej;
      ej["decision_maker"] = id;
      ej["concept"] = std::string(to_string(k));
      ej["stable"] = e->stable;
      text += "  " + id + " " + std::string(to_string(k)) + ": " + (e->stable ? "stable" : "unstable");
      if (e->improvements.empty()) text += " (no unilateral improvement)";
      text += "\n";
      Json imps = Json::array();
      for (const auto& det : e->improvements) {
        Json ij;
        ij["improvement"] = state_pattern(det.improvement, n);
        ij["deterred"] = det.deterred;
        Json path = Json::array();
        std::string ptext;
        for (const auto& [s, mover] : det.sanction) {
          path.push_back({{"state", state_pattern(s, n)}, {"mover", c.decision_makers[mover.get()].id}});
          ptext += (ptext.empty() ? "" : " ") + std::string("-") + c.decision_makers[mover.get()].id + "-> " + state_pattern(s, n);
        }
        ij["sanction"] = std::move(path);
        imps.push_back(std::move(ij));
        text += "    improves to " + state_pattern(det.improvement, n) + ": ";
        if (k == gmcr::Concept::nash) text += "nothing deters it under Nash\n";
        else if (det.deterred) text += "sanctioned:" + ptext.substr(ptext.find(' ')) + "\n";
        else text += "no sanction by the others leaves " + id + " no better off than at " + state_pattern(code, n) + "\n";
      }
      ej["improvements"] = std::move(imps);
      j.push_back(std::move(ej));
    }
  return j;
}

void add_gmcr(CLI::App& app) {
  auto* cmd = app.add_subcommand("gmcr", "Conflict stability (GMCR): Nash, GMR, SMR, SEQ, equilibria, status-quo paths")
                  ->footer("Examples:\n  accord gmcr geneva-2025\n  accord gmcr model.gmcr --concepts nash,seq --json\n"
                           "  accord gmcr geneva-2025 --coalition US+EU\n  accord gmcr geneva-2025 --explain NNYNN\n"
                           "Semantics and the `conflict:` format: docs/gmcr.md.");
  auto o = std::make_shared<Opts>();
  cmd->add_option("SOURCE", o->source, "Scenario (built-in name or file) or gmcr-py .gmcr file")->required();
  cmd->add_option("--concepts", o->concepts, "Comma-separated: nash,gmr,smr,seq")->capture_default_str();
  cmd->add_option("--coalition", o->coalition, "Decision makers acting as one, e.g. US+EU");
  cmd->add_option("--explain", o->explain, "Explain the stability of this state (pattern of Y/N)");
  cmd->add_flag("--all", o->all, "List every state in the table, not only equilibria");
  cmd->add_flag("--json", o->json, "Print JSON (shape in docs/gmcr.md)");
  add_budget_options(cmd, o->budget);
  cmd->add_option("--max-memory", o->max_memory_mib,
                  "Refuse an analysis whose estimated memory exceeds this many MiB")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->callback([o] {
    const Conflict c = conflict_or_exit(o->source, o->json);
    const gmcr::Params params = params_or_exit(c, *o);
    const ProgressFn progress = c.options.size() >= 18 ? terminal_progress("gmcr") : nullptr;
    if (progress) progress(-1.0, std::to_string(std::size_t{1} << c.options.size()) + " states…");
    const gmcr::RunResult r = gmcr::analyse(c, params);
    if (progress) progress(1.0, "");
    if (!r.ok()) {
      for (const auto& d : r.diagnostics) std::cerr << d.to_string() << "\n";
      throw Exit{kExitInvalidInput, o->source + (r.termination.stop == Stop::memory_limit
                                                     ? ": the analysis would exceed the memory limit"
                                                     : ": invalid conflict")};
    }
    warn_if_partial(r.analysis->termination, "the stability analysis");
    std::optional<StateCode> explain_code;
    if (!o->explain.empty()) {
      explain_code = parse_state_pattern(o->explain, c.options.size());
      if (!explain_code)
        throw Exit{kExitInvalidInput, "--explain `" + o->explain + "`: expected " +
                                          std::to_string(c.options.size()) + " characters Y or N"};
    }
    Lazy lazy;
    std::string text = o->json ? std::string() : text_report(c, *r.analysis, o->all);
    Json j = o->json ? analysis_json(c, *r.analysis, lazy) : Json();
    if (explain_code) {
      Json e = explain_all(c, *r.analysis, *explain_code, text);
      if (o->json) j["explanation"] = {{"state", o->explain}, {"decision_makers", std::move(e)}};
    }
    if (!o->json) return write_output("-", text);
    stream_json(j, lazy, std::cout);
    std::cout << "\n";
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("gmcr", 40, add_gmcr);

}  // namespace accord::cli

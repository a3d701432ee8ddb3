// Reader and writer of the `conflict:` section (the GMCR model; format in docs/gmcr.md).
#include <set>

#include "io/sections.hpp"

namespace accord::io {

using Json = nlohmann::ordered_json;

namespace {

std::string at(const std::string& path, std::size_t k) { return path + "[" + std::to_string(k) + "]"; }

std::vector<std::string> with_provenance_keys(std::vector<std::string> keys) {
  keys.insert(keys.end(), Reader::provenance_keys().begin(), Reader::provenance_keys().end());
  return keys;
}

class ConflictReader {
 public:
  ConflictReader(Reader& r, const Scenario& s) : r_(r), s_(s) {}

  std::optional<Conflict> read(const YAML::Node& node) {
    if (!r_.expect_map(node, "conflict", "",
                       with_provenance_keys({"options", "decision_makers", "infeasible", "exclusive",
                                             "status_quo"})))
      return std::nullopt;
    c_.provenance = r_.provenance(node, "conflict", "");
    const std::size_t errors_before = error_count();
    if (!node["options"].IsDefined())
      r_.error(node, "conflict.options", "", "missing required field `options`; expected a list of yes/no options");
    else
      read_options(node["options"]);
    if (!node["decision_makers"].IsDefined())
      r_.error(node, "conflict.decision_makers", "",
               "missing required field `decision_makers`; expected a list of decision makers");
    if (error_count() > errors_before) return std::nullopt;  // the rest refers to options
    read_decision_makers(node["decision_makers"]);
    if (node["infeasible"].IsDefined()) read_infeasible(node["infeasible"]);
    if (node["exclusive"].IsDefined()) read_exclusive(node["exclusive"]);
    if (node["status_quo"].IsDefined()) read_status_quo(node["status_quo"]);
    if (error_count() > errors_before) return std::nullopt;
    for (Diagnostic d : validate_conflict(c_)) {
      d.file = r_.file();
      std::tie(d.line, d.column) = r_.position_of(d.path);
      r_.push(std::move(d));
    }
    if (error_count() > errors_before) return std::nullopt;
    return std::move(c_);
  }

 private:
  std::size_t error_count() const { return r_.error_count(); }

  // Text of a condition node; reports YAML tags (an unquoted `!x` is a tag, not "not x").
  std::optional<std::string> condition_text(const YAML::Node& n, const std::string& path,
                                            const std::string& entity) {
    if (n.IsDefined() && !n.Tag().empty() && n.Tag() != "?" && n.Tag() != "!") {
      r_.error(n, path, entity, "YAML read `" + n.Tag() + "` as a tag, not as a condition",
               "quote the condition, e.g. \"" + n.Tag() + " & other\", or write `not " +
                   n.Tag().substr(1) + "`");
      return std::nullopt;
    }
    return r_.as_string(n, path, entity);
  }

  std::optional<Condition> condition(const YAML::Node& n, const std::string& path,
                                     const std::string& entity) {
    auto text = condition_text(n, path, entity);
    if (!text) return std::nullopt;
    ConditionParse parsed = parse_condition(c_, *text);
    if (!parsed.ok()) r_.error(n, path, entity, "in condition `" + *text + "`: " + parsed.outcome.message());
    return std::move(parsed.condition);
  }

  ConflictOptionIndex option_ref(const YAML::Node& n, const std::string& path, const std::string& entity) {
    auto id = r_.as_string(n, path, entity);
    if (!id) return {};
    const ConflictOptionIndex o = c_.find_option(*id);
    if (!o.valid()) {
      std::vector<std::string> ids;
      for (const auto& opt : c_.options) ids.push_back(opt.id);
      r_.error(n, path, entity, "unknown option `" + *id + "`; expected an option id of `conflict.options`",
               r_.did_you_mean(*id, ids));
    }
    return o;
  }

  void read_options(const YAML::Node& node) {
    if (!r_.expect_list(node, "conflict.options", "")) return;
    std::set<std::string> seen;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node o = node[k];
      const std::string path = at("conflict.options", k);
      ConflictOption opt;
      if (o.IsScalar()) {
        opt.id = o.Scalar();
      } else {
        if (!r_.expect_map(o, path, "", with_provenance_keys({"id", "label", "direction"}))) continue;
        auto id = r_.string(o, "id", path + ".id", "", true);
        if (!id) continue;
        opt.id = *id;
        const std::string entity = "option " + opt.id;
        opt.label = r_.string(o, "label", path + ".label", entity, false).value_or("");
        if (auto dir = r_.string(o, "direction", path + ".direction", entity, false)) {
          if (auto d = parse_direction(*dir)) opt.direction = *d;
          else
            r_.error(o["direction"], path + ".direction", entity,
                     "unknown direction `" + *dir + "`; expected `both`, `fwd` (only N->Y) or `back` (only Y->N)");
        }
        opt.provenance = r_.provenance(o, path, entity);
      }
      if (!r_.valid_id(o, opt.id, path + ".id", "")) continue;
      if (opt.id == "and" || opt.id == "or" || opt.id == "not") {
        r_.error(o, path + ".id", "", "`" + opt.id + "` is an operator in conditions; expected another id");
        continue;
      }
      if (!seen.insert(opt.id).second) {
        r_.error(o, path + ".id", "option " + opt.id, "duplicate option id `" + opt.id + "`");
        continue;
      }
      r_.remember("conflict.options." + opt.id, o);
      c_.options.push_back(std::move(opt));
    }
  }

  void read_statements(const YAML::Node& node, DecisionMaker& dm, const std::string& path,
                       const std::string& entity) {
    if (!r_.expect_list(node, path, entity)) return;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node n = node[k];
      const std::string p = at(path, k);
      r_.remember(p, n);
      PreferenceStatement st;
      std::optional<Condition> cond;
      if (n.IsMap()) {
        if (!r_.expect_map(n, p, entity, with_provenance_keys({"statement"}))) continue;
        if (!n["statement"].IsDefined()) {
          r_.error(n, p, entity, "missing required field `statement`; expected a condition such as `a & !b`");
          continue;
        }
        cond = condition(n["statement"], p + ".statement", entity);
        st.provenance = r_.provenance(n, p, entity);
      } else {
        cond = condition(n, p, entity);
      }
      if (!cond) continue;
      st.condition = std::move(*cond);
      dm.statements.push_back(std::move(st));
    }
  }

  std::optional<StateCode> state(const YAML::Node& n, const std::string& path, const std::string& entity) {
    auto text = r_.as_string(n, path, entity);
    if (!text) return std::nullopt;
    auto code = parse_state_pattern(*text, c_.options.size());
    if (!code)
      r_.error(n, path, entity,
               "expected a state pattern of " + std::to_string(c_.options.size()) +
                   " characters Y or N (one per option, in order), found `" + *text + "`");
    return code;
  }

  void read_ranking(const YAML::Node& node, DecisionMaker& dm, const std::string& path,
                    const std::string& entity) {
    if (!r_.expect_list(node, path, entity)) return;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node n = node[k];
      const std::string p = at(path, k);
      r_.remember(p, n);
      std::vector<StateCode> tier;
      if (n.IsSequence()) {
        for (std::size_t j = 0; j < n.size(); ++j)
          if (auto s = state(n[j], at(p, j), entity)) tier.push_back(*s);
      } else if (auto s = state(n, p, entity)) {
        tier.push_back(*s);
      }
      if (n.IsSequence() && n.size() == 0) r_.error(n, p, entity, "empty tie group; expected at least one state");
      dm.ranking.push_back(std::move(tier));
    }
  }

  void read_decision_makers(const YAML::Node& node) {
    if (!r_.expect_list(node, "conflict.decision_makers", "")) return;
    std::set<std::string> seen;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const YAML::Node n = node[k];
      const std::string ipath = at("conflict.decision_makers", k);
      if (!r_.expect_map(n, ipath, "",
                         with_provenance_keys({"id", "name", "party", "options", "preferences", "ranking"})))
        continue;
      auto id = r_.string(n, "id", ipath + ".id", "", true);
      if (!id || !r_.valid_id(n["id"], *id, ipath + ".id", "")) continue;
      const std::string entity = "decision maker " + *id;
      if (!seen.insert(*id).second) {
        r_.error(n["id"], ipath + ".id", entity, "duplicate decision maker id `" + *id + "`");
        continue;
      }
      const std::string path = "conflict.decision_makers." + *id;
      r_.remember(path, n);
      DecisionMaker dm;
      dm.id = *id;
      dm.name = r_.string(n, "name", path + ".name", entity, false).value_or("");
      if (auto party = r_.string(n, "party", path + ".party", entity, false)) {
        dm.party = s_.find_party(*party);
        if (!dm.party.valid()) {
          std::vector<std::string> ids;
          for (const auto& p : s_.parties) ids.push_back(p.id);
          r_.error(n["party"], path + ".party", entity,
                   "unknown party `" + *party + "`; expected a party id of `parties`",
                   r_.did_you_mean(*party, ids));
        }
      }
      const YAML::Node opts = n["options"];
      if (!opts.IsDefined()) {
        r_.error(n, path + ".options", entity, "missing required field `options`; expected the option ids it controls");
      } else if (r_.expect_list(opts, path + ".options", entity)) {
        for (std::size_t j = 0; j < opts.size(); ++j) {
          const ConflictOptionIndex o = option_ref(opts[j], at(path + ".options", j), entity);
          if (o.valid()) dm.options.push_back(o);
        }
      }
      const YAML::Node prefs = n["preferences"];
      const YAML::Node ranking = n["ranking"];
      if (prefs.IsDefined() && ranking.IsDefined()) {
        r_.error(ranking, path + ".ranking", entity,
                 "both `preferences` and `ranking` given; expected one of them",
                 "keep the option prioritisation or the explicit ranking");
      } else if (ranking.IsDefined()) {
        dm.preference_kind = PreferenceKind::ranking;
        read_ranking(ranking, dm, path + ".ranking", entity);
      } else if (prefs.IsDefined()) {
        read_statements(prefs, dm, path + ".preferences", entity);
      } else {
        r_.error(n, path, entity,
                 "no preferences; expected `preferences:` (prioritised statements, most important "
                 "first) or `ranking:` (states, best first)");
      }
      dm.provenance = r_.provenance(n, path, entity);
      c_.decision_makers.push_back(std::move(dm));
    }
  }

  std::optional<Conjunction> pattern(const std::string& text) {
    if (text.size() != c_.options.size()) return std::nullopt;
    Conjunction conj;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == 'Y' || text[i] == 'N') conj.literals.push_back({ConflictOptionIndex(i), text[i] == 'Y'});
      else if (text[i] != '-') return std::nullopt;
    }
    return conj;
  }

  void read_infeasible(const YAML::Node& node) {
    if (!r_.expect_list(node, "conflict.infeasible", "")) return;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const std::string path = at("conflict.infeasible", k);
      YAML::Node n = node[k];
      Provenance prov;
      std::string text_path = path;
      if (n.IsMap()) {
        if (!r_.expect_map(n, path, "", with_provenance_keys({"when"}))) continue;
        prov = r_.provenance(n, path, "");
        if (!n["when"].IsDefined()) {
          r_.error(n, path, "", "missing required field `when`; expected a pattern (Y/N/-) or a condition");
          continue;
        }
        n = n["when"];
        text_path = path + ".when";
      }
      r_.remember(path, n);
      auto text = condition_text(n, text_path, "");
      if (!text) continue;
      if (auto conj = pattern(*text)) {
        c_.infeasible.push_back({std::move(*conj), prov});
        continue;
      }
      ConditionParse cond = parse_condition(c_, *text);
      if (!cond.ok()) {
        r_.error(n, text_path, "",
                 "`" + *text + "` is neither a pattern of " + std::to_string(c_.options.size()) +
                     " characters Y/N/- nor a condition: " + cond.outcome.message());
        continue;
      }
      for (Conjunction& conj : cond.condition->any) c_.infeasible.push_back({std::move(conj), prov});
    }
  }

  void read_exclusive(const YAML::Node& node) {
    if (!r_.expect_list(node, "conflict.exclusive", "")) return;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const std::string path = at("conflict.exclusive", k);
      YAML::Node n = node[k];
      ExclusiveGroup g;
      std::string list_path = path;
      if (n.IsMap()) {
        if (!r_.expect_map(n, path, "", with_provenance_keys({"options"}))) continue;
        g.provenance = r_.provenance(n, path, "");
        n = n["options"];
        list_path = path + ".options";
      }
      r_.remember(path, n);
      if (!n.IsDefined() || !r_.expect_list(n, list_path, "")) {
        if (!n.IsDefined()) r_.error(node[k], list_path, "", "missing required field `options`; expected a list of option ids");
        continue;
      }
      for (std::size_t j = 0; j < n.size(); ++j) {
        const ConflictOptionIndex o = option_ref(n[j], at(list_path, j), "");
        if (o.valid()) g.options.push_back(o);
      }
      c_.exclusive.push_back(std::move(g));
    }
  }

  void read_status_quo(const YAML::Node& n) {
    r_.remember("conflict.status_quo", n);
    if (n.IsSequence()) {  // the options taken
      StateCode code = 0;
      for (std::size_t j = 0; j < n.size(); ++j) {
        const ConflictOptionIndex o = option_ref(n[j], at("conflict.status_quo", j), "");
        if (o.valid()) code |= StateCode{1} << o.get();
      }
      c_.status_quo = code;
      return;
    }
    auto text = r_.as_string(n, "conflict.status_quo", "");
    if (!text) return;
    c_.status_quo = parse_state_pattern(*text, c_.options.size());
    if (!c_.status_quo)
      r_.error(n, "conflict.status_quo", "",
               "expected a state pattern of " + std::to_string(c_.options.size()) +
                   " characters Y or N, or a list of the options taken; found `" + *text + "`");
  }

  Reader& r_;
  const Scenario& s_;
  Conflict c_;
};

void put_provenance(Json& j, const Provenance& p) {
  if (p.sources.size() == 1) j["source"] = p.sources.front();
  else if (!p.sources.empty()) j["sources"] = p.sources;
  if (p.estimate) j["estimate"] = true;
  if (!p.note.empty()) j["note"] = p.note;
}

// A plain value, or {key: value, source:, estimate:, note:} when it has provenance.
Json with_provenance(const std::string& key, Json value, const Provenance& p) {
  if (p.empty()) return value;
  Json j;
  j[key] = std::move(value);
  put_provenance(j, p);
  return j;
}

}  // namespace

std::optional<Conflict> read_conflict(Reader& r, const YAML::Node& node, const Scenario& s) {
  return ConflictReader(r, s).read(node);
}

Json write_conflict(const Conflict& c, const Scenario& s) {
  const std::size_t n = c.options.size();
  Json j = Json::object();
  put_provenance(j, c.provenance);
  Json options = Json::array();
  for (const ConflictOption& o : c.options) {
    Json oj;
    oj["id"] = o.id;
    if (!o.label.empty()) oj["label"] = o.label;
    if (o.direction != Direction::both) oj["direction"] = std::string(to_string(o.direction));
    put_provenance(oj, o.provenance);
    options.push_back(std::move(oj));
  }
  j["options"] = std::move(options);
  Json dms = Json::array();
  for (const DecisionMaker& dm : c.decision_makers) {
    Json dj;
    dj["id"] = dm.id;
    if (!dm.name.empty()) dj["name"] = dm.name;
    if (dm.party.valid() && dm.party.get() < s.parties.size()) dj["party"] = s.parties[dm.party].id;
    Json opts = Json::array();
    for (ConflictOptionIndex o : dm.options) opts.push_back(c.options[o].id);
    dj["options"] = std::move(opts);
    if (dm.preference_kind == PreferenceKind::ranking) {
      Json ranking = Json::array();
      for (const auto& tier : dm.ranking) {
        if (tier.size() == 1) {
          ranking.push_back(state_pattern(tier.front(), n));
          continue;
        }
        Json t = Json::array();
        for (StateCode code : tier) t.push_back(state_pattern(code, n));
        ranking.push_back(std::move(t));
      }
      dj["ranking"] = std::move(ranking);
    } else {
      Json prefs = Json::array();
      for (const PreferenceStatement& st : dm.statements)
        prefs.push_back(with_provenance("statement", format_condition(c, st.condition), st.provenance));
      dj["preferences"] = std::move(prefs);
    }
    put_provenance(dj, dm.provenance);
    dms.push_back(std::move(dj));
  }
  j["decision_makers"] = std::move(dms);
  if (!c.infeasible.empty()) {
    Json inf = Json::array();
    for (const InfeasibleRule& rule : c.infeasible)
      inf.push_back(with_provenance("when", format_conjunction(c, rule.when), rule.provenance));
    j["infeasible"] = std::move(inf);
  }
  if (!c.exclusive.empty()) {
    Json ex = Json::array();
    for (const ExclusiveGroup& g : c.exclusive) {
      Json ids = Json::array();
      for (ConflictOptionIndex o : g.options) ids.push_back(c.options[o].id);
      ex.push_back(with_provenance("options", std::move(ids), g.provenance));
    }
    j["exclusive"] = std::move(ex);
  }
  if (c.status_quo) j["status_quo"] = state_pattern(*c.status_quo, n);
  return j;
}

}  // namespace accord::io

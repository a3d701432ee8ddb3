#include "accord/model/conflict.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace accord {

ConflictOptionIndex Conflict::find_option(std::string_view id) const {
  for (const ConflictOptionIndex k : options.indices())
    if (options[k].id == id) return k;
  return {};
}

DecisionMakerIndex Conflict::find_decision_maker(std::string_view id) const {
  for (const DecisionMakerIndex k : decision_makers.indices())
    if (decision_makers[k].id == id) return k;
  return {};
}

const std::string& Conflict::display_name(DecisionMakerIndex dm) const {
  const DecisionMaker& d = decision_makers[dm];
  return d.name.empty() ? d.id : d.name;
}

std::string state_pattern(StateCode code, std::size_t option_count) {
  std::string out(option_count, 'N');
  for (std::size_t i = 0; i < option_count; ++i)
    if ((code >> i) & 1u) out[i] = 'Y';
  return out;
}

std::optional<StateCode> parse_state_pattern(std::string_view text, std::size_t option_count) {
  if (text.size() != option_count || option_count > 32) return std::nullopt;
  StateCode code = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == 'Y') code |= StateCode{1} << i;
    else if (text[i] != 'N') return std::nullopt;
  }
  return code;
}

CodeTest code_test(const Conjunction& c) {
  CodeTest t;
  for (const Literal& l : c.literals) {
    if (!l.option.valid() || l.option.get() >= 32) continue;
    const StateCode bit = StateCode{1} << l.option.get();
    const StateCode want = l.taken ? bit : 0;
    if ((t.mask & bit) && (t.value & bit) != want) t.contradictory = true;
    t.mask |= bit;
    t.value = (t.value & ~bit) | want;
  }
  return t;
}

bool holds(const Condition& c, StateCode code) {
  return std::any_of(c.any.begin(), c.any.end(),
                     [code](const Conjunction& x) { return code_test(x).holds(code); });
}

bool is_feasible(const Conflict& c, StateCode code) {
  for (const InfeasibleRule& r : c.infeasible)
    if (code_test(r.when).holds(code)) return false;
  for (const ExclusiveGroup& g : c.exclusive) {
    int taken = 0;
    for (ConflictOptionIndex o : g.options)
      if (o.valid() && ((code >> o.get()) & 1u)) ++taken;
    if (taken > 1) return false;
  }
  return true;
}

std::string format_conjunction(const Conflict& c, const Conjunction& conj) {
  std::string out;
  for (const Literal& l : conj.literals) {
    if (!out.empty()) out += " & ";
    if (!l.taken) out += "!";
    out += c.options.contains(l.option) ? c.options[l.option].id : "?";
  }
  return out;
}

std::string format_condition(const Conflict& c, const Condition& cond) {
  std::string out;
  for (const Conjunction& conj : cond.any) {
    if (!out.empty()) out += " | ";
    out += format_conjunction(c, conj);
  }
  return out;
}

namespace {

bool is_id_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
}

// Tokens: identifiers, and the operators & | ! (words and/or/not are the same operators). Any
// other character is a token of its own, which parse_condition reports.
std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> out;
  std::size_t k = 0;
  while (k < text.size()) {
    const char ch = text[k];
    if (std::isspace(static_cast<unsigned char>(ch))) {
      ++k;
    } else if (is_id_char(ch)) {
      std::size_t e = k;
      while (e < text.size() && is_id_char(text[e])) ++e;
      const std::string_view word = text.substr(k, e - k);
      if (word == "and") out.emplace_back(1, '&');
      else if (word == "or") out.emplace_back(1, '|');
      else if (word == "not") out.emplace_back(1, '!');
      else out.emplace_back(word);
      k = e;
    } else {
      out.emplace_back(1, ch);
      ++k;
    }
  }
  return out;
}

bool is_operator(const std::string& t) { return t == "&" || t == "|" || t == "!"; }

ConditionParse invalid(std::string message) {
  return {std::nullopt, Outcome::failure(Status::invalid_input, std::move(message))};
}

}  // namespace

ConditionParse parse_condition(const Conflict& c, std::string_view text) {
  const std::vector<std::string> tokens = tokenize(text);
  for (const std::string& t : tokens)
    if (!is_operator(t) && !is_id_char(t.front()))
      return invalid("unexpected character `" + t +
                     "`; expected option ids joined by `&` (and), `|` (or), with `!` (not)");
  if (tokens.empty())
    return invalid("empty condition; expected option ids joined by `&` and `|`, e.g. `a & !b | c`");
  Condition cond;
  Conjunction conj;
  bool expect_literal = true;
  bool negate = false;
  for (const std::string& t : tokens) {
    if (expect_literal) {
      if (t == "!") {
        negate = !negate;
        continue;
      }
      if (t == "&" || t == "|") return invalid("found `" + t + "` where an option id was expected");
      const ConflictOptionIndex o = c.find_option(t);
      if (!o.valid()) {
        std::vector<std::string> ids;
        for (const auto& opt : c.options) ids.push_back(opt.id);
        const std::string near = closest_match(t, ids);
        return invalid("unknown option `" + t + "`; expected an option id of `conflict.options`" +
                       (near.empty() ? std::string() : " (did you mean `" + near + "`?)"));
      }
      conj.literals.push_back({o, !negate});
      negate = false;
      expect_literal = false;
      continue;
    }
    if (t == "&") {
      expect_literal = true;
    } else if (t == "|") {
      cond.any.push_back(std::move(conj));
      conj = {};
      expect_literal = true;
    } else {
      return invalid("found `" + t + "` after an option; expected `&`, `|` or the end");
    }
  }
  if (expect_literal) return invalid("the condition ends with an operator; expected an option id after it");
  cond.any.push_back(std::move(conj));
  return {std::move(cond), Outcome::success()};
}

std::string_view to_string(Direction d) {
  switch (d) {
    case Direction::both: return "both";
    case Direction::forward: return "fwd";
    case Direction::backward: return "back";
  }
  return "both";
}

std::optional<Direction> parse_direction(std::string_view text) {
  if (text == "both") return Direction::both;
  if (text == "fwd") return Direction::forward;
  if (text == "back") return Direction::backward;
  return std::nullopt;
}

}  // namespace accord

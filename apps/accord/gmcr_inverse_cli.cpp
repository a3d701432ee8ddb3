// `accord gmcr --inverse`: parse the target and flags, run gmcr::inverse, print with the
// report's serialiser or renderer.
#include "gmcr_inverse_cli.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

#include "accord/engines/gmcr_inverse.hpp"
#include "accord/report/gmcr_inverse.hpp"
#include "cli.hpp"

namespace accord::cli {

namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

// Patterns ("YNY…", comma-separated) or a condition over the options ("ua_accept & ru_sign").
std::vector<StateCode> targets_or_exit(const Conflict& c, const std::string& text) {
  std::vector<StateCode> out;
  bool patterns = true;
  for (const std::string& p : split_list(text)) {
    const auto code = parse_state_pattern(p, c.options.size());
    if (!code) {
      patterns = false;
      break;
    }
    out.push_back(*code);
  }
  if (patterns && !out.empty()) return out;
  out.clear();
  const ConditionParse cond = parse_condition(c, text);
  if (!cond.ok())
    throw Exit{kExitInvalidInput, "--inverse `" + text + "`: expected a state (" + std::to_string(c.options.size()) +
                                      " characters Y or N), states separated by commas, or a condition: " +
                                      cond.outcome.message()};
  for (StateCode s = 0; s < (StateCode{1} << c.options.size()); ++s)
    if (is_feasible(c, s) && holds(*cond.condition, s)) out.push_back(s);
  if (out.empty()) throw Exit{kExitInvalidInput, "--inverse `" + text + "`: no feasible state satisfies it"};
  return out;
}

}  // namespace

void add_inverse_options(CLI::App* cmd, InverseFlags& f) {
  cmd->add_option("--inverse", f.target,
                  "Inverse analysis: the smallest changes that make this state (pattern, patterns joined by commas, "
                  "or a condition such as \"ua_accept & ru_sign\") stable");
  cmd->add_option("--concept", f.concept_name, "--inverse: the stability concept (nash, gmr, smr, seq)")
      ->capture_default_str();
  cmd->add_option("--dms", f.dms, "--inverse: the decision makers it must be stable for (A,B); default every one");
  cmd->add_option("--max-changes", f.max_changes, "--inverse: the most changes searched")->capture_default_str();
  cmd->add_option("--change", f.change, "--inverse: what may change: preferences or moves")->capture_default_str();
  cmd->add_flag("--reachable", f.reachable,
                "--inverse: also reachable from the status quo by unilateral improvements (always on for moves)");
}

void run_inverse(const InverseFlags& f, const Conflict& c, const std::string& scenario, bool json,
                 const std::string& output, const Deadline& deadline, std::uint64_t max_nodes) {
  gmcr::inverse::Params p;
  const auto k = gmcr::parse_concept(f.concept_name);
  if (!k) throw Exit{kExitInvalidInput, "unknown concept `" + f.concept_name + "` in --concept; expected nash, gmr, smr or seq"};
  p.stability = *k;
  const auto scope = gmcr::inverse::parse_scope(f.change);
  if (!scope) throw Exit{kExitInvalidInput, "--change `" + f.change + "`: expected preferences or moves"};
  p.scope = *scope;
  p.reachable = f.reachable;
  p.max_changes = f.max_changes;
  p.deadline = deadline;
  if (max_nodes > 0) p.max_candidates = static_cast<std::size_t>(max_nodes);
  for (const std::string& id : split_list(f.dms)) {
    const DecisionMakerIndex d = c.find_decision_maker(id);
    if (!d.valid()) throw Exit{kExitInvalidInput, "unknown decision maker `" + id + "` in --dms"};
    p.decision_makers.push_back(d);
  }
  const gmcr::inverse::Result r = gmcr::inverse::run(c, targets_or_exit(c, f.target), p);
  if (!r.ok()) throw Exit{kExitInvalidInput, "--inverse: " + r.outcome.message()};
  warn_if_partial(r.outcome.termination, "the inverse analysis");
  write_output(output, json ? report::gmcr_inverse_json(c, r, scenario).dump(2) + "\n" : report::gmcr_inverse_text(c, r));
}

}  // namespace accord::cli

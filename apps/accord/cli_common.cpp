#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <iostream>

#include "accord/io/atomic_file.hpp"
#include "accord/io/builtin.hpp"
#include "accord/model/utility.hpp"
#include "cli.hpp"

namespace accord::cli {

std::vector<Command>& command_registry() {
  static std::vector<Command> commands;
  return commands;
}

bool stdout_is_tty() { return isatty(fileno(stdout)) != 0; }

Scenario load_or_exit(const std::string& name_or_path, bool quiet_warnings) {
  io::LoadResult r = io::load_scenario(name_or_path);
  for (const auto& d : r.outcome.diagnostics)
    if (d.severity == Severity::error || !quiet_warnings) std::cerr << d.to_string() << "\n";
  if (!r.ok()) {
    std::size_t errors = 0;
    for (const auto& d : r.outcome.diagnostics) errors += d.severity == Severity::error ? 1 : 0;
    throw Exit{kExitInvalidInput, name_or_path + ": invalid scenario (" + std::to_string(errors) +
                                      (errors == 1 ? " error)" : " errors)")};
  }
  return std::move(*r.scenario);
}

std::vector<PartyIndex> resolve_parties(const Scenario& s, const std::vector<std::string>& ids) {
  std::vector<PartyIndex> out;
  if (ids.empty()) {
    for (const PartyIndex p : s.parties.indices())
      if (s.parties[p].role != Role::stakeholder && s.preferences[p].present) out.emplace_back(p);
    return out;
  }
  for (const auto& id : ids) {
    const PartyIndex p = s.find_party(id);
    if (!p.valid()) throw Exit{kExitInvalidInput, "unknown party `" + id + "` in --parties"};
    if (!s.preferences[p].present)
      throw Exit{kExitInvalidInput, "party `" + id + "` has no preferences; it cannot bargain"};
    out.push_back(p);
  }
  return out;
}

Package apply_settings(const Scenario& s, Package base, const std::vector<std::string>& sets) {
  if (base.size() != s.issues.size()) base.assign(s.issues.size(), std::nullopt);
  for (const auto& a : sets) {
    const auto eq = a.find('=');
    if (eq == std::string::npos)
      throw Exit{kExitInvalidInput, "--set `" + a + "`: expected ISSUE=OPTION or ISSUE=NUMBER"};
    const std::string issue_id = a.substr(0, eq);
    const std::string value = a.substr(eq + 1);
    const IssueIndex i = s.find_issue(issue_id);
    if (!i.valid()) throw Exit{kExitInvalidInput, "--set `" + a + "`: unknown issue `" + issue_id + "`"};
    const Issue& issue = s.issues[i];
    if (issue.kind == IssueKind::discrete) {
      const OptionIndex o = issue.find_option(value);
      if (!o.valid())
        throw Exit{kExitInvalidInput,
                   "--set `" + a + "`: unknown option `" + value + "` of issue `" + issue_id + "`"};
      base[i] = Setting{o, 0.0};
    } else {
      char* end = nullptr;
      const double x = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || x < issue.range.min || x > issue.range.max)
        throw Exit{kExitInvalidInput, "--set `" + a + "`: expected a number in [" +
                                          std::to_string(issue.range.min) + ", " +
                                          std::to_string(issue.range.max) + "]"};
      base[i] = Setting{OptionIndex(), x};
    }
  }
  return base;
}

void add_budget_options(CLI::App* cmd, BudgetFlags& budget, std::string_view nodes) {
  cmd->add_option("--max-seconds", budget.max_seconds,
                  "Time budget in seconds (0: none); past it the result is partial and says so")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  if (nodes.empty()) return;
  cmd->add_option("--max-nodes", budget.max_nodes, std::string(nodes) + " (0: the engine's default)")
      ->capture_default_str();
}

ProgressFn terminal_progress(std::string label) {
  if (isatty(fileno(stderr)) == 0) return nullptr;
  struct State {
    std::string label;
    std::chrono::steady_clock::time_point last{};
  };
  auto st = std::make_shared<State>(State{std::move(label), {}});
  return [st](double fraction, std::string_view what) {
    const auto now = std::chrono::steady_clock::now();
    if (fraction < 1.0 && now - st->last < std::chrono::milliseconds(200)) return;
    st->last = now;
    if (fraction >= 0.0)
      std::fprintf(stderr, "\r%s: %3.0f%% %.*s\033[K", st->label.c_str(), 100.0 * std::min(fraction, 1.0),
                   static_cast<int>(what.size()), what.data());
    else
      std::fprintf(stderr, "\r%s: %.*s\033[K", st->label.c_str(), static_cast<int>(what.size()), what.data());
    if (fraction >= 1.0) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  };
}

void warn_if_partial(const Termination& t, std::string_view what) {
  if (t.finished() || t.stop == Stop::not_set) return;
  std::cerr << "warning: " << what << " stopped early (" << to_string(t.stop)
            << (t.detail.empty() ? "" : ": " + t.detail) << "); the result is partial\n";
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) throw Exit{kExitInternal, "cannot write to standard output"};
    return;
  }
  // A temporary file renamed over the target: never a half-written output, never a leftover.
  if (auto err = io::write_file_atomically(path, text)) throw Exit{kExitInternal, *err};
}

}  // namespace accord::cli

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <memory>
#include <iostream>

#include "accord/io/atomic_file.hpp"
#include "accord/io/builtin.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/utility.hpp"
#include "accord/report/table.hpp"
#include "cli.hpp"

namespace accord::cli {

std::vector<Command>& command_registry() {
  static std::vector<Command> commands;
  return commands;
}

bool stdout_is_tty() { return isatty(fileno(stdout)) != 0; }

std::size_t default_text_width() {
  // COLUMNS first, as ls and Python's shutil do: a script can pin the width of a pipe with it.
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    std::size_t n = 0;
    const char* end = columns + std::strlen(columns);
    const auto r = std::from_chars(columns, end, n);
    if (r.ec == std::errc() && r.ptr == end && n > 0) return std::max(n, kMinTextWidth);
  }
  winsize ws{};
  if (stdout_is_tty() && ioctl(fileno(stdout), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return std::max<std::size_t>(ws.ws_col, kMinTextWidth);
  return 100;
}

void add_width_options(CLI::App& app) {
  report::set_text_width(default_text_width());
  // Leaf commands only: a parent (`import`, `db`, …) prints nothing itself, and its subcommands
  // may come from other modules, each with its own copy of the text width.
  std::vector<CLI::App*> todo = app.get_subcommands([](CLI::App* a) { return !a->get_name().empty(); });
  while (!todo.empty()) {
    CLI::App* cmd = todo.back();
    todo.pop_back();
    const auto subs = cmd->get_subcommands([](CLI::App* a) { return !a->get_name().empty(); });
    todo.insert(todo.end(), subs.begin(), subs.end());
    if (!subs.empty() || cmd->get_option_no_throw("--width") != nullptr) continue;
    auto* width = cmd->add_option_function<std::size_t>(
                         "--width", [](const std::size_t& n) { report::set_text_width(n); },
                         "Fit text output to N columns (default: COLUMNS, the terminal, or 100 when not a terminal)")
                      ->type_name("N")
                      ->check(CLI::Range(kMinTextWidth, std::size_t{100000}));
    cmd->add_flag_callback("--wide", [] { report::set_text_width(report::kUnlimitedWidth); },
                           "No width limit: tables keep every cell whole, prose is not wrapped")
        ->excludes(width);
  }
}

std::string did_you_mean(const std::string& found, const std::vector<std::string>& ids) {
  const std::string near = closest_match(found, ids);
  return near.empty() ? std::string() : "; did you mean `" + near + "`?";
}

std::string number_as_written(double x) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);  // shortest text that reads back as x
  return std::string(buf, r.ptr);
}

VersionIndex version_or_exit(const Scenario& s, const std::string& id) {
  const VersionIndex v = s.find_version(id);
  if (v.valid()) return v;
  std::vector<std::string> ids;
  std::string known;
  for (const auto& ver : s.versions) {
    ids.push_back(ver.id);
    known += (known.empty() ? "" : ", ") + ver.id;
  }
  throw Exit{kExitInvalidInput, "unknown version `" + id + "`" + did_you_mean(id, ids) +
                                    (known.empty() ? " (the scenario has no versions)" : " (versions: " + known + ")")};
}

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
    if (!p.valid()) {
      std::vector<std::string> known;
      for (const auto& party : s.parties) known.push_back(party.id);
      throw Exit{kExitInvalidInput, "unknown party `" + id + "` in --parties" + did_you_mean(id, known)};
    }
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
    if (!i.valid()) {
      std::vector<std::string> known;
      for (const auto& issue : s.issues) known.push_back(issue.id);
      throw Exit{kExitInvalidInput,
                 "--set `" + a + "`: unknown issue `" + issue_id + "`" + did_you_mean(issue_id, known)};
    }
    const Issue& issue = s.issues[i];
    if (issue.kind == IssueKind::discrete) {
      const OptionIndex o = issue.find_option(value);
      if (!o.valid()) {
        std::vector<std::string> known;
        for (const auto& option : issue.options) known.push_back(option.id);
        throw Exit{kExitInvalidInput, "--set `" + a + "`: unknown option `" + value + "` of issue `" +
                                          issue_id + "`" + did_you_mean(value, known)};
      }
      base[i] = Setting{o, 0.0};
    } else {
      char* end = nullptr;
      const double x = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0' || x < issue.range.min || x > issue.range.max)
        throw Exit{kExitInvalidInput, "--set `" + a + "`: expected a number in [" +
                                          number_as_written(issue.range.min) + ", " +
                                          number_as_written(issue.range.max) + "]"};
      base[i] = Setting{OptionIndex(), x};
    }
  }
  return base;
}

namespace {
enum class ProgressMode { automatic, always, never };
ProgressMode g_progress = ProgressMode::automatic;  // set by --progress / --quiet
}  // namespace

void add_budget_options(CLI::App* cmd, BudgetFlags& budget, std::string_view nodes) {
  cmd->add_option("--max-seconds", budget.max_seconds,
                  "Time budget in seconds (0: none); past it the result is partial and says so")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  if (!nodes.empty())
    cmd->add_option("--max-nodes", budget.max_nodes, std::string(nodes) + " (0: the engine's default)")
        ->capture_default_str();
  auto* progress = cmd->add_flag_callback("--progress", [] { g_progress = ProgressMode::always; },
                                          "Show progress on stderr even when it is not a terminal");
  cmd->add_flag_callback("--quiet", [] { g_progress = ProgressMode::never; },
                         "No progress on stderr (shown by default when stderr is a terminal)")
      ->excludes(progress);
}

ProgressFn terminal_progress(std::string label) {
  if (g_progress == ProgressMode::never) return nullptr;
  const bool tty = isatty(fileno(stderr)) != 0;
  if (!tty && g_progress != ProgressMode::always) return nullptr;
  struct State {
    std::string label;
    std::chrono::steady_clock::time_point last{};
  };
  auto st = std::make_shared<State>(State{std::move(label), {}});
  // A terminal redraws one line a few times a second; a file or pipe gets a line every 2 s.
  const auto every = tty ? std::chrono::milliseconds(200) : std::chrono::milliseconds(2000);
  return [st, tty, every](double fraction, std::string_view what) {
    const auto now = std::chrono::steady_clock::now();
    if (fraction < 1.0 && now - st->last < every) return;
    st->last = now;
    const char* start = tty ? "\r" : "";
    const char* end = tty ? "\033[K" : "\n";
    if (fraction >= 0.0)
      std::fprintf(stderr, "%s%s: %3.0f%% %.*s%s", start, st->label.c_str(), 100.0 * std::min(fraction, 1.0),
                   static_cast<int>(what.size()), what.data(), end);
    else
      std::fprintf(stderr, "%s%s: %.*s%s", start, st->label.c_str(), static_cast<int>(what.size()), what.data(), end);
    if (fraction >= 1.0 && tty) std::fprintf(stderr, "\r\033[K");
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

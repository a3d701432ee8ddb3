#pragma once
// Shared pieces of the `accord` command-line app. Each command lives in its own
// cmd_<name>.cpp and registers itself with ACCORD_REGISTER_COMMAND, so adding a
// command never touches main.cpp.
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accord/io/scenario_io.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"

namespace accord::cli {

// Exit codes (documented in docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitInvalidInput = 2;

// Thrown by command code to end with a message on stderr and an exit code.
struct Exit {
  int code;
  std::string message;
};

struct Command {
  std::string name;
  int order;  // position in `accord --help`
  std::function<void(CLI::App&)> add;  // defines the subcommand and its callback
};

std::vector<Command>& command_registry();

struct Registrar {
  explicit Registrar(Command c) { command_registry().push_back(std::move(c)); }
};

#define ACCORD_REGISTER_COMMAND(NAME, ORDER, FN) \
  static const ::accord::cli::Registrar accord_registrar_##FN{{NAME, ORDER, FN}}

// After CLI11 rejected argv: "unknown command 'evalute'; did you mean 'evaluate'?" or
// "unknown option '--markdwn' for 'accord report'; did you mean '--markdown'?" for the first
// word that is neither a defined command nor a flag of the command it follows (cli_suggest.cpp);
// nullopt when every word is known (CLI11's own message then says what is wrong).
std::optional<std::string> explain_unknown_word(CLI::App& app, int argc, const char* const* argv);

// Loads a built-in name or a file path; prints diagnostics (warnings too) to stderr.
// Throws Exit{2} when the scenario is invalid.
Scenario load_or_exit(const std::string& name_or_path, bool quiet_warnings = false);

// The same with the reader's limits (cli_load.cpp): node count after alias expansion, table
// size and the command's deadline.
Scenario load_or_exit(const std::string& name_or_path, const io::LoadOptions& options,
                      bool quiet_warnings = false);
// --max-input-nodes / --max-table-mib (docs/format.md "Limits").
void add_reader_options(CLI::App* cmd, io::LoadOptions& options);

// GENIUS XML (cmd_import_genius.cpp): imports a domain and its profiles (parties named by
// `party_ids` when given), or throws Exit{2}, printing diagnostics.
Scenario import_genius_or_exit(const std::vector<std::string>& files,
                               const std::vector<std::string>& party_ids, bool quiet_warnings);
// The input of commands that take `SCENARIO` or `--genius DOMAIN.xml PROFILE.xml…|FOLDER`:
// refuses both at once (`scenario_given`), expands a GENIUS folder, and loads or imports.
Scenario scenario_or_genius_or_exit(const std::string& scenario, bool scenario_given,
                                    const std::vector<std::string>& genius, bool quiet_warnings);

// True when stdout is a terminal (colour and progress only then).
bool stdout_is_tty();

// The width text output fits (docs/cli.md "Output width"): COLUMNS when set to a number, else
// the terminal's width when stdout is a terminal, else 100; never below kMinTextWidth.
inline constexpr std::size_t kMinTextWidth = 20;
std::size_t default_text_width();
// Sets that width as report::text_width() and gives every leaf command of `app` that lacks them
// `--width N` and `--wide` (no limit). Each command module calls it after adding its commands
// (module_entry.cpp): the report library, and so the width, is the module's own copy.
void add_width_options(CLI::App& app);

// "; did you mean `X`?" for the closest of `ids`, or "" when none is close.
std::string did_you_mean(const std::string& found, const std::vector<std::string>& ids);
// A number as a user would write it: 50, 1000, 0.25 (the shortest text that reads back).
std::string number_as_written(double x);
// --version ID to an index; throws Exit{2} with a "did you mean" and the known versions.
VersionIndex version_or_exit(const Scenario& s, const std::string& id);

// Resolves --parties A,B (or all bargaining parties when empty) to indices; throws Exit{2}
// naming the unknown id.
std::vector<PartyIndex> resolve_parties(const Scenario& s, const std::vector<std::string>& ids);

// Parses --set ISSUE=OPTION|NUMBER assignments onto a package; throws Exit{2} naming the
// unknown id with a "did you mean".

Package apply_settings(const Scenario& s, Package base, const std::vector<std::string>& sets);

// The shared `accord import` parent command (created on first use); importers add their
// format as a subcommand of it (cmd_import.cpp).
CLI::App* import_command(CLI::App& app);

// --max-seconds / --max-nodes (and --progress / --quiet), shared by every command that runs an engine (docs/cli.md
// "Budgets"). A run stopped by its budget prints its partial result, marked as such, with a
// warning on stderr and exit 0; exit 2 when nothing useful was found.
struct BudgetFlags {
  double max_seconds = 60.0;   // 0: no time limit
  std::uint64_t max_nodes = 0;  // 0: the engine's own default
  [[nodiscard]] Deadline deadline() const { return Deadline::after(max_seconds); }
};
// `--max-seconds`, and `--max-nodes` when `nodes` says what a node is for this command (empty:
// the command runs no search, so it has no node budget).
void add_budget_options(CLI::App* cmd, BudgetFlags& budget, std::string_view nodes = {});

// Progress for long work on stderr: redraws one line when stderr is a terminal (a few times a
// second), prints a line every 2 s with --progress when it is not, nothing with --quiet
// (add_budget_options defines both flags); nullptr when nothing is shown.
ProgressFn terminal_progress(std::string label);

// "warning: <what> stopped early (time_limit: ...); the result is partial" on stderr unless
// the run finished.
void warn_if_partial(const Termination& t, std::string_view what);

// Writes text to a file or stdout ("-"); throws Exit{1} on I/O failure.
void write_output(const std::string& path, const std::string& text);

}  // namespace accord::cli

// Loads the command modules with dlopen (docs/architecture.md "Start-up"): each cmd_*.cpp is a
// module linking only the libraries its commands use, so a command pays the dynamic loader for
// those alone.
#include "cli_modules.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "cli.hpp"

namespace accord::cli {
namespace {

struct ModuleOf {
  std::string_view word;    // first word of a command ("import" for "import genius")
  std::string_view module;  // cmd_<module>.cpp, built as <module>.so
};

constexpr ModuleOf kModules[] = {
#include "cli_modules.inc"
};

// Words whose commands walk the whole tree.
constexpr std::string_view kWholeTree[] = {"completion", "man"};

std::string executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  const std::string path(buf, static_cast<std::size_t>(n));
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// The build tree keeps modules next to the binary; an install under <prefix>/lib/accord.
std::string module_path(std::string_view module) {
  static const std::string dir = executable_dir();
  const std::string file = std::string(module) + ".so";
  for (const std::string& d : {dir + "/" ACCORD_MODULES_BUILD_SUBDIR, dir + "/" ACCORD_MODULES_INSTALL_RELDIR}) {
    const std::string path = d + "/" + file;
    if (access(path.c_str(), R_OK) == 0) return path;
  }
  throw Exit{kExitInternal, "internal error: command module " + file + " not found next to " + dir};
}

std::vector<Command> load_module(std::string_view module) {
  const std::string path = module_path(module);
  // RTLD_GLOBAL: Open MPI's own plugins (forecast, tournament) look up libmpi's symbols globally.
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_GLOBAL);
  if (handle == nullptr) throw Exit{kExitInternal, std::string("internal error: ") + dlerror()};
  using Entry = std::vector<Command>* (*)();
  const auto entry = reinterpret_cast<Entry>(dlsym(handle, "accord_cli_commands"));
  if (entry == nullptr) throw Exit{kExitInternal, "internal error: " + path + " defines no commands"};
  return *entry();  // the module stays loaded: the tree holds its code
}

std::set<std::string_view> every_module() {
  std::set<std::string_view> all;
  for (const auto& m : kModules) all.insert(m.module);
  return all;
}

// The command is argv[1] when it is a word; a flag before it (`accord --help gmcr`) is the
// root's, which needs the whole tree, except `--version` alone, which needs none.
std::set<std::string_view> modules_for(int argc, const char* const* argv) {
  if (argc < 2) return every_module();
  const std::string_view word = argv[1];
  if (argc == 2 && word == "--version") return {};
  if (word.empty() || word[0] == '-') return every_module();
  if (std::find(std::begin(kWholeTree), std::end(kWholeTree), word) != std::end(kWholeTree))
    return every_module();
  std::set<std::string_view> mine;
  for (const auto& m : kModules)
    if (m.word == word) mine.insert(m.module);
  return mine.empty() ? every_module() : mine;  // unknown: the whole tree says "did you mean"
}

}  // namespace

void add_commands(CLI::App& app, int argc, const char* const* argv) {
  std::vector<Command> commands;
  for (const std::string_view module : modules_for(argc, argv)) {
    auto more = load_module(module);
    commands.insert(commands.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  // By ORDER, then by name: the order of `accord --help`, documented in docs/cli.md and tested.
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) {
    return std::tie(a.order, a.name) < std::tie(b.order, b.name);
  });
  for (const auto& c : commands) c.add(app);
}

}  // namespace accord::cli

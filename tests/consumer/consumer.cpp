// Built against an installed Accord (tests/consumer/CMakeLists.txt): loads the built-in
// scenario and evaluates its latest version, as a program using the library would.
#include <cstdio>

#include "accord/engines/evaluate.hpp"
#include "accord/io/builtin.hpp"

int main() {
  const accord::io::LoadResult loaded = accord::io::load_scenario("geneva-2025");
  if (!loaded.ok()) {
    std::fprintf(stderr, "consumer: cannot load the built-in geneva-2025\n");
    return 1;
  }
  const accord::Scenario& s = *loaded.scenario;
  const accord::VersionIndex latest(s.versions.size() - 1);
  const auto result = accord::evaluate::run_version(s, latest);
  if (result.parties.empty() || result.parties.size() > s.parties.size()) {
    std::fprintf(stderr, "consumer: evaluate returned %zu parties\n", result.parties.size());
    return 1;
  }
  for (const auto& p : result.parties)
    std::printf("%s %s\n", s.parties[p.party].id.c_str(),
                std::string(accord::evaluate::to_string(p.verdict)).c_str());
  std::printf("consumer: evaluated %s %s for %zu parties\n", s.id.c_str(),
              s.versions[latest].id.c_str(), result.parties.size());
  return 0;
}

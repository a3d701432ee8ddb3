// libFuzzer target: the scenario loader must never crash, hang or leak on any input,
// and whatever it accepts must write and read back to the same scenario.
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  // An input of at most 64 KiB has at most ~32k nodes of its own; anything past 200k is alias
  // expansion, which the node limit refuses (its default, 4M, would spend seconds per input
  // under the sanitizers counting up to it).
  accord::io::LoadOptions options;
  options.max_nodes = 200'000;
  options.max_table_bytes = std::size_t{64} << 20;
  for (const char* name : {"fuzz.yaml", "fuzz.json"}) {
    const accord::io::LoadResult r = accord::io::load_scenario_text(text, name, options);
    for (const auto& d : r.outcome.diagnostics)
      if (d.message.rfind(accord::io::kInternalReadError, 0) == 0) __builtin_trap();
    if (!r.ok()) continue;
    const std::string out = accord::io::write_scenario(*r.scenario, accord::io::TextFormat::json);
    const accord::io::LoadResult back = accord::io::load_scenario_text(out, "back.json", options);
    if (!back.ok() || !(*back.scenario == *r.scenario)) __builtin_trap();
  }
  return 0;
}

// libFuzzer target: the scenario loader must never crash, hang or leak on any input,
// and whatever it accepts must write and read back to the same scenario.
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"fuzz.yaml", "fuzz.json"}) {
    const accord::io::LoadResult r = accord::io::load_scenario_text(text, name);
    for (const auto& d : r.diagnostics)
      if (d.message.rfind(accord::io::kInternalReadError, 0) == 0) __builtin_trap();
    if (!r.ok()) continue;
    const std::string out = accord::io::write_scenario(*r.scenario, accord::io::TextFormat::json);
    const accord::io::LoadResult back = accord::io::load_scenario_text(out, "back.json");
    if (!back.ok() || !(*back.scenario == *r.scenario)) __builtin_trap();
  }
  return 0;
}

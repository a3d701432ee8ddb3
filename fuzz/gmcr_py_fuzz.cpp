// libFuzzer target: the gmcr-py (.gmcr JSON) importer never crashes; what it accepts converts
// to a scenario that writes and reads back unchanged; small conflicts are also analysed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/engines/gmcr.hpp"
#include "accord/io/gmcr_py.hpp"
#include "accord/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const accord::io::GmcrPyImport r = accord::io::import_gmcr_py_text(text, "fuzz.gmcr");
  if (!r.ok()) return 0;
  const accord::Conflict& c = *r.conflict;
  if (c.options.size() <= 10) (void)accord::gmcr::analyse(c);
  const accord::Scenario s = accord::io::scenario_from_conflict(c, "fuzz", "fuzz");
  const std::string out = accord::io::write_scenario(s, accord::io::TextFormat::json);
  const accord::io::LoadResult back = accord::io::load_scenario_text(out, "back.json");
  if (!back.ok() || !(*back.scenario == s)) __builtin_trap();
  return 0;
}

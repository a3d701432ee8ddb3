// libFuzzer target: the GENIUS XML importer never crashes. The input is a domain and a
// profile separated by a NUL byte (the profile is used twice, as two parties); what it
// accepts writes and reads back unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/io/genius.hpp"
#include "accord/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  const std::string all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\0');
  if (cut == std::string::npos) return 0;
  const accord::io::XmlText domain{"domain.xml", all.substr(0, cut)};
  const accord::io::XmlText profile{"a.xml", all.substr(cut + 1)};
  const accord::io::XmlText profile2{"b.xml", all.substr(cut + 1)};
  const accord::io::GeniusImport r = accord::io::import_genius_text(domain, {profile, profile2});
  if (!r.ok()) return 0;
  const std::string out = accord::io::write_scenario(*r.scenario, accord::io::TextFormat::json);
  const accord::io::LoadResult back = accord::io::load_scenario_text(out, "back.json");
  if (!back.ok() || !(*back.scenario == *r.scenario)) __builtin_trap();
  return 0;
}

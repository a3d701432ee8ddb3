// libFuzzer target: the stance CSV importer (accord import csv) never crashes on any input and
// leaves the scenario unchanged whenever it refuses the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "accord/io/builtin.hpp"
#include "accord/io/csv_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  static const accord::Scenario geneva = *accord::io::load_scenario("geneva-2025").scenario;
  const std::string text(reinterpret_cast<const char*>(data), size);
  accord::Scenario s = geneva;
  const auto r = accord::io::read_points_csv(text, "fuzz.csv", s, "v20");
  if (!r.ok() && !(s == geneva)) std::abort();
  return 0;
}

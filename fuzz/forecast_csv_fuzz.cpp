// libFuzzer target: the KTAB SMP, EUM and DEU III CSV readers never crash on any input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "accord/io/forecast_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)accord::io::read_ktab_csv(text, "fuzz.csv");
  (void)accord::io::read_eum_csv(text, "fuzz.csv");
  (void)accord::io::read_deu3(text, "fuzz.csv");
  return 0;
}

// write_file_atomically with a stream writer: what `accord gmcr -o` uses for documents too large
// to hold in memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "accord/io/atomic_file.hpp"

namespace accord::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("accord-atomic-stream-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(AtomicStream, WritesEverythingTheWriterStreamsPastTheBuffer) {
  const fs::path dir = fresh_dir("ok");
  const fs::path target = dir / "out.json";
  const auto err = write_file_atomically(target.string(), [](std::ostream& os) {
    for (int k = 0; k < 100000; ++k) os << k << '\n';  // ~600 KB: many 64 KiB blocks
    return true;
  });
  ASSERT_FALSE(err) << *err;
  std::ostringstream expected;
  for (int k = 0; k < 100000; ++k) expected << k << '\n';
  EXPECT_EQ(slurp(target), expected.str());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);  // no temporary left
  fs::remove_all(dir);
}

TEST(AtomicStream, AWriterThatFailsLeavesTheTargetAndNoTemporary) {
  const fs::path dir = fresh_dir("fail");
  const fs::path target = dir / "out.json";
  { std::ofstream(target) << "old"; }
  const auto err = write_file_atomically(target.string(), [](std::ostream& os) {
    os << "partial";
    return false;
  });
  ASSERT_TRUE(err);
  EXPECT_EQ(slurp(target), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace accord::io

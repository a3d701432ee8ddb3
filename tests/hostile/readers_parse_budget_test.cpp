// Issue 10: the YAML parser itself (yaml-cpp) used to run to the end of a 16 MiB file whatever
// the budget (14 s on a loaded 2-core machine for 155,000 parties with `--max-seconds 1`),
// because the deadline was checked only after parsing. The reader now feeds the parser in
// 64 KiB pieces and polls the deadline between them.
#include <gtest/gtest.h>

#include "readers_util.hpp"

namespace accord::hostile::readers {
namespace {

// About 15 MB of YAML: one long party list (valid YAML, just large).
std::string large_yaml(int parties = 150000) {
  std::ostringstream o;
  o << "format: 1\nid: big\ntitle: big\nparties:\n";
  for (int p = 0; p < parties; ++p)
    o << "  - {id: P" << p << ", name: Party number " << p
      << " with a long name to fill the file, role: party, capability: 1}\n";
  o << "issues:\n  - {id: x, title: X, options: [a, b]}\n";
  return o.str();
}

TEST(ReadersParseBudget, ParsingALargeFileStopsAtTheBudget) {
  const std::string path = write_temp("parse_budget.yaml", large_yaml());
  const ChildRun r = run_accord({"validate", path, "--max-seconds", "0.3"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(path + ":"), std::string::npos) << r.err;
  // Stopped inside the parser, not after it.
  EXPECT_NE(r.err.find("reading stopped while parsing: the time budget ran out (time_limit)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--max-seconds"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10.0);
}

// A file of many 64 KiB pieces parses as one: the pieces join exactly.
TEST(ReadersParseBudget, AFileOfManyPiecesLoadsWithEnoughTime) {
  const std::string text = large_yaml(3000);
  ASSERT_GT(text.size(), 4u * 65536);
  const std::string path = write_temp("parse_budget_ok.yaml", text);
  const ChildRun r = run_accord({"validate", path, "--max-seconds", "60"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace accord::hostile::readers

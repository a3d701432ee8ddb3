// Issue 10 item 16: a KTAB SMP CSV of 400 actors x 5 dimensions ran over 60 s. Now the SMP
// turn is cheaper and bounded by --max-seconds; oversized files are refused at the header.
#include "hostile/forecast_util.hpp"

namespace accord::hostile::engines {
namespace {

TEST(HostileKtab, FourHundredActorsFiveDimensionsEndWithinTheBudget) {
  const std::string path = temp_path("k400x5.csv");
  write_file(path, ktab_csv(400, 5, 1));
  const Child c = run_accord({"forecast", path, "--max-seconds", "3"});
  std::remove(path.c_str());
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("400 actors, 5 dimensions"), std::string::npos) << c.out.substr(0, 300);
  EXPECT_LT(c.seconds, kMaxWallSeconds);
  EXPECT_LT(c.peak_rss_kb, kMaxRssKb);
}

TEST(HostileKtab, AHeaderAnnouncingTooManyActorsIsRefusedAtOnce) {
  const std::string path = temp_path("k20000.csv");
  write_file(path, "Big,x,20000,2,\nActor,D,P,p1,s1,p2,s2\nA,d,1,50,50,50,50\n");
  const Child c = run_accord({"forecast", path});
  std::remove(path.c_str());
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find(":1:"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("found 20000 actors; the reader takes at most 10000"), std::string::npos) << c.err;
  EXPECT_LT(c.seconds, kMaxWallSeconds);
}

TEST(HostileKtab, RepeatedRowErrorsAreCappedWithACount) {
  std::string text = "X,y,3000,1,\nActor,D,P,p,s\n";
  for (int i = 0; i < 3000; ++i) text += "A" + std::to_string(i) + ",d,abc,50,50\n";
  const std::string path = temp_path("bad.csv");
  write_file(path, text);
  const Child c = run_accord({"forecast", path});
  std::remove(path.c_str());
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_LE(count_lines(c.err), 25u) << c.err.substr(0, 500);
  EXPECT_NE(c.err.find("… and 2980 more like these"), std::string::npos) << c.err.substr(0, 2000);
}

}  // namespace
}  // namespace accord::hostile::engines

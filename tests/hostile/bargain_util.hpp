#pragma once
// Helpers of the bargain hostile tests: run the `accord` binary as a child with its time and
// peak memory measured (wait4 rusage of that child), and GENIUS files with many rectangles.
#ifdef ACCORD_CLI_PATH
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hostile/child.hpp"
#endif
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace accord::test::bargain_hostile {

#ifdef ACCORD_CLI_PATH  // tests only (the benchmarks use the generator below)
using test::ChildRun;
using test::run_accord;
#endif

inline std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("accord-" + name + "-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

// A GENIUS domain of `issues` integer issues with values 0..values-1, and `profiles`
// nonlinear profiles of `rectangles` hyperrectangles each (random bounds on 2-4 issues,
// utilities 1..100), as ANAC 2014 wrote them. Returns the domain path then the profiles.
inline std::vector<std::string> write_genius_rectangles(const std::string& dir, std::size_t issues,
                                                        std::size_t values, std::size_t profiles,
                                                        std::size_t rectangles, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::string issue_xml;
  for (std::size_t i = 0; i < issues; ++i)
    issue_xml += "   <issue etype=\"integer\" index=\"" + std::to_string(i + 1) + "\" name=\"i" +
                 std::to_string(i + 1) + "\" type=\"integer\" vtype=\"integer\" lowerbound=\"0\" upperbound=\"" +
                 std::to_string(values - 1) + "\"/>\n";
  const std::string objective =
      "<objective description=\"\" etype=\"objective\" index=\"0\" name=\"root\" type=\"objective\">\n" + issue_xml;
  std::vector<std::string> paths{dir + "/domain.xml"};
  std::ofstream(paths[0]) << "<negotiation_template>\n<utility_space number_of_issues=\"" << issues
                          << "\">\n" << objective << "</objective>\n</utility_space>\n</negotiation_template>\n";
  for (std::size_t p = 0; p < profiles; ++p) {
    std::string rects;
    std::uint64_t total = 0;
    for (std::size_t r = 0; r < rectangles; ++r) {
      const unsigned u = 1 + rng() % 100;
      total += u;
      rects += "         <hyperRectangle utility=\"" + std::to_string(u) + "\">\n";
      const std::size_t bounds = 2 + rng() % 3;
      std::vector<std::size_t> used;
      for (std::size_t b = 0; b < bounds; ++b) {
        std::size_t i = rng() % issues;
        while (std::find(used.begin(), used.end(), i) != used.end()) i = (i + 1) % issues;
        used.push_back(i);
        std::size_t lo = rng() % values, hi = rng() % values;
        if (lo > hi) std::swap(lo, hi);
        rects += "            <INCLUDES index=\"" + std::to_string(i + 1) + "\" min=\"" + std::to_string(lo) +
                 "\" max=\"" + std::to_string(hi) + "\"/>\n";
      }
      rects += "         </hyperRectangle>\n";
    }
    const std::string path = dir + "/profile-" + std::to_string(p + 1) + ".xml";
    std::ofstream(path) << "<utility_space type=\"nonlinear\">\n" << objective
                        << "   <utility maxutility=\"" << total << "\">\n"
                        << "      <ufun type=\"PlainUfun\" weight=\"1\" aggregation=\"sum\">\n" << rects
                        << "      </ufun>\n   </utility>\n</objective>\n"
                        << "<reservation value=\"0.1\"/>\n</utility_space>\n";
    paths.push_back(path);
  }
  return paths;
}

#ifdef ACCORD_CLI_PATH
inline constexpr double kWallCeiling = 30.0;            // seconds, generous for ASan/UBSan
inline constexpr long kRssCeilingKb = 1536L * 1024;     // 1.5 GB

// The JSON of a run that finished or stopped on its budget: exact, or partial and saying so.
inline void expect_exact_or_partial(const ChildRun& r) {
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("termination")) << r.out.substr(0, 500);
  const std::string stop = j["termination"]["stop"];
  EXPECT_EQ(j["status"], "ok");
  if (stop == "finished") {  // exact: no part is partial
    EXPECT_TRUE(j["zone"]["exact"].get<bool>());
    return;
  }
  EXPECT_FALSE(j["termination"]["detail"].get<std::string>().empty());
  EXPECT_NE(r.err.find("warning: bargain stopped early"), std::string::npos) << r.err;
  // A solution not proven optimal carries its bound and gap.
  if (!j["solutions"].is_object() || j["solutions"]["exact"].get<bool>()) return;
  for (const char* name : {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}) {
    if (!j["solutions"][name].is_object() || !j["solutions"][name].contains("bound")) continue;
    EXPECT_GE(j["solutions"][name]["gap"].get<double>(), 0.0);
  }
}

#endif

}  // namespace accord::test::bargain_hostile

// Issue 16: text tables fit the width they are given without cutting a number; long ids become
// short unique names with a legend; `--wide` (kUnlimitedWidth) cuts nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "accord/report/table.hpp"

namespace accord::report {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t widest_line(const std::string& text) {
  std::size_t w = 0;
  for (const auto& l : lines_of(text)) w = std::max(w, display_width(l));
  return w;
}

// Numbers in the forms the renderers print: 0.823, +0.023, -1.5, 100.0%, 0.669–0.974, 600000.
std::string random_number(std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 5), digits(0, 4);
  std::uniform_real_distribution<double> x(-2000.0, 2000.0);
  const int d = digits(rng);
  switch (kind(rng)) {
    case 0: return fixed(x(rng), d);
    case 1: return (x(rng) >= 0 ? "+" : "") + fixed(x(rng) / 1000.0, 3);
    case 2: return fixed(std::abs(x(rng)) / 20.0, 1) + "%";
    case 3: return fixed(std::abs(x(rng)) / 2000.0, 3) + "–" + fixed(std::abs(x(rng)) / 2000.0, 3);
    case 4: return std::to_string(static_cast<long>(std::abs(x(rng)) * 300));
    default: return "-";  // no value
  }
}

const std::vector<std::string> kWords = {"territory_donbas", "army_cap", "the", "security", "of",
                                         "KillerRobot_util3", "Torso=Humanoid", "guarantees", "and",
                                         "a", "ceasefire", "culture_language_religion", "monitoring"};

// Text cells: an id list with numbers ("RU +0.023, US +0.041"), a package, prose, or one word.
std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 3), count(1, 8);
  std::uniform_int_distribution<std::size_t> word(0, kWords.size() - 1);
  std::string out;
  const int n = count(rng);
  switch (kind(rng)) {
    case 0:
      for (int k = 0; k < n; ++k) {
        std::string x = random_number(rng);
        while (x == "-") x = random_number(rng);
        out += (k ? ", " : "") + kWords[word(rng)] + " " + x;
      }
      return out;
    case 1:
      for (int k = 0; k < n; ++k) out += (k ? ", " : "") + kWords[word(rng)] + "=" + random_number(rng);
      return out;
    case 2:
      out = "P20_0" + std::to_string(n);
      for (int k = 0; k < 3 * n; ++k) out += " " + std::string(k % 2 ? "the" : "security");
      return out;
    default: return kWords[word(rng)];
  }
}

// The tokens of a cell that are numbers ("+0.023" of "RU +0.023,", "600000" of "army_cap=600000").
std::vector<std::string> numbers_in(const std::string& cell) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  for (std::string token; in >> token;) {
    while (!token.empty() && token.back() == ',') token.pop_back();
    if (const std::size_t eq = token.rfind('='); eq != std::string::npos) token = token.substr(eq + 1);
    std::string ascii = token;
    for (std::size_t at = ascii.find("–"); at != std::string::npos; at = ascii.find("–")) ascii.replace(at, 3, "/");
    if (ascii.find_first_of("0123456789") != std::string::npos &&
        ascii.find_first_not_of("0123456789.+-%/") == std::string::npos)
      out.push_back(token);
  }
  return out;
}

Table random_table(std::mt19937& rng) {
  std::uniform_int_distribution<int> ncols(2, 7), nrows(1, 8), coin(0, 2);
  Table t;
  const int cols = ncols(rng);
  std::vector<bool> numeric;
  for (int c = 0; c < cols; ++c) {
    numeric.push_back(coin(rng) != 0);
    t.header.push_back(numeric.back() ? "value " + std::to_string(c) : "text" + std::to_string(c));
    t.right_align.push_back(numeric.back());
  }
  const int rows = nrows(rng);
  for (int r = 0; r < rows; ++r) {
    std::vector<std::string> row;
    for (int c = 0; c < cols; ++c) row.push_back(numeric[c] ? random_number(rng) : random_text(rng));
    t.rows.push_back(std::move(row));
  }
  return t;
}

TEST(TableWidth, NoNumberIsEverCutAtAnyWidth) {
  std::mt19937 rng(16);
  for (int trial = 0; trial < 300; ++trial) {
    const Table t = random_table(rng);
    for (const std::size_t width : {std::size_t{40}, std::size_t{60}, std::size_t{100}, kUnlimitedWidth}) {
      const std::string out = t.render(Style::text, width);
      const std::vector<std::string> lines = lines_of(out);
      for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
          const bool prose = row[c].rfind("P20_0", 0) == 0;
          if (t.right_align[c]) {
            // A numeric column never narrows: the whole cell is on one line.
            EXPECT_NE(out.find(row[c]), std::string::npos) << "cut number " << row[c] << " at width " << width << "\n" << out;
          } else if (!prose) {
            for (const std::string& n : numbers_in(row[c])) {
              const bool whole = std::any_of(lines.begin(), lines.end(),
                                             [&](const std::string& l) { return l.find(n) != std::string::npos; });
              EXPECT_TRUE(whole) << "number " << n << " of `" << row[c] << "` cut at width " << width << "\n" << out;
            }
          }
        }
      }
      if (width == kUnlimitedWidth) {
        EXPECT_EQ(out.find("…"), std::string::npos) << out;
        EXPECT_EQ(lines.size(), t.rows.size() + 2) << "one line per row with no width limit\n" << out;
      }
    }
  }
}

TEST(TableWidth, FitsTheWidthWhenTheNumbersDo) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const Table t = random_table(rng);
    // The narrowest the table can be: numeric columns whole, text columns down to 8 columns
    // (or their widest number), two spaces between columns.
    std::size_t narrowest = 2 * (t.header.size() - 1);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      std::size_t w = t.right_align[c] ? display_width(t.header[c]) : 0, natural = display_width(t.header[c]);
      for (const auto& row : t.rows) {
        natural = std::max(natural, display_width(row[c]));
        if (t.right_align[c]) w = std::max(w, display_width(row[c]));
        else
          for (const std::string& n : numbers_in(row[c])) w = std::max(w, display_width(n) + 1);
      }
      narrowest += std::max(w, std::min<std::size_t>(natural, 8));
    }
    for (const std::size_t width : {std::size_t{40}, std::size_t{60}, std::size_t{100}}) {
      const std::string out = t.render(Style::text, width);
      EXPECT_LE(widest_line(out), std::max(width, narrowest)) << "width " << width << "\n" << out;
    }
  }
}

TEST(TableWidth, AFittingTableIsUnchanged) {
  Table t{{"party", "utility", "verdict"}, {{"UA", "0.669–0.974", "open"}, {"RU", "0.271", "unacceptable"}}, {false, true, false}};
  EXPECT_EQ(t.render(Style::text, 100), t.render(Style::text, kUnlimitedWidth));
  EXPECT_EQ(t.render(Style::text, 100),
            "party      utility  verdict\n"
            "-----  -----------  ------------\n"
            "UA     0.669–0.974  open\n"
            "RU           0.271  unacceptable\n");
}

TEST(TableWidth, ListsWrapAndProseIsCutAtAWord) {
  Table t{{"party", "red lines crossed"},
          {{"RU", "territory_donbas, territory_recognition, security_guarantees, army_cap"}},
          {false, false}};
  const std::string out = t.render(Style::text, 40, 1);
  EXPECT_LE(widest_line(out), 40u) << out;
  EXPECT_EQ(out.find("…"), std::string::npos) << out;
  for (const char* id : {"territory_donbas,", "territory_recognition,", "security_guarantees,", "army_cap"})
    EXPECT_NE(out.find(id), std::string::npos) << id << "\n" << out;

  Table p{{"#", "point"}, {{"1", "P20_01 Ukraine's sovereignty is reaffirmed by all of the signatories"}}, {true, false}};
  const std::string cut_out = p.render(Style::text, 30, 1);
  EXPECT_NE(cut_out.find("P20_01 Ukraine's sovereign…"), std::string::npos) << cut_out;
  // A cut never splits a word holding a digit: the number goes whole to the next word boundary.
  Table n{{"#", "point"}, {{"1", "P20_02 The army is capped at 800,000 in peacetime by the treaty"}}, {true, false}};
  const std::string number_out = n.render(Style::text, 38, 1);
  EXPECT_NE(number_out.find("P20_02 The army is capped at …"), std::string::npos) << number_out;
}

TEST(TableWidth, SharedPrefixHeadersBecomeShortUniqueNamesWithALegend) {
  Table t;
  t.header = {"solution"};
  for (int k = 1; k <= 5; ++k) t.header.push_back("KillerRobot_util" + std::to_string(k));
  t.header.push_back("package");
  t.right_align = {false, true, true, true, true, true, false};
  t.rows.push_back({"Nash", "0.837", "0.762", "0.921", "0.584", "0.596",
                    "Torso=Humanoid, Propulsion=Tracks, Guns=9, GunType=Bullets, Color=Black, Height=25"});
  const std::string out = t.render(Style::text, 100, 6);
  const std::vector<std::string> lines = lines_of(out);
  ASSERT_FALSE(lines.empty());
  for (int k = 1; k <= 5; ++k) {
    const std::string id = "KR_util" + std::to_string(k);
    EXPECT_NE(lines[0].find(id), std::string::npos) << out;
    EXPECT_NE(out.find(id + " = KillerRobot_util" + std::to_string(k)), std::string::npos) << out;
  }
  EXPECT_EQ(out.find("…"), std::string::npos) << out;
  EXPECT_NE(out.find("Torso=Humanoid,"), std::string::npos) << out;
  EXPECT_LE(widest_line(out), 100u) << out;
  // With room for every header, nothing is abbreviated.
  EXPECT_EQ(t.render(Style::text, kUnlimitedWidth).find("KR_"), std::string::npos);
}

TEST(TableWidth, AbbreviateKeepsTheTextBeforeTheSharedId) {
  EXPECT_EQ(abbreviate({"U KillerRobot_util1", "U KillerRobot_util2"}),
            (std::vector<std::string>{"U KR_util1", "U KR_util2"}));
  EXPECT_EQ(abbreviate({"Party1", "Party2"}), (std::vector<std::string>{"P_1", "P_2"}));
  EXPECT_TRUE(abbreviate({"UA", "RU"}).empty());
  EXPECT_TRUE(abbreviate({"KillerRobot_util1"}).empty());
}

TEST(TableWidth, ProcessWideWidthIsTheDefault) {
  const std::size_t before = text_width();
  EXPECT_EQ(before, 100u);
  set_text_width(30);
  EXPECT_LE(widest_line(wrap("one two three four five six seven eight nine ten eleven twelve")), 30u);
  set_text_width(kUnlimitedWidth);
  EXPECT_EQ(lines_of(wrap("one two three four five six seven eight nine ten eleven twelve")).size(), 1u);
  set_text_width(before);
}

}  // namespace
}  // namespace accord::report

#pragma once
// The ANAC domains under ../shared/data/genius-anac used by the tests.
#include <string>
#include <vector>

namespace accord::testing {

struct AnacCase {
  std::string folder;
  std::string domain_file;
  std::vector<std::string> profile_files;
  [[nodiscard]] std::string domain(const std::string& root) const { return root + "/" + folder + "/" + domain_file; }
  [[nodiscard]] std::vector<std::string> profiles(const std::string& root) const {
    std::vector<std::string> out;
    for (const auto& p : profile_files) out.push_back(root + "/" + folder + "/" + p);
    return out;
  }
};

inline std::vector<AnacCase> anac_cases() {
  return {
      {"y2011/Laptop", "laptop_domain.xml", {"laptop_buyer_utility.xml", "laptop_seller_utility.xml"}},
      {"y2010/ItexvsCypress", "ItexvsCypress_domain.xml", {"ItexvsCypress_Itex.xml", "ItexvsCypress_Cypress.xml"}},
      {"y2010/EnglandZimbabwe", "EnglandZimbabwe_domain.xml", {"England.xml", "Zimbabwe.xml"}},
      {"y2012/ItexvsCypressA", "ItexvsCypress-A-domain.xml", {"ItexvsCypress-A-prof1.xml", "ItexvsCypress-A-prof2.xml"}},
      {"y2011/Grocery", "Grocery_domain.xml", {"Grocery_domain_sam.xml", "Grocery_domain_mary.xml"}},
      {"y2013/Lunch", "Lunch.xml", {"Lunch_util1.xml", "Lunch_util2.xml"}},
      {"y2016/Atlas3", "triangularFight.xml", {"triangularFight_util1.xml", "triangularFight_util2.xml", "triangularFight_util3.xml"}},
      {"y2015/group2-politics", "Politics.xml", {"Politics_util1.xml", "Politics_util2.xml", "Politics_util3.xml"}},
      {"y2015/group9-killer_robot", "KillerRobot.xml",
       {"KillerRobot_util1.xml", "KillerRobot_util2.xml", "KillerRobot_util3.xml", "KillerRobot_util4.xml", "KillerRobot_util5.xml"}},
      {"y2014/10issues", "10issues-domain.xml", {"profile-1.xml", "profile-2.xml"}},
  };
}

}  // namespace accord::testing

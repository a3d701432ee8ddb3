// `accord round`: the full loop on a database (open, answer as two parties, close, publish,
// open the next round), clear errors, and --json documents that match the API's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

struct Db {
  std::string dir, db;
  explicit Db(const std::string& name) {
    dir = std::string(::testing::TempDir()) + "accord_roundcli_" + name + "_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = dir + "/t.db";
    EXPECT_EQ(run_cli("db init --db " + db).exit_code, 0);
    EXPECT_EQ(run_cli("db import geneva-2025 --db " + db).exit_code, 0);
  }
  [[nodiscard]] test::CommandResult run(const std::string& args) const {
    return run_cli("round " + args + " --db " + db);
  }
};

nlohmann::json parse(const test::CommandResult& r) { return nlohmann::json::parse(r.out, nullptr, false); }

TEST(RoundCli, FullLoopOpenAnswerClosePublishOpenNext) {
  const Db d("loop");
  const auto opened = d.run("open geneva-2025 v20 --parties UA,RU --json");
  ASSERT_EQ(opened.exit_code, 0) << opened.err;
  EXPECT_EQ(parse(opened)["round"], 1);
  EXPECT_EQ(parse(opened)["parties"], nlohmann::json::array({"UA", "RU"}));
  // Two parties answer (demo answers); UA revises one.
  ASSERT_EQ(d.run("answer geneva-2025 1 UA P20_04 conditional --note 'demo: with guarantees' --acceptable army_cap=800,850").exit_code, 0);
  ASSERT_EQ(d.run("answer geneva-2025 1 UA P20_04 accept --note 'demo: revised'").exit_code, 0);
  std::ofstream(d.dir + "/ru.json") << R"({"responses": {"P20_04": {"stance": "reject", "acceptable": {"army_cap": [600]}}, "P20_05": {"stance": "reject", "amendment": "demo wording"}}})";
  const auto ru = d.run("answer geneva-2025 1 RU --file " + d.dir + "/ru.json --json");
  ASSERT_EQ(ru.exit_code, 0) << ru.err;
  EXPECT_EQ(parse(ru)["written"], 2);
  const auto history = d.run("show geneva-2025 1 --party UA --json");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_EQ(parse(history)["history"]["UA"].size(), 2u);
  EXPECT_EQ(parse(history)["responses"]["UA"]["P20_04"]["stance"], "accept");
  const auto closed = d.run("close geneva-2025 1 --json");
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const auto summary = parse(closed);
  EXPECT_EQ(summary["convergence"]["blocked_by"]["RU"], nlohmann::json::array({"P20_04", "P20_05"}));
  EXPECT_EQ(summary["points"][3]["accept"], nlohmann::json::array({"UA"}));
  EXPECT_EQ(summary["points"][3]["reject"], nlohmann::json::array({"RU"}));
  EXPECT_FALSE(summary["suggestions"]["suggestions"].empty());
  const auto late = d.run("answer geneva-2025 1 RU P20_04 accept");
  EXPECT_EQ(late.exit_code, 2);
  EXPECT_NE(late.err.find("round 1 is closed"), std::string::npos) << late.err;
  std::ofstream(d.dir + "/edits.json") << R"J({"amend": {"P20_04": {"text": "Armed Forces of Ukraine capped as the engine suggests (demo)"}}, "add": [{"text": "Demo: joint monitoring commission", "after": "P20_05"}]})J";
  // Suggestion 0 is the repair of RU's rejection of P20_04: adopted, it sets the point's army cap.
  const auto& first = summary["suggestions"]["suggestions"][0];
  ASSERT_EQ(first["point"], "P20_04") << first;
  const auto no_such = d.run("publish geneva-2025 1 --version v21 --adopt 99");
  EXPECT_EQ(no_such.exit_code, 2);
  EXPECT_NE(no_such.err.find("no suggestion 99"), std::string::npos) << no_such.err;
  const auto published = d.run("publish geneva-2025 1 --version v21 --label 'Round 1 text (demo)' --drop P20_20 --adopt 0 --edits " +
                               d.dir + "/edits.json --json");
  ASSERT_EQ(published.exit_code, 0) << published.err;
  const auto pub = parse(published);
  EXPECT_EQ(pub["counts"]["amended"], 1);
  EXPECT_EQ(pub["counts"]["dropped"], 1);
  EXPECT_EQ(pub["counts"]["added"], 1);
  EXPECT_EQ(pub["version"]["points"].size(), 20u);
  EXPECT_EQ(pub["version"]["points"][3]["from"], nlohmann::json::array({"P20_04"}));
  EXPECT_EQ(pub["version"]["points"][3]["sets"]["army_cap"], first["edits"][0]["to"]);
  EXPECT_EQ(pub["version"]["points"][3]["text"], "Armed Forces of Ukraine capped as the engine suggests (demo)");
  // The published version is a real version: the diff engine reads its `from:` links.
  const auto exported = run_cli("db export geneva-2025 --db " + d.db + " -o " + d.dir + "/after.yaml");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const auto diffed = run_cli("diff " + d.dir + "/after.yaml v20 v21 --json");
  ASSERT_EQ(diffed.exit_code, 0) << diffed.err;
  EXPECT_EQ(parse(diffed)["counts"]["amended"], 1);
  EXPECT_EQ(parse(diffed)["counts"]["added"], 1);
  EXPECT_EQ(parse(diffed)["counts"]["dropped"], 1);
  const auto next = d.run("open geneva-2025 v21 --json");
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(parse(next)["round"], 2);
  const auto listed = d.run("show geneva-2025 --json");
  ASSERT_EQ(listed.exit_code, 0);
  ASSERT_EQ(parse(listed)["rounds"].size(), 2u);
  EXPECT_EQ(parse(listed)["rounds"][0]["published_version"], "v21");
  const auto text = d.run("show geneva-2025");
  EXPECT_NE(text.out.find("v21"), std::string::npos) << text.out;
}

TEST(RoundCli, ClearErrors) {
  const Db d("errors");
  EXPECT_NE(d.run("open geneva-2025 v99").err.find("no version `v99`"), std::string::npos);
  EXPECT_NE(d.run("open geneva-2025 v20 --parties UA,XX").err.find("no party `XX`"), std::string::npos);
  ASSERT_EQ(d.run("open geneva-2025 v20").exit_code, 0);
  auto r = d.run("answer geneva-2025 1 UA P99_01 accept");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no point `P99_01`"), std::string::npos) << r.err;
  r = d.run("answer geneva-2025 1 EU P20_01 accept");
  EXPECT_NE(r.err.find("not addressed in round 1"), std::string::npos) << r.err;
  r = d.run("answer geneva-2025 1 UA P20_04 reject --acceptable army_cap=lots");
  EXPECT_NE(r.err.find("not a number"), std::string::npos) << r.err;
  r = d.run("answer geneva-2025 1 UA P20_01 reject --acceptable army_cap=800");
  EXPECT_NE(r.err.find("does not settle issue `army_cap`"), std::string::npos) << r.err;
  r = d.run("answer geneva-2025 7 UA P20_01 accept");
  EXPECT_NE(r.err.find("no round 7"), std::string::npos) << r.err;
  r = d.run("publish geneva-2025 1 --version v21");
  EXPECT_NE(r.err.find("close it before publishing"), std::string::npos) << r.err;
  // The circulated version is frozen: re-importing a changed v20 is refused.
  const auto exported = run_cli("db export geneva-2025 --db " + d.db + " -o " + d.dir + "/x.yaml");
  ASSERT_EQ(exported.exit_code, 0);
  std::string text = test::read_text(d.dir + "/x.yaml");
  const std::string from = "Armed Forces of Ukraine remain at 800,000 in peacetime";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "Armed Forces of Ukraine remain at 600,000 in peacetime");
  std::ofstream(d.dir + "/x.yaml") << text;
  r = run_cli("db import " + d.dir + "/x.yaml --db " + d.db);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("changes point `P20_04`: version `v20` was circulated in round 1 and is frozen"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace accord

// accord export csv|docx and accord import csv from the command line, and the .docx opened by
// LibreOffice (soffice) with its tracked changes intact. LibreOffice and docx2txt are required
// (scripts/install-deps.sh): when missing these tests fail, they never skip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "accord/io/builtin.hpp"
#include "accord/io/docx.hpp"
#include "accord/io/scenario_io.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("accord_export_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs a shell command, returning its exit code and standard output.
test::CommandResult shell(const std::string& cmd) {
  test::CommandResult r;
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool have_tool(const std::string& name) { return shell("command -v " + name).exit_code == 0; }

TEST(ExportCli, CsvRoundTripThroughTheCommandLine) {
  const fs::path dir = fresh_dir("csv");
  const std::string csv = (dir / "v20.csv").string(), out = (dir / "out.yaml").string();
  auto r = test::run_cli("export csv geneva-2025 --version v20 -o " + csv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = test::run_cli("import csv geneva-2025 " + csv + " -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("80 stances imported"), std::string::npos) << r.err;
  const io::LoadResult back = io::load_scenario_file(out);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(*back.scenario == *io::load_scenario("geneva-2025").scenario);
}

TEST(ExportCli, ImportCsvErrorsAreExit2WithFileLineColumn) {
  const fs::path dir = fresh_dir("bad");
  const std::string csv = (dir / "bad.csv").string();
  {
    std::FILE* f = std::fopen(csv.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("point,UA,RU\nP20_01,accept,rejct\n", f);
    std::fclose(f);
  }
  const auto r = test::run_cli("import csv geneva-2025 " + csv + " --version v20 -o " + (dir / "o.yaml").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.csv:2:15: error: column RU: unknown stance `rejct`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean `reject`?"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "o.yaml"));
}

TEST(ExportCli, DocxUnknownVersionIsExit2WithSuggestion) {
  const auto r = test::run_cli("export docx geneva-2025 --version v20 --against v200 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v200`; did you mean `v20`?"), std::string::npos) << r.err;
}

// The .docx opens in LibreOffice: it converts to PDF, and saved again as .docx by LibreOffice
// it still carries our insertions and deletions (author Accord); docx2txt shows the new text.
TEST(ExportCli, DocxOpensInLibreOfficeWithTrackedChanges) {
  ASSERT_TRUE(have_tool("soffice")) << "soffice not found: install libreoffice-writer-nogui (scripts/install-deps.sh)";
  ASSERT_TRUE(have_tool("docx2txt")) << "docx2txt not found: install docx2txt (scripts/install-deps.sh)";
  const fs::path dir = fresh_dir("docx");
  const std::string docx = (dir / "v20.docx").string();
  auto r = test::run_cli("export docx geneva-2025 --version v20 -o " + docx);
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // LibreOffice wants a writable HOME and its own profile, so parallel tests do not collide.
  const std::string env = "HOME=" + (dir / "home").string() + " ";
  const std::string profile = " -env:UserInstallation=file://" + (dir / "profile").string();
  r = shell(env + "soffice --headless" + profile + " --convert-to pdf --outdir " + (dir / "pdf").string() + " " + docx);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string pdf = test::read_text((dir / "pdf" / "v20.pdf").string());
  ASSERT_GT(pdf.size(), 1000u) << r.out;
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");

  r = shell(env + "soffice --headless" + profile + " --convert-to 'docx:MS Word 2007 XML' --outdir " +
            (dir / "lo").string() + " " + docx);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto xml = io::read_zip_entry(test::read_text((dir / "lo" / "v20.docx").string()), "word/document.xml");
  ASSERT_TRUE(xml.has_value()) << r.out;
  EXPECT_NE(xml->find("<w:ins w:id="), std::string::npos);
  EXPECT_NE(xml->find("<w:del w:id="), std::string::npos);
  EXPECT_NE(xml->find("w:author=\"Accord\""), std::string::npos);
  EXPECT_NE(xml->find("reliable</w:delText>"), std::string::npos);   // P20_03: reliable -> strong
  EXPECT_NE(xml->find("[P19_03]"), std::string::npos);               // the dropped point, deleted

  r = shell("docx2txt " + docx + " -");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("reaffirmed by all signatories"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n3. [P20_03] Ukraine receives strong security guarantees\n"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace accord

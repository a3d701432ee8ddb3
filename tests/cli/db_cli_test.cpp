// Issue 10 items 6 (CLI half), 9–13 through the `accord` binary: stale imports, exports that
// never overwrite the database, UTF-8 at every flag, atomic output files, token party checks.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "accord/io/atomic_file.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

using test::read_text;
using test::run_cli;

// A fresh directory per test, with a database holding example-small.
struct Fixture {
  std::string dir, db;
  explicit Fixture(const std::string& name) {
    dir = std::string(::testing::TempDir()) + "accord_dbcli_" + name + "_" + std::to_string(::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = dir + "/t.db";
    EXPECT_EQ(run_cli("db init --db " + db).exit_code, 0);
    EXPECT_EQ(run_cli("db import " + test::source_path("scenarios/example-small.yaml") + " --db " + db).exit_code, 0);
  }
  [[nodiscard]] std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// --- item 9 ---------------------------------------------------------------------------------

TEST(DbImport, StaleExportIsRefusedNamingItsRevisionAndWhatItWouldRevert) {
  Fixture f("stale");
  const std::string out = f.dir + "/export.yaml";
  ASSERT_EQ(run_cli("db export example-small --db " + f.db + " -o " + out).exit_code, 0);
  EXPECT_EQ(read_text(out).rfind("# accord db export: scenario example-small revision 1\n", 0), 0u);
  ASSERT_EQ(run_cli("stance set --db " + f.db + " example-small d2 A D2_1 reject --note later").exit_code, 0);
  ASSERT_EQ(
      run_cli("event add --db " + f.db + " example-small --date 2025-03-01 --kind talks --text 'later talks'").exit_code,
      0);

  const auto r = run_cli("db import " + out + " --db " + f.db);
  EXPECT_EQ(r.exit_code, 2);
  for (const char* part : {"stale import refused", "revision 3", "exported at revision 1",
                           "stance d2 A D2_1: reject -> accept", "event removed: 2025-03-01 talks \"later talks\"",
                           "--force", "--dry-run"})
    EXPECT_NE(r.err.find(part), std::string::npos) << part << "\n" << r.err;
  EXPECT_NE(run_cli("db list --db " + f.db).out.find("revision 3"), std::string::npos);

  const auto dry = run_cli("db import " + out + " --db " + f.db + " --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: importing would update example-small at revision 4"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("event removed: 2025-03-01 talks \"later talks\""), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("without --force the import is refused"), std::string::npos) << dry.out;
  EXPECT_NE(run_cli("db list --db " + f.db).out.find("revision 3"), std::string::npos);

  // An explicit base revision works for files without the header (e.g. JSON).
  EXPECT_EQ(run_cli("db import " + test::source_path("scenarios/example-small.yaml") + " --db " + f.db +
                    " --base-revision 2")
                .exit_code,
            2);
  EXPECT_EQ(run_cli("db import " + out + " --db " + f.db + " --base-revision 3").exit_code, 0);
  ASSERT_EQ(run_cli("stance set --db " + f.db + " example-small d2 A D2_1 reject").exit_code, 0);
  const auto forced = run_cli("db import " + out + " --db " + f.db + " --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(forced.out.find("updated example-small at revision 6"), std::string::npos) << forced.out;
}

// JSON has no comments: its first key `export` carries the revision, and import reads it.
TEST(DbImport, StaleJsonExportIsRefusedByItsExportKey) {
  Fixture f("stalejson");
  const std::string out = f.dir + "/export.json";
  ASSERT_EQ(run_cli("db export example-small --db " + f.db + " -o " + out).exit_code, 0);
  EXPECT_EQ(read_text(out).rfind("{\n  \"export\": {\n    \"scenario\": \"example-small\",\n    \"revision\": 1\n  },", 0), 0u)
      << read_text(out).substr(0, 120);
  EXPECT_EQ(run_cli("validate " + out).exit_code, 0) << "the export key is part of the format";
  ASSERT_EQ(run_cli("stance set --db " + f.db + " example-small d2 A D2_1 reject --note later").exit_code, 0);
  const auto r = run_cli("db import " + out + " --db " + f.db);
  EXPECT_EQ(r.exit_code, 2);
  for (const char* part : {"stale import refused", "exported at revision 1", "stance d2 A D2_1: reject -> accept"})
    EXPECT_NE(r.err.find(part), std::string::npos) << part << "\n" << r.err;
  // An export may replace an earlier JSON export without --force; the new one names revision 2.
  ASSERT_EQ(run_cli("db export example-small --db " + f.db + " -o " + out).exit_code, 0);
  EXPECT_NE(read_text(out).find("\"revision\": 2"), std::string::npos);
  EXPECT_EQ(run_cli("db import " + out + " --db " + f.db).exit_code, 0);
  // A malformed mark is a diagnostic naming the field.
  const std::string bad = f.dir + "/bad.json";
  std::string text = read_text(out);
  text.replace(text.find("\"revision\": 2"), 14, "\"revision\": 0");
  write_file(bad, text);
  const auto v = run_cli("validate " + bad);
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("export.revision"), std::string::npos) << v.err;
}

// --- item 10 --------------------------------------------------------------------------------

TEST(DbExport, NeverOverwritesTheDatabaseOrAFileItDidNotWrite) {
  Fixture f("overwrite");
  ASSERT_EQ(run_cli("token create --db " + f.db + " --role mediator --name m").exit_code, 0);
  const std::string db_bytes = read_text(f.db);
  for (const std::string& target : {f.db, f.db + "-wal"}) {
    if (!std::filesystem::exists(target)) continue;
    for (const char* force : {"", " --force"}) {
      const auto r = run_cli("db export example-small --db " + f.db + " -o " + target + force);
      EXPECT_EQ(r.exit_code, 2) << target << force;
      EXPECT_NE(r.err.find("over the database"), std::string::npos) << r.err;
    }
  }
  // Through another name for the same file (a hard link) too.
  ASSERT_EQ(::link(f.db.c_str(), (f.dir + "/alias.yaml").c_str()), 0);
  EXPECT_EQ(run_cli("db export example-small --db " + f.db + " -o " + f.dir + "/alias.yaml --force").exit_code, 2);
  EXPECT_EQ(read_text(f.db), db_bytes);
  EXPECT_NE(run_cli("token list --db " + f.db).out.find("m\tmediator"), std::string::npos);

  const std::string notes = f.dir + "/notes.yaml";
  write_file(notes, "my own notes\n");
  const auto r = run_cli("db export example-small --db " + f.db + " -o " + notes);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not an earlier `accord db export` output"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(notes), "my own notes\n");
  EXPECT_EQ(run_cli("db export example-small --db " + f.db + " -o " + notes + " --force").exit_code, 0);
  // A previous export is replaced without --force.
  ASSERT_EQ(run_cli("stance set --db " + f.db + " example-small d2 A D2_1 reject").exit_code, 0);
  EXPECT_EQ(run_cli("db export example-small --db " + f.db + " -o " + notes).exit_code, 0);
  EXPECT_EQ(read_text(notes).rfind("# accord db export: scenario example-small revision 2\n", 0), 0u);
}

// --- item 11 --------------------------------------------------------------------------------

TEST(DbCliUtf8, InvalidUtf8IsRefusedNamingTheFlag) {
  Fixture f("utf8");
  const std::string bad = "$'bad\\xff'";
  const struct {
    std::string args, flag;
  } cases[] = {
      {"stance set --db " + f.db + " example-small d2 A D2_1 reject --note " + bad, "--note"},
      {"stance set --db " + f.db + " example-small d2 A D2_1 reject --by " + bad, "--by"},
      {"stance set --db " + f.db + " example-small d2 A D2_1 reject --source " + bad, "--source"},
      {"stance set --db " + f.db + " example-small d2 " + bad + " D2_1 reject", "PARTY"},
      {"event add --db " + f.db + " example-small --date 2025-03-01 --kind talks --text " + bad, "--text"},
      {"event add --db " + f.db + " example-small --date 2025-03-01 --kind talks --text ok --note " + bad, "--note"},
      {"token create --db " + f.db + " --role mediator --name " + bad, "--name"},
      {"token create --db " + f.db + " --role party --party " + bad + " --force", "--party"},
      {"db import " + test::source_path("scenarios/example-small.yaml") + " --db " + f.db + " --by " + bad, "--by"},
  };
  for (const auto& c : cases) {
    // run_cli uses popen (sh); $'…' needs bash.
    const std::string cmd = "bash -c \"" + std::string(ACCORD_CLI_PATH) + " " + c.args + "\"";
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string out;
    char buf[512];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int status = pclose(p);
    EXPECT_EQ(WEXITSTATUS(status), 2) << c.args << "\n" << out;
    EXPECT_NE(out.find(c.flag + ": not valid UTF-8"), std::string::npos) << c.args << "\n" << out;
  }
  EXPECT_NE(run_cli("db list --db " + f.db).out.find("revision 1"), std::string::npos);
  EXPECT_EQ(run_cli("token list --db " + f.db).out, "");
}

// --- item 6 (CLI half) ----------------------------------------------------------------------

TEST(TokenCreate, RefusesAPartyNoScenarioHasAndSuggestsTheClosest) {
  Fixture f("party");
  const auto r = run_cli("token create --db " + f.db + " --role party --party a");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no scenario in the database has a party `a`; did you mean `A`?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos);
  EXPECT_EQ(run_cli("token list --db " + f.db).out, "");
  EXPECT_EQ(run_cli("token create --db " + f.db + " --role party --party A").exit_code, 0);
  EXPECT_EQ(run_cli("token create --db " + f.db + " --role party --party a --force").exit_code, 0);
}

// --- item 12 --------------------------------------------------------------------------------

TEST(OutputFiles, ASymlinkAtTheOldTmpNameIsNeverFollowed) {
  Fixture f("symlink");
  const std::string out = f.dir + "/report.yaml", victim = f.dir + "/victim.txt";
  write_file(victim, "precious\n");
  ASSERT_EQ(::symlink(victim.c_str(), (out + ".tmp").c_str()), 0);
  const auto r = run_cli("convert example-small --to yaml -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_text(victim), "precious\n");
  struct stat st {};
  ASSERT_EQ(::lstat((out + ".tmp").c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  EXPECT_NE(read_text(out).find("id: example-small"), std::string::npos);
  // A symlink at the target itself is replaced, its target untouched.
  const std::string link = f.dir + "/link.yaml";
  ASSERT_EQ(::symlink(victim.c_str(), link.c_str()), 0);
  ASSERT_EQ(run_cli("convert example-small --to yaml -o " + link).exit_code, 0);
  EXPECT_EQ(read_text(victim), "precious\n");
  // No temporary file is left.
  EXPECT_EQ(f.files(), (std::vector<std::string>{"link.yaml", "report.yaml", "report.yaml.tmp", "t.db",
                                                 "victim.txt"}));
}

TEST(OutputFiles, AFullDiskLeavesNoTemporaryFileAndTheOldOutput) {
  const std::string mnt = std::string(::testing::TempDir()) + "accord_full_" + std::to_string(::getpid());
  std::filesystem::create_directories(mnt);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64k") != 0) GTEST_SKIP() << "cannot mount a tmpfs (not root?)";
  struct Unmount {
    std::string dir;
    ~Unmount() { ::umount(dir.c_str()); }
  } unmount{mnt};
  const std::string out = mnt + "/report.yaml";
  write_file(out, "old\n");
  // geneva-2025 as YAML is ~200 KB: more than the file system holds.
  const auto r = run_cli("convert geneva-2025 --to yaml -o " + out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(out), "old\n");
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(mnt)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"report.yaml"});
  // The library call says the same.
  const auto err = io::write_file_atomically(out, std::string(200000, 'x'));
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("No space left on device"), std::string::npos) << *err;
}

TEST(OutputFiles, KeepsTheModeOfTheFileItReplaces) {
  const std::string dir = std::string(::testing::TempDir()) + "accord_mode_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string out = dir + "/o.txt";
  write_file(out, "x");
  ASSERT_EQ(::chmod(out.c_str(), 0640), 0);
  ASSERT_FALSE(io::write_file_atomically(out, "new"));
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(read_text(out), "new");
  const auto err = io::write_file_atomically(dir + "/missing-dir/o.txt", "x");
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("missing-dir"), std::string::npos);
}

// --- item 13 --------------------------------------------------------------------------------

TEST(DbInit, CreatesTheDatabaseReadableByItsOwnerOnly) {
  Fixture f("mode");
  for (const char* suffix : {"", "-wal", "-shm"}) {
    struct stat st {};
    if (::stat((f.db + suffix).c_str(), &st) != 0) continue;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << suffix;
  }
}

TEST(DbReadCommands, DoNotWriteTheDatabase) {
  Fixture f("readonly");
  const std::string before = read_text(f.db);
  struct stat st0 {};
  ASSERT_EQ(::stat(f.db.c_str(), &st0), 0);
  EXPECT_EQ(run_cli("db export example-small --db " + f.db).exit_code, 0);
  EXPECT_EQ(run_cli("db list --db " + f.db).exit_code, 0);
  EXPECT_EQ(run_cli("history --db " + f.db + " example-small").exit_code, 0);
  EXPECT_EQ(run_cli("token list --db " + f.db).exit_code, 0);
  EXPECT_EQ(read_text(f.db), before);
  struct stat st1 {};
  ASSERT_EQ(::stat(f.db.c_str(), &st1), 0);
  EXPECT_EQ(st1.st_mtim.tv_sec, st0.st_mtim.tv_sec);
  EXPECT_EQ(st1.st_mtim.tv_nsec, st0.st_mtim.tv_nsec);
}

}  // namespace
}  // namespace accord

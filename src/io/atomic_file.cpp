// write_file_atomically: temporary file + fsync + rename + directory fsync.
#include "accord/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace accord::io {
namespace {

std::string random_suffix() {
  unsigned char bytes[8] = {};
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // fall back to what we have; O_EXCL still guarantees a fresh file
    got += static_cast<std::size_t>(n);
  }
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (const unsigned char b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0xf];
  }
  return out;
}

std::string failure(const std::string& what, const std::string& path, int err) {
  return "cannot " + what + " `" + path + "`: " + std::strerror(err);
}

// Closes the descriptors and removes the temporary file unless the write was committed.
struct TempFile {
  int dir = -1, fd = -1;
  std::string name;
  bool committed = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!committed && !name.empty()) ::unlinkat(dir, name.c_str(), 0);
    if (dir >= 0) ::close(dir);
  }
};

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view data) {
  const std::filesystem::path target(path);
  const std::string base = target.filename().string();
  if (base.empty() || base == "." || base == "..") return "cannot write `" + path + "`: not a file name";
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  TempFile tmp;
  tmp.dir = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (tmp.dir < 0) return failure("open the directory of", path, errno);
  // Keep the permissions of the file being replaced (a symlink is replaced, not followed).
  struct stat old {};
  const bool replacing = ::fstatat(tmp.dir, base.c_str(), &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(old.st_mode);
  // Short enough for NAME_MAX whatever the target's name.
  const std::string stem = "." + base.substr(0, 200) + ".";
  for (int attempt = 0; attempt < 16 && tmp.fd < 0; ++attempt) {
    const std::string name = stem + random_suffix() + ".tmp";
    tmp.fd = ::openat(tmp.dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (tmp.fd >= 0) tmp.name = name;
    else if (errno != EEXIST) return failure("create a temporary file for", path, errno);
  }
  if (tmp.fd < 0) return failure("create a temporary file for", path, EEXIST);
  if (replacing && ::fchmod(tmp.fd, old.st_mode & 07777) != 0) return failure("set the permissions of", path, errno);
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = ::write(tmp.fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return failure("write", path, n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(tmp.fd) != 0) return failure("write", path, errno);
  const int fd = tmp.fd;
  tmp.fd = -1;
  if (::close(fd) != 0) return failure("write", path, errno);
  if (::renameat(tmp.dir, tmp.name.c_str(), tmp.dir, base.c_str()) != 0) return failure("replace", path, errno);
  tmp.committed = true;
  // The rename is durable only once the directory is; a failure here does not undo it.
  if (::fsync(tmp.dir) != 0 && errno != EINVAL) return failure("sync the directory of", path, errno);
  return std::nullopt;
}

}  // namespace accord::io

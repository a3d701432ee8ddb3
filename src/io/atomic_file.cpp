// write_file_atomically: temporary file + fsync + rename + directory fsync.
#include "accord/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <streambuf>

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

// Writes all of `data` to `fd`; 0 or the errno of the failure.
int write_all(int fd, const char* data, std::size_t size) {
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// A stream buffer writing to a file descriptor in 64 KiB blocks; remembers the first failure.
class FdBuf final : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ == 0) error_ = write_all(fd_, pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buf_, buf_ + sizeof buf_);
    return error_ == 0;
  }
  int fd_;
  int error_ = 0;
  char buf_[1 << 16];
};

// Creates the temporary file, lets `fill` write it (0 or an errno), then commits.
std::optional<std::string> replace_with(const std::string& path, const std::function<int(int fd)>& fill) {
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
  std::string stem = ".";  // appended, not `"." + substr + "."`: GCC 12 warns (-Wrestrict) on that
  stem.append(base, 0, 200);
  stem += '.';
  for (int attempt = 0; attempt < 16 && tmp.fd < 0; ++attempt) {
    const std::string name = stem + random_suffix() + ".tmp";
    tmp.fd = ::openat(tmp.dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (tmp.fd >= 0) tmp.name = name;
    else if (errno != EEXIST) return failure("create a temporary file for", path, errno);
  }
  if (tmp.fd < 0) return failure("create a temporary file for", path, EEXIST);
  if (replacing && ::fchmod(tmp.fd, old.st_mode & 07777) != 0) return failure("set the permissions of", path, errno);
  if (const int err = fill(tmp.fd); err != 0) return failure("write", path, err);
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

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view data) {
  return replace_with(path, [&](int fd) { return write_all(fd, data.data(), data.size()); });
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<bool(std::ostream&)>& write) {
  return replace_with(path, [&](int fd) {
    FdBuf buf(fd);
    std::ostream os(&buf);
    const bool wrote = write(os);
    os.flush();
    if (buf.error() != 0) return buf.error();
    return wrote && os ? 0 : EIO;
  });
}

}  // namespace accord::io

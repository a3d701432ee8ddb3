#pragma once
// Writing a result file so that readers see the old file or the new one, never a part, and no
// temporary file is left behind (docs/cli.md "Output files").
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace accord::io {

// Replaces `path` with `data`: creates a temporary file in the same directory under a random
// name with O_CREAT|O_EXCL|O_NOFOLLOW (an existing file or symlink there is never followed or
// reused), writes, fsyncs, renames it over `path` and fsyncs the directory. An existing target
// keeps its permission bits; a new one gets 0666 minus the umask. On every failure (full disk,
// no permission, ...) the temporary file is removed and `path` is untouched. Returns nullopt on
// success, else what failed (with strerror).
[[nodiscard]] std::optional<std::string> write_file_atomically(const std::string& path, std::string_view data);
// The same for output too large to hold in memory: `write` writes the content to a stream
// (buffered straight into the temporary file) and returns false when it failed; the target is
// replaced only when `write` and every write to the file succeeded.
[[nodiscard]] std::optional<std::string> write_file_atomically(const std::string& path,
                                                               const std::function<bool(std::ostream&)>& write);

}  // namespace accord::io

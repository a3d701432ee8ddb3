#pragma once
// Token material: random secrets, SHA-256, constant-time comparison (OpenSSL).
#include <string>
#include <string_view>

namespace accord::store {

// `bytes` random bytes from the OS CSPRNG, hex-encoded.
[[nodiscard]] std::string random_hex(std::size_t bytes);
// SHA-256 of `data`, hex-encoded (64 characters).
[[nodiscard]] std::string sha256_hex(std::string_view data);
// Equality that takes the same time whatever the contents (lengths are not secret).
[[nodiscard]] bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace accord::store

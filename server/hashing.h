// BLAKE2b (libsodium) as lowercase hex: content hashes for static files, API key hashes; and
// base64url without padding (RFC 4648 §5) for what goes into URLs (OAuth secrets, signed links).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace orchard {

// `bytes` is the digest length, 16 to 64.
std::string blake2b_hex(std::string_view data, std::size_t bytes);

std::string base64url(std::string_view bytes);
// nullopt when `text` is not base64url without padding (non-zero left-over bits included).
std::optional<std::string> from_base64url(std::string_view text);

} // namespace orchard

// BLAKE2b (libsodium) as lowercase hex: content hashes for static files, API key hashes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard {

// `bytes` is the digest length, 16 to 64.
std::string blake2b_hex(std::string_view data, std::size_t bytes);

} // namespace orchard

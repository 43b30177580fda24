// gzip (zlib) both ways: compressing static files once when they are loaded and JSON answers as
// they are sent, and inflating request bodies a client sent compressed, never past a limit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orchard::http {

// level: zlib's 1 (fastest) to 9 (smallest); files loaded once take 9, answers a middle level.
std::string gzip_compress(std::string_view data, int level = 9);

// The inflated bytes of a gzip (or zlib) stream; nullopt when the data is not such a stream.
// Throws BodyTooLarge as soon as the output would pass `max_bytes`, so a small "zip bomb" costs
// at most that much memory.
struct BodyTooLarge {};
std::optional<std::string> gzip_decompress(std::string_view data, size_t max_bytes);

} // namespace orchard::http

#include "server/http/gzip.h"

#include <stdexcept>
#include <zlib.h>

namespace orchard::http {

std::string gzip_compress(std::string_view data, int level) {
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer rather than a raw zlib stream.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
    out.resize(stream.total_out);
    return out;
}

std::optional<std::string> gzip_decompress(std::string_view data, size_t max_bytes) {
    z_stream stream{};
    // windowBits 15 + 32: zlib detects a gzip or a zlib header by itself.
    if (inflateInit2(&stream, 15 + 32) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char chunk[16384];
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        const size_t produced = sizeof chunk - stream.avail_out;
        if (out.size() + produced > max_bytes) {
            inflateEnd(&stream);
            throw BodyTooLarge{};
        }
        out.append(chunk, produced);
        if (result == Z_BUF_ERROR && stream.avail_in == 0) break; // input ended early
    }
    inflateEnd(&stream);
    // Trailing bytes after the stream, or a stream cut short, are not a body we can trust.
    if (result != Z_STREAM_END || stream.avail_in != 0) return std::nullopt;
    return out;
}

} // namespace orchard::http

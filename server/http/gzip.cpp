#include "server/http/gzip.h"

#include <stdexcept>
#include <zlib.h>

namespace orchard::http {

std::string gzip_compress(std::string_view data) {
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer rather than a raw zlib stream.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK)
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

} // namespace orchard::http

#include "server/http/static_files.h"

#include "server/hashing.h"
#include "server/http/gzip.h"
#include "server/http/mime_types.h"

#include <algorithm>
#include <fstream>
#include <sodium.h>
#include <sstream>

namespace orchard::http {

namespace {

// The token index.html uses where the server writes the current asset version.
constexpr std::string_view kVersionToken = "%ORCHARD_ASSET_VERSION%";

std::string hex_hash(std::string_view data) {
    return blake2b_hex(data, 16);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// An HTTP entity tag: the content hash in quotes.
std::string quoted_tag(std::string_view hash, std::string_view suffix) {
    std::string tag;
    tag.reserve(hash.size() + suffix.size() + 2);
    tag.push_back('"');
    tag.append(hash).append(suffix);
    tag.push_back('"');
    return tag;
}

bool etag_matches(const Request& request, const std::string& etag) {
    auto if_none_match = request.header("If-None-Match");
    return if_none_match &&
           (*if_none_match == "*" || if_none_match->find(etag) != std::string::npos);
}

struct ByteRange {
    size_t first = 0;
    size_t length = 0;
};

// One `bytes=` range of a body of `size` bytes. nullopt: serve the whole body (no Range, another
// unit, a list of ranges, or a malformed header, all of which RFC 9110 allows a server to ignore).
// A range that starts past the end is unsatisfiable: length 0.
std::optional<ByteRange> single_range(const Request& request, size_t size) {
    auto header = request.header("Range");
    if (!header || !header->starts_with("bytes=")) return std::nullopt;
    const std::string_view spec = std::string_view(*header).substr(6);
    if (spec.find(',') != std::string_view::npos) return std::nullopt;
    const auto dash = spec.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto number = [](std::string_view digits) -> std::optional<size_t> {
        if (digits.empty() || digits.size() > 18) return std::nullopt;
        size_t value = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<size_t>(c - '0');
        }
        return value;
    };
    const auto first = number(spec.substr(0, dash));
    const auto last = number(spec.substr(dash + 1));
    if (!first) { // "bytes=-N": the last N bytes
        if (!last || *last == 0) return std::nullopt;
        const size_t length = std::min(*last, size);
        return ByteRange{size - length, length};
    }
    if (dash + 1 < spec.size() && (!last || *last < *first)) return std::nullopt;
    if (*first >= size) return ByteRange{*first, 0};
    const size_t end = last ? std::min(*last + 1, size) : size;
    return ByteRange{*first, end - *first};
}

} // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& root) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    StaticFiles files;
    std::string all_hashes;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        // (appended, not "/" + string: GCC 12 -Wrestrict misfires on that form at -O3)
        const auto url =
            std::string("/").append(entry.path().lexically_relative(root).generic_string());
        File file;
        file.content_type = mime_type_for(url);
        auto body = read_file(entry.path());
        all_hashes += url + hex_hash(body);
        file.body = std::make_shared<const std::string>(std::move(body));
        files.files_[url] = std::move(file);
    }
    files.asset_version_ = hex_hash(all_hashes).substr(0, 16);

    for (auto& [url, file] : files.files_) {
        if (url.ends_with(".html")) {
            // Pages name the asset version so that a new build is fetched, never a stale mix.
            std::string page = *file.body;
            for (auto at = page.find(kVersionToken); at != std::string::npos;
                 at = page.find(kVersionToken, at))
                page.replace(at, kVersionToken.size(), files.asset_version_);
            file.body = std::make_shared<const std::string>(std::move(page));
        }
        const std::string hash = hex_hash(*file.body);
        file.etag = quoted_tag(hash, "");
        if (is_compressible(file.content_type) && file.body->size() > 512) {
            auto compressed = gzip_compress(*file.body);
            if (compressed.size() < file.body->size() * 9 / 10) {
                file.gzip_body = std::make_shared<const std::string>(std::move(compressed));
                // The two encodings are different representations, so they get different tags.
                file.gzip_etag = quoted_tag(hash, "-gz");
            }
        }
    }
    return files;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
    const std::string path = request.path == "/" ? "/index.html" : request.path;
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    const File& file = it->second;

    const bool gzip = file.gzip_body && request.accepts_encoding("gzip");
    const std::string& etag = gzip ? file.gzip_etag : file.etag;

    Response response;
    response.content_type = file.content_type;
    response.set_header("ETag", etag);
    response.set_header("Vary", "Accept-Encoding");
    const bool versioned = request.query_value("v") == asset_version_;
    response.set_header("Cache-Control",
                        versioned ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag_matches(request, etag)) {
        response.status = 304;
        return response;
    }
    if (gzip) response.set_header("Content-Encoding", "gzip");
    response.set_header("Accept-Ranges", "bytes");
    const auto& body = gzip ? file.gzip_body : file.body;
    response.shared_owner = body;
    response.shared_bytes = *body;
    const size_t size = body->size();
    // A range applies to the representation chosen above (RFC 9110 §14.1.1).
    if (auto range = single_range(request, size)) {
        if (range->length == 0) {
            response.status = 416;
            response.set_header("Content-Range", "bytes */" + std::to_string(size));
            response.shared_owner.reset();
            response.shared_bytes = {};
            return response;
        }
        response.status = 206;
        response.shared_bytes = response.shared_bytes.substr(range->first, range->length);
        response.set_header("Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                                 std::to_string(range->first + range->length - 1) +
                                                 "/" + std::to_string(size));
    }
    return response;
}

} // namespace orchard::http

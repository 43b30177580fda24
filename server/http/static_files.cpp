#include "server/http/static_files.h"

#include "server/hashing.h"
#include "server/http/gzip.h"
#include "server/http/mime_types.h"

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

bool accepts_gzip(const Request& request) {
    auto accept = request.header("Accept-Encoding");
    return accept && accept->find("gzip") != std::string::npos;
}

bool etag_matches(const Request& request, const std::string& etag) {
    auto if_none_match = request.header("If-None-Match");
    return if_none_match &&
           (*if_none_match == "*" || if_none_match->find(etag) != std::string::npos);
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
        file.body = read_file(entry.path());
        all_hashes += url + hex_hash(file.body);
        files.files_[url] = std::move(file);
    }
    files.asset_version_ = hex_hash(all_hashes).substr(0, 16);

    for (auto& [url, file] : files.files_) {
        if (url.ends_with(".html")) {
            // Pages name the asset version so that a new build is fetched, never a stale mix.
            for (auto at = file.body.find(kVersionToken); at != std::string::npos;
                 at = file.body.find(kVersionToken, at))
                file.body.replace(at, kVersionToken.size(), files.asset_version_);
        }
        const std::string hash = hex_hash(file.body);
        file.etag = quoted_tag(hash, "");
        if (is_compressible(file.content_type) && file.body.size() > 512) {
            auto compressed = gzip_compress(file.body);
            if (compressed.size() < file.body.size() * 9 / 10) {
                file.gzip_body = std::move(compressed);
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

    const bool gzip = !file.gzip_body.empty() && accepts_gzip(request);
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
    response.body = gzip ? file.gzip_body : file.body;
    return response;
}

} // namespace orchard::http

// The client's files (index.html, orchard.js/.wasm/.data, web/), loaded into memory at start with
// a content hash and a gzip copy each. Assets requested with ?v=<asset version> are cached by the
// browser for a year (the version changes whenever any file changes); everything else
// revalidates with its ETag, so a browser keeps the wasm until it changes. Bodies are shared with
// each response rather than copied, and a Range request gets at most one range (RFC 9110 lets a
// server ignore the rest: many or overlapping ranges get the whole file, once).
#pragma once

#include "server/http/http_types.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace orchard::http {

class StaticFiles {
  public:
    // Loads every regular file below `root`; an absent folder serves nothing.
    static StaticFiles load(const std::filesystem::path& root);

    // nullopt when the request is not for a static file this server has.
    std::optional<Response> serve(const Request& request) const;

    const std::string& asset_version() const { return asset_version_; }
    size_t file_count() const { return files_.size(); }

  private:
    struct File {
        std::string content_type;
        std::shared_ptr<const std::string> body;
        std::shared_ptr<const std::string> gzip_body; // null when compression does not pay
        std::string etag;
        std::string gzip_etag;
    };
    std::map<std::string, File> files_; // by URL path, e.g. "/orchard.wasm"
    std::string asset_version_;
};

} // namespace orchard::http

// Short-lived signed links for downloads in the browser (docs/datasets.md): a browser follows a
// link by itself, without the session token (which must never go into a URL, where logs and
// histories keep it). The link carries what to download, who asked and until when, signed with
// HMAC-SHA-256 under a key the server keeps in its database (server_meta), so that any server of
// the same database can check it and nobody can change what it says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::api {

struct DownloadLink {
    std::string query;   // the query string of GET /api/v1/admin/export it stands for
    std::string user_id; // the admin who asked for it: the download needs them to still be one
    std::int64_t expires_ms = 0;
};

// How long a link works: long enough to start a download, too short to pass around.
inline constexpr std::int64_t kDownloadLinkLifetimeMs = 5 * 60 * 1000;

// `key_hex`: 64 hex digits.
std::string sign_download_link(const DownloadLink& link, const std::string& key_hex);
// The link's contents when its signature is right and it has not expired at `now_ms`.
std::optional<DownloadLink> verify_download_link(const std::string& token,
                                                 const std::string& key_hex, std::int64_t now_ms);

} // namespace orchard::api

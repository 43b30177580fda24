// Which other sites may show Orchard's pages in a frame (docs/embedding.md). The client is
// framed only by the origins an operator names (--embed-origin), so that no other page can lay
// it under a decoy and have people click through (clickjacking); the public widgets show nothing
// to act on and may be framed by any site.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace orchard {

// "https://example.org" or "http://127.0.0.1:8080": a scheme, a host and an optional port,
// nothing more (a path, a wildcard or a space would change what the policy says).
bool is_web_origin(std::string_view text);

// The Content-Security-Policy for a page at `path`: the public widgets (/widgets/...) anywhere,
// everything else only in the pages of `embed_origins` (none by default: not even Orchard's own,
// which never frame it).
std::string frame_policy(std::string_view path, const std::vector<std::string>& embed_origins);

} // namespace orchard

// Reading the Cookie header and writing Set-Cookie (RFC 6265). Orchard's sessions are bearer
// tokens, never cookies; cookies only tie a browser to a short-lived step, such as the OAuth
// sign-in it started.
#pragma once

#include "server/http/http_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::http {

// More Cookie bytes than this are not read: the server's header limit is the same by default, so
// this only keeps the parser bounded wherever it is called from.
constexpr size_t kMaxCookieBytes = 16 * 1024;

// The value of the cookie `name` in one Cookie header ("a=1; b=2"), or nullopt when it is not
// there or the header is longer than kMaxCookieBytes. Names compare exactly (they are
// case-sensitive); a value in double quotes is returned without them. With the name given twice
// (two paths, say), the first wins: browsers send the cookie of the longer path first.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// The same over all of a request's Cookie headers (HTTP/1.1 allows one, but nothing stops a
// client sending several), none read when together they pass kMaxCookieBytes; no Cookie header
// means no cookie.
std::optional<std::string> cookie_value(const Request& request, std::string_view name);

struct CookieAttributes {
    std::string path = "/";
    std::int64_t max_age_seconds = 0; // 0 tells the browser to forget the cookie now
    bool secure = false;              // only over https
    // Lax: sent on a top-level GET from another site (a provider redirecting back), never on a
    // cross-site form post or an embedded request.
    std::string same_site = "Lax";
};

// A Set-Cookie value; always HttpOnly, since no script of ours needs to read these cookies.
std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieAttributes& attributes);

} // namespace orchard::http

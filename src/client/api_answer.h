// How ApiClient's calls turn answers into typed results, and the pieces of their addresses:
// shared by the files that hold ApiClient's calls, not part of its interface.
#pragma once

#include "client/api_client.h"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::client {

// Turns a finished request into a typed result with `parse`, or into the error that explains it.
template <typename T, typename Parse>
inline ApiResult<T> to_result(const HttpResult& result, Parse parse) {
    if (result.status >= 200 && result.status < 300) {
        if (auto value = parse(result.body)) return std::move(*value);
        return error_from_result(result.status, result.body, /*body_unreadable=*/true);
    }
    return error_from_result(result.status, result.body, /*body_unreadable=*/false);
}

template <typename T, typename Parse>
inline std::function<void(HttpResult)> answer(Done<T> done, Parse parse) {
    return
        [done = std::move(done), parse](HttpResult result) { done(to_result<T>(result, parse)); };
}

inline std::optional<Empty> any_body(std::string_view) {
    return Empty{};
}

// Letters, digits and "-_." as they are; anything else (a search's words, "*") percent-encoded.
inline std::string encode_query_value(const std::string& value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// "&name=value" when there is a value.
inline std::string query_part(const char* name, const std::string& value) {
    return value.empty() ? "" : std::string("&") + name + "=" + encode_query_value(value);
}

} // namespace orchard::client

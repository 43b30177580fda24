// Typed reading of query-string parameters: a value that does not fit is refused with a 400
// error object naming the parameter, never read as a default in silence nor thrown as a 500.
#pragma once

#include "server/http/http_types.h"

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::api {

// A whole number in [min, max]; `fallback` when absent or empty.
std::int64_t int_query(const http::Request& request, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max);
// "true" or "false" (also 1 / 0); `fallback` when absent.
bool bool_query(const http::Request& request, const std::string& name, bool fallback);
// Text: valid UTF-8, no NUL, at most `max_bytes`; nullopt when absent.
std::optional<std::string> text_query(const http::Request& request, const std::string& name,
                                      std::size_t max_bytes = 1000);

} // namespace orchard::api

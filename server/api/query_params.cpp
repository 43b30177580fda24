#include "server/api/query_params.h"

#include "protocol/utf8.h"
#include "server/domain/domain_error.h"

#include <charconv>

namespace orchard::api {

using domain::bad_input;

std::int64_t int_query(const http::Request& request, const std::string& name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) {
    const auto text = request.query_value(name);
    if (!text || text->empty()) return fallback;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < min || value > max)
        throw bad_input(name + " must be a whole number from " + std::to_string(min) + " to " +
                        std::to_string(max) + ".");
    return value;
}

bool bool_query(const http::Request& request, const std::string& name, bool fallback) {
    const auto text = request.query_value(name);
    if (!text) return fallback;
    if (*text == "true" || *text == "1") return true;
    if (*text == "false" || *text == "0") return false;
    throw bad_input(name + " must be true or false.");
}

std::optional<std::string> text_query(const http::Request& request, const std::string& name,
                                      std::size_t max_bytes) {
    auto text = request.query_value(name);
    if (!text) return std::nullopt;
    if (text->size() > max_bytes)
        throw bad_input(name + " must be at most " + std::to_string(max_bytes) + " bytes long.");
    // A NUL would cut the text short in SQLite's full-text search; bytes that are not UTF-8
    // could not be shown back in a JSON answer.
    if (text->find('\0') != std::string::npos || !protocol::is_valid_utf8(*text))
        throw bad_input(name + " must be UTF-8 text without NUL characters.");
    return text;
}

} // namespace orchard::api

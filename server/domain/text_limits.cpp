#include "server/domain/text_limits.h"

#include "server/domain/domain_error.h"

#include <algorithm>

namespace orchard::domain {

std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string shorten(const std::string& text, std::size_t max_characters) {
    std::size_t characters = 0, keep = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (characters + 1 == max_characters) keep = i;
        if (++characters > max_characters) return text.substr(0, keep) + "\u2026";
    }
    return text;
}

void check_text_length(std::string_view text, int limit, const char* what) {
    if (text.find('\0') != std::string_view::npos)
        throw bad_input(std::string(what) + " contains a NUL character.");
    if (character_count(text) > static_cast<std::size_t>(limit))
        throw DomainError(protocol::ErrorCode::MessageTooLong,
                          std::string(what) + " is longer than " + std::to_string(limit) +
                              " characters.");
}

} // namespace orchard::domain

#include "server/domain/text_limits.h"

#include "server/domain/domain_error.h"

#include <algorithm>

namespace orchard::domain {

std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool valid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
        const unsigned char lead = byte(i);
        size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // the range of the first continuation byte
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;  // overlong
            if (lead == 0xED) high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;  // overlong
            if (lead == 0xF4) high = 0x8F; // past U+10FFFF
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        if (byte(i + 1) < low || byte(i + 1) > high) return false;
        for (size_t k = 2; k < length; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
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
    if (character_count(text) > static_cast<std::size_t>(limit))
        throw DomainError(protocol::ErrorCode::MessageTooLong,
                          std::string(what) + " is longer than " + std::to_string(limit) +
                              " characters.");
}

} // namespace orchard::domain

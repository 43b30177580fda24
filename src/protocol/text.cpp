#include "protocol/text.h"

#include "protocol/utf8.h"

namespace orchard::protocol {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        if (!is_continuation(c)) ++count;
    return count;
}

std::string trim(std::string_view text) {
    std::size_t first = 0, last = text.size();
    while (first < last && is_space(text[first]))
        ++first;
    while (last > first && is_space(text[last - 1]))
        --last;
    return std::string(text.substr(first, last - first));
}

bool has_content(std::string_view text) {
    for (char c : text)
        if (!is_space(c)) return true;
    return false;
}

std::string shorten(std::string_view text, std::size_t max_characters) {
    std::size_t characters = 0, keep = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(text[i])) continue;
        if (characters + 1 == max_characters) keep = i;
        if (++characters > max_characters) return std::string(text.substr(0, keep)) + "\u2026";
    }
    return std::string(text);
}

std::string excerpt(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    return std::string(utf8_prefix(text, max_bytes)) + "\u2026";
}

} // namespace orchard::protocol

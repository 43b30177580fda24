#include "server/domain/text_limits.h"

#include "server/domain/domain_error.h"

#include <algorithm>

namespace orchard::domain {

std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void check_text_length(std::string_view text, int limit, const char* what) {
    if (character_count(text) > static_cast<std::size_t>(limit))
        throw DomainError(protocol::ErrorCode::MessageTooLong,
                          std::string(what) + " is longer than " + std::to_string(limit) +
                              " characters.");
}

} // namespace orchard::domain

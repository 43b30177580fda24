#include "server/domain/text_limits.h"

#include "server/domain/domain_error.h"

#include "protocol/text.h"

namespace orchard::domain {

void check_text_length(std::string_view text, int limit, const char* what) {
    if (text.find('\0') != std::string_view::npos)
        throw bad_input(std::string(what) + " contains a NUL character.");
    if (protocol::character_count(text) > static_cast<std::size_t>(limit))
        throw DomainError(protocol::ErrorCode::MessageTooLong,
                          std::string(what) + " is longer than " + std::to_string(limit) +
                              " characters.");
}

} // namespace orchard::domain

#include "server/domain/time_cursor.h"

#include "server/domain/domain_error.h"

#include <charconv>

namespace orchard::domain {

std::string format_time_cursor(std::int64_t created_ms, std::int64_t id) {
    return std::to_string(created_ms) + "." + std::to_string(id);
}

std::optional<TimeCursor> parse_time_cursor(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto dot = text.find('.');
    std::int64_t created = 0;
    std::int64_t id = 0;
    const bool ok = dot != std::string::npos &&
                    std::from_chars(begin, begin + dot, created).ptr == begin + dot &&
                    std::from_chars(begin + dot + 1, end, id).ptr == end;
    if (!ok)
        throw DomainError(protocol::ErrorCode::InvalidCursor,
                          "The cursor '" + text + "' is not one this server gave.");
    return TimeCursor{created, id};
}

} // namespace orchard::domain

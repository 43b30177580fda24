// The cursors of Orchard's keyset pages ordered by time: "<created_ms>.<id>", the place of the
// last row shown. Opaque to clients, exact for the keyset (ties in time are told apart by id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace orchard::domain {

using TimeCursor = std::pair<std::int64_t, std::int64_t>; // created_ms, id

std::string format_time_cursor(std::int64_t created_ms, std::int64_t id);
// nullopt for "" (the first page); DomainError 101 for anything this server did not give.
std::optional<TimeCursor> parse_time_cursor(const std::string& text);

} // namespace orchard::domain

// Random UUIDs (version 4) for every id Orchard creates, and the clock in milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::domain {

std::string new_uuid();
std::int64_t now_ms();
// ISO 8601 UTC with milliseconds, e.g. "2026-11-26T08:30:00.123Z".
std::string iso8601(std::int64_t ms);
// "2026-11-26", "2026-11-26T08:30Z", "2026-11-26T08:30:00Z" or with ".123" (1 to 9 digits, kept
// to the millisecond) and/or "+00:00" (UTC only) as milliseconds; nullopt for anything else.
std::optional<std::int64_t> parse_iso8601(const std::string& text);

} // namespace orchard::domain

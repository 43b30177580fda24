// Random UUIDs (version 4) for every id Orchard creates, and the clock in milliseconds.
#pragma once

#include <cstdint>
#include <string>

namespace orchard::domain {

std::string new_uuid();
std::int64_t now_ms();
// ISO 8601 UTC with milliseconds, e.g. "2026-11-26T08:30:00.123Z".
std::string iso8601(std::int64_t ms);

} // namespace orchard::domain

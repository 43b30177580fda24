// Non-throwing reads of JSON fields. The browser build has exceptions off, so protocol parsing
// checks every type itself and reports a missing or mistyped field instead of aborting.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::protocol {

// Parses text into JSON; nullopt when it is not valid JSON.
std::optional<nlohmann::json> parse_json(std::string_view text);

std::optional<std::string> read_string(const nlohmann::json& object, const char* key);
std::optional<long long> read_integer(const nlohmann::json& object, const char* key);

} // namespace orchard::protocol

// Non-throwing reads of JSON fields. The browser build has exceptions off, so protocol parsing
// checks every type itself and reports a missing or mistyped field instead of aborting.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

// Parses text into JSON; nullopt when it is not valid JSON.
std::optional<nlohmann::json> parse_json(std::string_view text);

std::optional<std::string> read_string(const nlohmann::json& object, const char* key);
std::optional<long long> read_integer(const nlohmann::json& object, const char* key);
std::optional<double> read_number(const nlohmann::json& object, const char* key);
std::optional<bool> read_bool(const nlohmann::json& object, const char* key);
// The strings of an array field; absent or mistyped entries are skipped, a missing field is empty.
std::vector<std::string> read_string_list(const nlohmann::json& object, const char* key);

} // namespace orchard::protocol

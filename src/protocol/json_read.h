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

// Parses text that must be a JSON object; nullopt when it is not valid JSON or not an object.
std::optional<nlohmann::json> parse_object(std::string_view text);
// A field of an object: any value, or an array or an object only; null when absent, of another
// type, or when `object` is not an object.
const nlohmann::json* find_field(const nlohmann::json& object, const char* key);
const nlohmann::json* array_field(const nlohmann::json& object, const char* key);
const nlohmann::json* object_field(const nlohmann::json& object, const char* key);

// A field's JSON written on one line ("null" when absent), to show as it is: the before and
// after of an audit row, a setting's earlier value.
std::string field_json_text(const nlohmann::json& object, const char* key);

std::optional<std::string> read_string(const nlohmann::json& object, const char* key);
std::optional<long long> read_integer(const nlohmann::json& object, const char* key);
std::optional<double> read_number(const nlohmann::json& object, const char* key);
std::optional<bool> read_bool(const nlohmann::json& object, const char* key);
// The strings of an array field; absent or mistyped entries are skipped, a missing field is empty.
std::vector<std::string> read_string_list(const nlohmann::json& object, const char* key);

} // namespace orchard::protocol

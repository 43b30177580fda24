#include "protocol/json_read.h"

namespace orchard::protocol {

std::optional<nlohmann::json> parse_json(std::string_view text) {
    auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

std::optional<nlohmann::json> parse_object(std::string_view text) {
    auto value = parse_json(text);
    if (!value || !value->is_object()) return std::nullopt;
    return value;
}

const nlohmann::json* find_field(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const nlohmann::json* array_field(const nlohmann::json& object, const char* key) {
    const auto* field = find_field(object, key);
    return field && field->is_array() ? field : nullptr;
}

const nlohmann::json* object_field(const nlohmann::json& object, const char* key) {
    const auto* field = find_field(object, key);
    return field && field->is_object() ? field : nullptr;
}

std::string field_json_text(const nlohmann::json& object, const char* key) {
    const auto* field = find_field(object, key);
    return field ? field->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "null";
}

std::optional<std::string> read_string(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::optional<long long> read_integer(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<long long>();
}

std::optional<double> read_number(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::optional<bool> read_bool(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_boolean()) return std::nullopt;
    return it->get<bool>();
}

std::vector<std::string> read_string_list(const nlohmann::json& object, const char* key) {
    std::vector<std::string> list;
    if (!object.is_object()) return list;
    auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return list;
    for (const auto& item : *it)
        if (item.is_string()) list.push_back(item.get<std::string>());
    return list;
}

} // namespace orchard::protocol

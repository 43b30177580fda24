// An optional value as the API writes it: the value, or null when there is none.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace orchard::domain {

template <typename T> nlohmann::json optional_json(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace orchard::domain

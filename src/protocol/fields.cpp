#include "protocol/fields.h"

#include <cmath>

namespace orchard::protocol {

namespace {

const char* type_name(const nlohmann::json& value) {
    if (value.is_null()) return "null";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "true or false";
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    return "a string";
}

// A number that is exactly a whole number: integers as such, and floats like 3.0.
std::optional<std::int64_t> whole_number(const nlohmann::json& value) {
    if (value.is_number_integer()) {
        if (value.is_number_unsigned() &&
            value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
            return std::nullopt;
        return value.get<std::int64_t>();
    }
    if (!value.is_number_float()) return std::nullopt;
    const double number = value.get<double>();
    // 2^63 is the first double past INT64_MAX; anything at or beyond it would overflow.
    if (!std::isfinite(number) || number != std::floor(number) || number >= 9.2233720368547758e18 ||
        number < -9.2233720368547758e18)
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

const nlohmann::json& empty_object() {
    static const nlohmann::json kEmpty = nlohmann::json::object();
    return kEmpty;
}

} // namespace

Fields::Fields(const nlohmann::json& object, std::string name)
    : object_(object.is_object() ? object : empty_object()), name_(std::move(name)) {
    if (!object.is_object())
        bad_input((name_.empty() ? std::string("The request body") : name_) +
                  " must be a JSON object, not " + type_name(object) + ".");
}

void Fields::refuse(ErrorCode code, std::string message) const {
    if (!problem_) problem_ = FieldProblem{code, std::move(message)};
}

std::string Fields::field_name(std::string_view key) const {
    return name_.empty() ? std::string(key) : name_ + "." + std::string(key);
}

const nlohmann::json* Fields::present(std::string_view key) const {
    if (problem_) return nullptr;
    const auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
}

bool Fields::has(std::string_view key) const {
    return present(key) != nullptr;
}

std::string Fields::string_or(std::string_view key, std::string fallback) const {
    const auto* value = present(key);
    if (!value) return fallback;
    if (!value->is_string()) {
        bad_input(field_name(key) + " must be a string, not " + type_name(*value) + ".");
        return fallback;
    }
    return value->get<std::string>();
}

std::string Fields::required_string(std::string_view key) const {
    std::string value = string_or(key);
    if (value.empty()) bad_input(field_name(key) + " is required.");
    return value;
}

bool Fields::bool_or(std::string_view key, bool fallback) const {
    const auto* value = present(key);
    if (!value) return fallback;
    if (!value->is_boolean()) {
        bad_input(field_name(key) + " must be true or false.");
        return fallback;
    }
    return value->get<bool>();
}

std::int64_t Fields::int_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                            std::int64_t max) const {
    const auto* value = present(key);
    if (!value) return fallback;
    const auto number = whole_number(*value);
    if (!number || *number < min || *number > max) {
        bad_input(field_name(key) + " must be a whole number from " + std::to_string(min) + " to " +
                  std::to_string(max) + ".");
        return fallback;
    }
    return *number;
}

std::optional<double> Fields::number(std::string_view key) const {
    const auto* value = present(key);
    if (!value) return std::nullopt;
    if (!value->is_number()) {
        bad_input(field_name(key) + " must be a number.");
        return std::nullopt;
    }
    return value->get<double>();
}

const nlohmann::json* Fields::object(std::string_view key) const {
    const auto* value = present(key);
    if (value && !value->is_object()) {
        bad_input(field_name(key) + " must be an object, not " + type_name(*value) + ".");
        return nullptr;
    }
    return value;
}

const nlohmann::json* Fields::array(std::string_view key) const {
    const auto* value = present(key);
    if (value && !value->is_array()) {
        bad_input(field_name(key) + " must be an array, not " + type_name(*value) + ".");
        return nullptr;
    }
    return value;
}

std::vector<std::string> Fields::string_array(std::string_view key) const {
    std::vector<std::string> strings;
    if (const auto* values = array(key))
        for (const auto& value : *values) {
            if (!value.is_string()) {
                bad_input(field_name(key) + " must be an array of strings.");
                return {};
            }
            strings.push_back(value.get<std::string>());
        }
    return strings;
}

std::vector<std::int64_t> Fields::int_array(std::string_view key) const {
    std::vector<std::int64_t> numbers;
    if (const auto* values = array(key))
        for (const auto& value : *values) {
            const auto number = whole_number(value);
            if (!number) {
                bad_input(field_name(key) + " must be an array of whole numbers.");
                return {};
            }
            numbers.push_back(*number);
        }
    return numbers;
}

} // namespace orchard::protocol

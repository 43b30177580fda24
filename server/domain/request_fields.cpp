#include "server/domain/request_fields.h"

#include "server/domain/domain_error.h"

#include <cmath>

namespace orchard::domain {

namespace {

const char* type_name(const nlohmann::json& value) {
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

} // namespace

RequestFields::RequestFields(const nlohmann::json& object, std::string name)
    : object_(object), name_(std::move(name)) {
    if (!object_.is_object())
        throw bad_input((name_.empty() ? std::string("The request body") : name_) +
                        " must be a JSON object, not " +
                        (object_.is_null() ? std::string("null") : type_name(object_)) + ".");
}

std::string RequestFields::field_name(std::string_view key) const {
    return name_.empty() ? std::string(key) : name_ + "." + std::string(key);
}

const nlohmann::json* RequestFields::present(std::string_view key) const {
    const auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
}

bool RequestFields::has(std::string_view key) const {
    return present(key) != nullptr;
}

std::string RequestFields::string_or(std::string_view key, std::string fallback) const {
    const auto* value = present(key);
    if (!value) return fallback;
    if (!value->is_string())
        throw bad_input(field_name(key) + " must be a string, not " + type_name(*value) + ".");
    return value->get<std::string>();
}

std::string RequestFields::required_string(std::string_view key) const {
    std::string value = string_or(key);
    if (value.empty()) throw bad_input(field_name(key) + " is required.");
    return value;
}

bool RequestFields::bool_or(std::string_view key, bool fallback) const {
    const auto* value = present(key);
    if (!value) return fallback;
    if (!value->is_boolean()) throw bad_input(field_name(key) + " must be true or false.");
    return value->get<bool>();
}

std::int64_t RequestFields::int_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                                   std::int64_t max) const {
    const auto* value = present(key);
    if (!value) return fallback;
    const auto number = whole_number(*value);
    if (!number || *number < min || *number > max)
        throw bad_input(field_name(key) + " must be a whole number from " + std::to_string(min) +
                        " to " + std::to_string(max) + ".");
    return *number;
}

std::optional<double> RequestFields::number(std::string_view key) const {
    const auto* value = present(key);
    if (!value) return std::nullopt;
    if (!value->is_number()) throw bad_input(field_name(key) + " must be a number.");
    return value->get<double>();
}

const nlohmann::json* RequestFields::object(std::string_view key) const {
    const auto* value = present(key);
    if (value && !value->is_object())
        throw bad_input(field_name(key) + " must be an object, not " + type_name(*value) + ".");
    return value;
}

const nlohmann::json* RequestFields::array(std::string_view key) const {
    const auto* value = present(key);
    if (value && !value->is_array())
        throw bad_input(field_name(key) + " must be an array, not " + type_name(*value) + ".");
    return value;
}

std::vector<std::string> RequestFields::string_array(std::string_view key) const {
    std::vector<std::string> strings;
    if (const auto* values = array(key))
        for (const auto& value : *values) {
            if (!value.is_string())
                throw bad_input(field_name(key) + " must be an array of strings.");
            strings.push_back(value.get<std::string>());
        }
    return strings;
}

std::vector<std::int64_t> RequestFields::int_array(std::string_view key) const {
    std::vector<std::int64_t> numbers;
    if (const auto* values = array(key))
        for (const auto& value : *values) {
            const auto number = whole_number(value);
            if (!number) throw bad_input(field_name(key) + " must be an array of whole numbers.");
            numbers.push_back(*number);
        }
    return numbers;
}

} // namespace orchard::domain

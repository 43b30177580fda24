// Typed reading of a request's JSON: the one place where fields of untrusted bodies are read.
// nlohmann's value() and get<>() throw type_error on a field of another type, which the HTTP
// layer can only answer with 500 (and log); these readers refuse it instead with a 400 error
// object that names the field ("emoji must be a string."), before anything is changed.
//
// A field that is absent or null reads as its fallback (Open-Assistant clients send null for
// fields they leave out); a field of any other wrong type is refused.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::domain {

class RequestFields {
  public:
    // `object` must be a JSON object (refused otherwise); `name` is how errors call it and
    // prefixes its fields' names ("user" → "user.id"); empty for the request body.
    explicit RequestFields(const nlohmann::json& object, std::string name = "");

    bool has(std::string_view key) const; // present and not null

    std::string string_or(std::string_view key, std::string fallback = "") const;
    // Absent, null or empty: refused as "<key> is required."
    std::string required_string(std::string_view key) const;
    bool bool_or(std::string_view key, bool fallback) const;
    // A whole number in [min, max]; 3.0 counts as whole, 3.5 and 1e300 do not.
    std::int64_t int_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                        std::int64_t max) const;
    std::optional<double> number(std::string_view key) const;
    // nullptr when absent or null.
    const nlohmann::json* object(std::string_view key) const;
    const nlohmann::json* array(std::string_view key) const;
    // An array of strings; empty when absent or null.
    std::vector<std::string> string_array(std::string_view key) const;
    // An array of whole numbers; empty when absent or null.
    std::vector<std::int64_t> int_array(std::string_view key) const;

    // The field's name as errors say it: "user.id".
    std::string field_name(std::string_view key) const;

  private:
    const nlohmann::json* present(std::string_view key) const;

    const nlohmann::json& object_;
    std::string name_;
};

} // namespace orchard::domain

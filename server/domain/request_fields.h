// Typed reading of a request's JSON on the server: protocol::Fields (the one reader of untrusted
// fields, shared with the client), with its first problem thrown as a DomainError, so that a
// field of the wrong type is refused with 400 naming it, before anything is changed.
#pragma once

#include "protocol/fields.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
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

    // Throws the reader's first problem as a DomainError; nothing when there is none.
    void raise_problem() const;

  private:
    template <typename T> T checked(T value) const {
        raise_problem();
        return value;
    }

    protocol::Fields fields_;
};

// Throws `problem` as a DomainError: 400 for a malformed field, else its code's status.
[[noreturn]] void raise(const protocol::FieldProblem& problem);

// What a protocol parser read from a request body; its problem thrown as a DomainError.
template <typename T> T accepted(std::variant<T, protocol::FieldProblem> parsed) {
    if (auto* problem = std::get_if<protocol::FieldProblem>(&parsed)) raise(*problem);
    return std::get<T>(std::move(parsed));
}

} // namespace orchard::domain

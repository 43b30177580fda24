// Strict reading of a request's JSON fields, for both ends and without exceptions (the browser
// build has them off). nlohmann's value() and get<>() throw type_error on a field of another type,
// which a server can only answer with 500; a Fields reader instead keeps the first problem, with a
// message that names the field ("emoji must be a string, not a number."), so that the caller can
// refuse the request with 400 before anything is changed.
//
// A field that is absent or null reads as its fallback (Open-Assistant clients send null for
// fields they leave out); a field of any other wrong type is a problem. After the first problem
// every read returns its fallback.
#pragma once

#include "protocol/errors.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

// Why a request was refused: the code of PROTOCOL.md's error shape and a sentence for people.
struct FieldProblem {
    ErrorCode code = ErrorCode::Generic;
    std::string message;
};

class Fields {
  public:
    // `object` must be a JSON object (a problem otherwise); `name` is how messages call it and
    // prefixes its fields' names ("user" → "user.id"); empty for the request body.
    explicit Fields(const nlohmann::json& object, std::string name = "");

    const std::optional<FieldProblem>& problem() const { return problem_; }
    // Records a problem found by the caller (a value out of its domain); the first one stays.
    void refuse(ErrorCode code, std::string message) const;

    bool has(std::string_view key) const; // present and not null

    std::string string_or(std::string_view key, std::string fallback = "") const;
    // Absent, null or empty: "<key> is required."
    std::string required_string(std::string_view key) const;
    bool bool_or(std::string_view key, bool fallback) const;
    // A whole number in [min, max]; 3.0 counts as whole, 3.5 and 1e300 do not.
    std::int64_t int_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                        std::int64_t max) const;
    std::optional<double> number(std::string_view key) const;
    // nullptr when absent or null (or of another type, which is a problem).
    const nlohmann::json* object(std::string_view key) const;
    const nlohmann::json* array(std::string_view key) const;
    // An array of strings; empty when absent or null.
    std::vector<std::string> string_array(std::string_view key) const;
    // An array of whole numbers; empty when absent or null.
    std::vector<std::int64_t> int_array(std::string_view key) const;

    // The field's name as messages say it: "user.id".
    std::string field_name(std::string_view key) const;

  private:
    const nlohmann::json* present(std::string_view key) const;
    void bad_input(std::string message) const { refuse(ErrorCode::Generic, std::move(message)); }

    const nlohmann::json& object_;
    std::string name_;
    mutable std::optional<FieldProblem> problem_;
};

} // namespace orchard::protocol

// Random damage to requests that fit a route, for the fuzzer: values of another type, fields
// dropped or added, huge numbers, deep nesting, invalid UTF-8, odd path ids and query values.
// Everything is drawn from the generator passed in, so a seed replays a run exactly.
#pragma once

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace orchard::test {

// A value of a random type, often one that breaks readers: null, true, 0, -1, huge integers,
// floats, empty and long strings, strings with NUL, arrays and objects.
nlohmann::json random_json_value(std::mt19937_64& rng);

// One to three changes to `value` (a request body): a value anywhere replaced by another type,
// a field dropped or added, the whole body replaced, something nested very deep.
nlohmann::json mutate_json(nlohmann::json value, std::mt19937_64& rng);

// A body's text with raw damage: invalid UTF-8 in a string, cut short, or nested past any
// sensible depth. Still mostly JSON, so that it reaches the parser's later stages.
std::string mutate_body_text(std::string text, std::mt19937_64& rng);

// A value for a query parameter or path segment, raw (not yet percent-encoded): empty, NUL,
// invalid UTF-8, huge or negative numbers, very long, or `value` slightly changed.
std::string mutate_text(const std::string& value, std::mt19937_64& rng);

// Percent-encodes every byte outside the unreserved set, so that any bytes reach the server.
std::string percent_encode(const std::string& raw);

// A header value: bytes a header may carry (no CR, LF or NUL), invalid UTF-8 among them.
std::string mutate_header_value(const std::string& value, std::mt19937_64& rng);

} // namespace orchard::test

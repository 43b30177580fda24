// JSON text written straight into a line, for the formats with most of an export's bytes (oasst,
// messages): building an nlohmann tree for each message and dumping it cost about two thirds of
// an export's time (bench_export, perf). Output is what nlohmann's dump gives for the same values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace orchard::exporting {

// `text` as a JSON string, quotes included. Text that is not UTF-8 (never stored by Orchard) has
// its bad bytes replaced, as nlohmann's error_handler_t::replace does.
void append_json_string(std::string& out, std::string_view text);
void append_json_number(std::string& out, double value);
void append_json_number(std::string& out, long long value);
// "key": written before each field; a comma first unless it is the object's first.
void append_key(std::string& out, std::string_view key, bool& first);

// A whole value as one compact line (without the line break), written with the functions above:
// nlohmann's dump escaped each string byte by byte, a fifth of the labels format's time
// (bench_export, perf). The same bytes as dump(-1, ' ', false, error_handler_t::replace).
void append_json(std::string& out, const nlohmann::json& value);
std::string json_line(const nlohmann::json& value);

} // namespace orchard::exporting

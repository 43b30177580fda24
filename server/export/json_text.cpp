#include "server/export/json_text.h"

#include "protocol/utf8.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace orchard::exporting {

namespace {

std::uint64_t load8(const char* bytes) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    return word;
}

// Whether none of eight bytes needs escaping: no control character (below 0x20), no quote, no
// backslash and, unless the text is known to be UTF-8, none past ASCII. Each test is the
// "has a byte less than n" word trick (exact for whether any byte does).
bool plain_bytes(std::uint64_t word, bool utf8_checked) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    const std::uint64_t control = (word - kOnes * 0x20) & ~word & kHigh;
    const std::uint64_t quote = has_zero(word ^ (kOnes * '"'));
    const std::uint64_t backslash = has_zero(word ^ (kOnes * '\\'));
    const std::uint64_t high = utf8_checked ? 0 : word & kHigh;
    return (control | quote | backslash | high) == 0;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out.push_back('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    bool checked = false; // whether the text is known to be UTF-8
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Eight bytes at a time past those that need nothing: the loop byte by byte was the
        // largest part of an export written by Orchard itself (bench_export, perf).
        while (i + 8 <= text.size() && plain_bytes(load8(text.data() + i), checked))
            i += 8;
        if (i == text.size()) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 && !checked) {
            // Checked at its first byte past ASCII only: most texts have none, and a pass of
            // its own over each text was about 2% of an export (bench_export, perf).
            if (!protocol::is_valid_utf8(text)) {
                out.resize(start);
                out += nlohmann::json(std::string(text))
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            checked = true;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
        }
    }
    out.append(text.data() + run, text.size() - run);
    out.push_back('"');
}

void append_json_number(std::string& out, double value) {
    // What nlohmann's serializer does for a double (dump_float), without a json value and a
    // string per number: a label average per label of every message made this a tenth of an
    // export's time (bench_export, perf).
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // Quarters from 0 to 1, what most label averages are, as nlohmann writes them, without the
    // shortest-digits search (bench_export, perf).
    static constexpr const char* kQuarters[] = {"0.0", "0.25", "0.5", "0.75", "1.0"};
    if (const double quarters = value * 4;
        value >= 0 && value <= 1 && !std::signbit(value) && quarters == std::floor(quarters)) {
        out += kQuarters[static_cast<int>(quarters)];
        return;
    }
    std::array<char, 64> buffer{};
    const char* end =
        nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append_json_number(std::string& out, long long value) {
    std::array<char, 24> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

void append_key(std::string& out, std::string_view key, bool& first) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(key);
    out += "\":";
}

void append_json(std::string& out, const nlohmann::json& value) {
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::object: {
        out.push_back('{');
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first) out.push_back(',');
            first = false;
            append_json_string(out, it.key());
            out.push_back(':');
            append_json(out, *it);
        }
        out.push_back('}');
        return;
    }
    case Type::array: {
        out.push_back('[');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) out.push_back(',');
            append_json(out, value[i]);
        }
        out.push_back(']');
        return;
    }
    case Type::string:
        append_json_string(out, value.get_ref<const std::string&>());
        return;
    case Type::boolean:
        out += value.get<bool>() ? "true" : "false";
        return;
    case Type::number_integer:
        append_json_number(out, static_cast<long long>(value.get<std::int64_t>()));
        return;
    case Type::number_float:
        append_json_number(out, value.get<double>());
        return;
    case Type::null:
        out += "null";
        return;
    default: // unsigned numbers, binary values: as nlohmann writes them
        out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
}

std::string json_line(const nlohmann::json& value) {
    std::string line;
    append_json(line, value);
    return line;
}

} // namespace orchard::exporting

#include "ui/markdown_text.h"

#include "protocol/utf8.h"

#include <cstdint>

namespace orchard::ui::markdown {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct NamedEntity {
    std::string_view name;
    char32_t code_point;
};

// The references people actually type; md4c passes any &name; through, so unknown ones are
// shown as written rather than guessed.
constexpr NamedEntity kNamed[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122}, {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"times", 0xD7},   {"divide", 0xF7},
    {"deg", 0xB0},     {"plusmn", 0xB1},  {"middot", 0xB7},  {"bull", 0x2022},  {"euro", 0x20AC},
    {"pound", 0xA3},   {"yen", 0xA5},     {"cent", 0xA2},    {"sect", 0xA7},    {"para", 0xB6},
    {"shy", 0xAD},     {"iexcl", 0xA1},   {"iquest", 0xBF},  {"frac12", 0xBD},  {"frac14", 0xBC},
    {"frac34", 0xBE},  {"micro", 0xB5},   {"larr", 0x2190},  {"rarr", 0x2192},  {"harr", 0x2194},
};

} // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t length = protocol::utf8_character_length(text, at);
        if (length == 0) {
            append_utf8(out, kReplacement);
            ++at; // resynchronise on the next byte
        } else {
            out.append(text.substr(at, length));
            at += length;
        }
    }
    return out;
}

std::size_t utf8_length(std::string_view text, std::size_t at) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return at + length <= text.size() ? length : text.size() - at;
}

void append_utf8(std::string& out, char32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string decode_entity(std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') {
        return std::string(entity);
    }
    const std::string_view body = entity.substr(1, entity.size() - 2);
    std::string out;
    if (body.front() == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return std::string(entity);
        std::uint32_t value = 0;
        for (const char d : digits) {
            int digit = -1;
            if (d >= '0' && d <= '9')
                digit = d - '0';
            else if (hex && d >= 'a' && d <= 'f')
                digit = d - 'a' + 10;
            else if (hex && d >= 'A' && d <= 'F')
                digit = d - 'A' + 10;
            if (digit < 0) return std::string(entity);
            value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
            if (value > 0x10FFFF) value = 0x110000; // stays out of range, no overflow
        }
        append_utf8(out, value);
        return out;
    }
    for (const NamedEntity& named : kNamed) {
        if (named.name == body) {
            append_utf8(out, named.code_point);
            return out;
        }
    }
    return std::string(entity);
}

} // namespace orchard::ui::markdown

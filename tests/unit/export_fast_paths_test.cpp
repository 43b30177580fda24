// The export's hand-written reading and writing (server/export/json_text.h, label_row.h) give
// exactly what nlohmann and from_chars give for the same values: the fast paths taken for speed
// (eight bytes at a time, short decimals, quarters) must never change a byte of a dataset.
#include "server/export/json_text.h"
#include "server/export/label_row.h"

#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <random>

using namespace orchard::exporting;

namespace {

std::string nlohmann_string(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(const std::string& text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::string nlohmann_number(double value) {
    return nlohmann::json(value).dump();
}

std::string written_number(double value) {
    std::string out;
    append_json_number(out, value);
    return out;
}

double from_chars_value(const std::string& text) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace

TEST_CASE("export fast paths: each byte that needs escaping is found at every place in a word") {
    // Every special byte at every offset of texts long enough for several eight-byte words,
    // before and after other text past ASCII (checked for UTF-8 at its first such byte).
    const std::string specials[] = {"\"", "\\", "\n", "\t",  std::string(1, '\0'), "\x1f", "\x7f",
                                    "é",  "€",  "𝄞",  "\xff" /* not UTF-8 */};
    for (const auto& special : specials)
        for (std::size_t at = 0; at < 24; ++at)
            for (const char* after : {"", "ü", "\""}) {
                std::string text(24, 'a');
                text.insert(at, special);
                text += after;
                text += std::string(9, 'b');
                INFO("special " << nlohmann_string(special) << " at " << at);
                CHECK(written_string(text) == nlohmann_string(text));
            }
}

TEST_CASE("export fast paths: random texts are escaped as nlohmann escapes them") {
    std::mt19937 random(7);
    const std::string alphabet[] = {"a",  "Z",  " ",    "\"", "\\", "\n", "\r",
                                    "\b", "\f", "\x01", "ß",  "中", "😀",  "\xc3" /* cut short */,
                                    "~",  "/"};
    std::uniform_int_distribution<std::size_t> pick(0, std::size(alphabet) - 1);
    std::uniform_int_distribution<int> length(0, 40);
    std::uniform_int_distribution<int> plain_run(0, 20);
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) {
            text += std::string(static_cast<std::size_t>(plain_run(random)), 'x');
            text += alphabet[pick(random)];
        }
        INFO(nlohmann_string(text));
        REQUIRE(written_string(text) == nlohmann_string(text));
    }
}

TEST_CASE("export fast paths: numbers are written as nlohmann writes them") {
    for (const double value : {0.0, -0.0, 0.25, 0.5, 0.75, 1.0, 1.25, -0.25, 0.125, 1.0 / 3,
                               2.0 / 3, 0.1, 1e300, -1e-300, 0.7499999999999999, 4.0})
        CHECK(written_number(value) == nlohmann_number(value));
    std::mt19937 random(11);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < 10000; ++i) {
        const double value = unit(random);
        REQUIRE(written_number(value) == nlohmann_number(value));
    }
}

TEST_CASE("export fast paths: short decimals are read as from_chars reads them") {
    for (const char* text : {"0.0", "1.0", "0.25", "0.1", "0.3", "-0.0", "-0.7", "123.456",
                             "0.12345678901234", "99999999999999.9", "00.5"}) {
        const auto value = short_decimal(text);
        REQUIRE(value);
        CHECK(*value == from_chars_value(text));
        CHECK(std::signbit(*value) == std::signbit(from_chars_value(text)));
    }
    // Random digits on both sides of the point, up to the 15 digits the fast path takes.
    std::mt19937 random(3);
    std::uniform_int_distribution<int> digit(0, 9);
    std::uniform_int_distribution<int> count(1, 8);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (int n = count(random); n > 0; --n)
            text += static_cast<char>('0' + digit(random));
        text += '.';
        for (int n = count(random); n > 0 && text.size() < 16; --n)
            text += static_cast<char>('0' + digit(random));
        if (text.back() == '.') text += '5';
        const auto value = short_decimal(text);
        INFO(text);
        REQUIRE(value);
        REQUIRE(*value == from_chars_value(text));
    }
    // What is not such a decimal is left to from_chars.
    for (const char* text : {"1", "1e5", "1.5e3", ".5", "5.", "1.2.3", "0.1234567890123456",
                             "12345678901234567.0", "1,5", ""})
        CHECK_FALSE(short_decimal(text));
}

TEST_CASE("export fast paths: a plain label row reads as nlohmann reads it") {
    const std::string row = R"({"creativity":0.25,"hate_speech":0.0,"humor":1,"quality":0.3,)"
                            R"("spam":-0.5,"toxicity":1e-2,"violence":0.333333333333333333})";
    std::vector<LabelValue> plain;
    REQUIRE(read_plain_labels(row, plain));
    std::vector<LabelValue> any;
    nlohmann::json json;
    read_any_labels(row, json, any);
    REQUIRE(plain.size() == any.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
        CHECK(plain[i].name == any[i].name);
        CHECK(plain[i].value == any[i].value);
    }
    // Not plain: spaces, names out of order, escapes; the slow path takes them.
    for (const char* other : {R"({"b":1, "a":0})", R"({"b":1,"a":0})", R"({"a\u0062":1})"})
        CHECK_FALSE(read_plain_labels(other, plain));
}

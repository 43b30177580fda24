#include "tests/support/json_mutations.h"

#include <cctype>
#include <cstdint>
#include <limits>
#include <vector>

namespace orchard::test {

using nlohmann::json;

namespace {

size_t pick(std::mt19937_64& rng, size_t count) {
    return std::uniform_int_distribution<size_t>(0, count - 1)(rng);
}

// Every place in `value`, as JSON pointers (the root is "").
void collect_paths(const json& value, const json::json_pointer& here,
                   std::vector<json::json_pointer>& paths) {
    paths.push_back(here);
    if (value.is_object())
        for (const auto& [key, child] : value.items())
            collect_paths(child, here / key, paths);
    else if (value.is_array())
        for (size_t i = 0; i < value.size(); ++i)
            collect_paths(value[i], here / i, paths);
}

// Nesting built as a value: kept shallow enough for the test's own recursion (dump) to be safe;
// mutate_body_text nests far deeper, as text.
json nested(json inner, size_t depth, bool arrays) {
    for (size_t i = 0; i < depth; ++i)
        inner = arrays ? json::array({std::move(inner)}) : json{{"a", std::move(inner)}};
    return inner;
}

// Field names the server reads somewhere: an added field of that name is read with a wrong type.
const std::vector<std::string> kFieldNames = {"user",
                                              "id",
                                              "auth_method",
                                              "display_name",
                                              "type",
                                              "lang",
                                              "message_id",
                                              "task_id",
                                              "text",
                                              "labels",
                                              "ranking",
                                              "not_rankable",
                                              "is_report",
                                              "op",
                                              "emoji",
                                              "new_content",
                                              "reason",
                                              "collective",
                                              "rating",
                                              "username",
                                              "password",
                                              "title",
                                              "winners_count",
                                              "show_on_leaderboard",
                                              "user_message_id",
                                              "max_active_trees"};

} // namespace

json random_json_value(std::mt19937_64& rng) {
    switch (pick(rng, 24)) {
    case 0:
        return nullptr;
    case 1:
        return true;
    case 2:
        return false;
    case 3:
        return 0;
    case 4:
        return -1;
    case 5:
        return std::numeric_limits<std::int64_t>::max();
    case 6:
        return std::numeric_limits<std::int64_t>::min();
    case 7:
        return std::numeric_limits<std::uint64_t>::max();
    case 8:
        return 1e308;
    case 9:
        return -1e308;
    case 10:
        return 0.5;
    case 11:
        return 4.9e-324;
    case 12:
        return "";
    case 13:
        return "x";
    case 14:
        return std::string(100000, 'a');
    case 15:
        return std::string("a\0b", 3);
    case 16:
        return "\xF0\x9F\x8C\xB3 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    case 17:
        return "12";
    case 18:
        return json::array();
    case 19:
        return json::array({1, "two", nullptr});
    case 20:
        return json::object();
    case 21:
        return json{{"id", json::object()}, {"auth_method", 3}};
    case 22:
        return nested(1, 1 + pick(rng, 200), pick(rng, 2) == 0);
    default:
        return json::array({std::string(1000, '\x01')});
    }
}

json mutate_json(json value, std::mt19937_64& rng) {
    const size_t changes = 1 + pick(rng, 3);
    for (size_t change = 0; change < changes; ++change) {
        std::vector<json::json_pointer> paths;
        collect_paths(value, json::json_pointer(), paths);
        const auto& path = paths[pick(rng, paths.size())];
        json& target = value[path];
        switch (pick(rng, 6)) {
        case 0: // another type in the same place; the most common break
        case 1:
            target = random_json_value(rng);
            break;
        case 2: // a field dropped
            if (path.empty()) {
                value = random_json_value(rng);
            } else {
                json& parent = value[path.parent_pointer()];
                if (parent.is_object())
                    parent.erase(path.back());
                else if (parent.is_array() && !parent.empty())
                    parent.erase(parent.size() - 1);
            }
            break;
        case 3: // a field added, often one the server reads
            if (target.is_object())
                target[kFieldNames[pick(rng, kFieldNames.size())]] = random_json_value(rng);
            else if (target.is_array())
                target.push_back(random_json_value(rng));
            else
                target = json{{kFieldNames[pick(rng, kFieldNames.size())], std::move(target)}};
            break;
        case 4: // nested
            target = nested(std::move(target), 1 + pick(rng, 100), pick(rng, 2) == 0);
            break;
        default: // the whole body another value
            value = random_json_value(rng);
            break;
        }
    }
    return value;
}

std::string mutate_body_text(std::string text, std::mt19937_64& rng) {
    switch (pick(rng, 5)) {
    case 0: { // invalid UTF-8 inside a string
        const auto quote = text.find('"');
        const std::string bad[] = {"\xFF", "\xC3\x28", "\xE2\x82", "\xED\xA0\x80", "\xC0\xAF"};
        text.insert(quote == std::string::npos ? 0 : quote + 1, bad[pick(rng, 5)]);
        return text;
    }
    case 1: // cut short
        return text.substr(0, pick(rng, text.size() + 1));
    case 2: { // nested past any sensible depth, inside an object so that it reaches the fields
        const size_t depth = 1000 + pick(rng, 100000);
        const bool arrays = pick(rng, 2) == 0;
        std::string deep;
        deep.reserve(depth * 6 + 32);
        deep += "{\"user\":";
        for (size_t i = 0; i < depth; ++i)
            deep += arrays ? "[" : "{\"a\":";
        deep += "1";
        for (size_t i = 0; i < depth; ++i)
            deep += arrays ? "]" : "}";
        deep += "}";
        return deep;
    }
    case 3: // an escaped NUL and a lone surrogate escape
        return pick(rng, 2) == 0 ? "{\"text\":\"a\\u0000b\",\"message_id\":\"\\u0000\"}"
                                 : "{\"emoji\":\"\\ud800\",\"op\":\"add\"}";
    default: // not JSON at all
        return pick(rng, 2) == 0 ? "user=someone&type=random" : std::string("\0\x01\x02", 3);
    }
}

std::string mutate_text(const std::string& value, std::mt19937_64& rng) {
    switch (pick(rng, 16)) {
    case 0:
        return "";
    case 1:
        return std::string("\0", 1);
    case 2:
        return value + std::string("\0", 1) + "x";
    case 3:
        return "\xFF\xFE";
    case 4:
        return value + "\xC3\x28";
    case 5:
        return "-1";
    case 6:
        return "0";
    case 7:
        return "99999999999999999999999999";
    case 8:
        return "-9223372036854775809";
    case 9:
        return "1e9";
    case 10:
        return std::string(5000, 'z');
    case 11:
        return "true";
    case 12:
        return "' OR 1=1 --";
    case 13:
        return "\"*:(NEAR AND)\"";
    case 14:
        return "00000000-0000-4000-8000-000000000000";
    default:
        return value.empty() ? "x" : value.substr(0, value.size() - 1);
    }
}

std::string percent_encode(const std::string& raw) {
    static const char* kHex = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : raw) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded.push_back(static_cast<char>(c));
        } else {
            encoded.push_back('%');
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 15]);
        }
    }
    return encoded;
}

std::string mutate_header_value(const std::string& value, std::mt19937_64& rng) {
    switch (pick(rng, 8)) {
    case 0:
        return "local:\xFF\xFE";
    case 1:
        return "local:\xC3\x28";
    case 2:
        return "no colon here";
    case 3:
        return ":";
    case 4:
        return "local:";
    case 5:
        return "unknown:someone";
    case 6:
        return "local:" + std::string(1000, 'q');
    default:
        return value + "\x80";
    }
}

} // namespace orchard::test

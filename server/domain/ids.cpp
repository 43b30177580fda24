#include "server/domain/ids.h"

#include "protocol/uuid.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <sodium.h>

namespace orchard::domain {

std::string new_uuid() {
    std::array<unsigned char, 16> bytes;
    randombytes_buf(bytes.data(), bytes.size());
    return protocol::uuid_v4(bytes);
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string iso8601(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[40];
    const size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(ms % 1000));
    return text;
}

std::optional<std::int64_t> parse_iso8601(const std::string& text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || used != 10)
        return std::nullopt;
    std::string rest = text.substr(10);
    if (!rest.empty()) {
        int consumed = 0;
        if (std::sscanf(rest.c_str(), "T%2d:%2d%n", &hour, &minute, &consumed) != 2 ||
            consumed != 6)
            return std::nullopt;
        rest = rest.substr(6);
        if (rest.size() >= 3 && rest[0] == ':') {
            if (std::sscanf(rest.c_str(), ":%2d%n", &second, &consumed) != 1 || consumed != 3)
                return std::nullopt;
            rest = rest.substr(3);
            if (rest.size() >= 2 && rest[0] == '.') {
                // 1 to 9 digits of fractions of a second (Open-Assistant's files have
                // microseconds), kept to the millisecond.
                std::size_t end = 1;
                while (end < rest.size() && std::isdigit(static_cast<unsigned char>(rest[end])))
                    ++end;
                if (end == 1 || end > 10) return std::nullopt;
                for (std::size_t i = 1; i <= 3; ++i)
                    millis = millis * 10 + (i < end ? rest[i] - '0' : 0);
                rest = rest.substr(end);
            }
        }
        if (rest != "Z" && rest != "+00:00") return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 ||
        year < 1970)
        return std::nullopt;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    const std::time_t seconds = timegm(&utc);
    if (seconds < 0) return std::nullopt;
    // timegm normalises 31 February into March; such a date was not a date.
    std::tm back{};
    gmtime_r(&seconds, &back);
    if (back.tm_mday != day) return std::nullopt;
    return std::int64_t{seconds} * 1000 + millis;
}

} // namespace orchard::domain

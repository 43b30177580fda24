#include "protocol/errors.h"
#include "protocol/health.h"
#include "protocol/utf8.h"

#include <catch2/catch.hpp>

using namespace orchard::protocol;

TEST_CASE("health round-trips through JSON with the PROTOCOL.md field names") {
    const Health health{"ok", "1.2.3", "ok", 8000};
    const auto json = to_json(health);
    CHECK(json == nlohmann::json{{"status", "ok"},
                                 {"version", "1.2.3"},
                                 {"database", "ok"},
                                 {"message_size_limit", 8000}});
    auto parsed = parse_health(json.dump());
    REQUIRE(parsed);
    CHECK(parsed->version == "1.2.3");
    CHECK(parsed->message_size_limit == 8000);
    // A server that does not say has the protocol's default.
    auto older = parse_health(R"({"status":"ok","version":"1.0.0","database":"ok"})");
    REQUIRE(older);
    CHECK(older->message_size_limit == 2000);
    CHECK(older->kiosk_event.empty());
}

TEST_CASE("a kiosk server's health names its event and idle time") {
    Health health{"ok", "1.2.3", "ok", 2000};
    health.kiosk_event = "spring-fair";
    health.kiosk_idle_seconds = 45;
    const auto json = to_json(health);
    CHECK(json["kiosk"] == nlohmann::json{{"event", "spring-fair"}, {"idle_seconds", 45}});
    const auto parsed = parse_health(json.dump());
    REQUIRE(parsed);
    CHECK(parsed->kiosk_event == "spring-fair");
    CHECK(parsed->kiosk_idle_seconds == 45);
    // An idle time too short to read the countdown is taken as the shortest allowed.
    const auto hasty = parse_health(
        R"({"status":"ok","version":"1","database":"ok","kiosk":{"event":"a","idle_seconds":1}})");
    REQUIRE(hasty);
    CHECK(hasty->kiosk_idle_seconds == 5);
}

TEST_CASE("a server that allows kiosks by address lists their events in its health") {
    Health health{"ok", "1.2.3", "ok", 2000};
    health.kiosk_url_events = {"spring-fair", "autumn-fair"};
    health.kiosk_idle_seconds = 90;
    const auto json = to_json(health);
    CHECK(json["kiosk"] ==
          nlohmann::json{{"url_events", {"spring-fair", "autumn-fair"}}, {"idle_seconds", 90}});
    const auto parsed = parse_health(json.dump());
    REQUIRE(parsed);
    CHECK(parsed->kiosk_event.empty());
    CHECK(parsed->kiosk_url_events == std::vector<std::string>{"spring-fair", "autumn-fair"});
    // Entries that are not names are left out, not fatal.
    const auto odd = parse_health(R"({"status":"ok","version":"1","database":"ok",)"
                                  R"("kiosk":{"url_events":["a",3,null],"idle_seconds":60}})");
    REQUIRE(odd);
    CHECK(odd->kiosk_url_events == std::vector<std::string>{"a"});
}

TEST_CASE("health parsing refuses bodies that are not a health object") {
    CHECK_FALSE(parse_health("not json"));
    CHECK_FALSE(parse_health("[]"));
    CHECK_FALSE(parse_health(R"({"status":"ok","version":3,"database":"ok"})"));
    CHECK_FALSE(parse_health(R"({"status":"ok","database":"ok"})"));
}

TEST_CASE("error objects carry an integer code and a message") {
    const auto json = to_json(ApiError{static_cast<int>(ErrorCode::TaskExpired), "expired"});
    CHECK(json == nlohmann::json{{"error_code", 2101}, {"message", "expired"}});
    auto parsed = parse_api_error(R"({"error_code": 1006, "message": "no task"})");
    REQUIRE(parsed);
    CHECK(parsed->error_code == 1006);
    CHECK_FALSE(parse_api_error(R"({"error_code": "1006", "message": "no task"})"));
    CHECK_FALSE(parse_api_error("<html>"));
}

TEST_CASE("error code numbers are the ones of PROTOCOL.md") {
    CHECK(static_cast<int>(ErrorCode::TooManyPendingTasks) == 1012);
    CHECK(static_cast<int>(ErrorCode::NoSelfLabelingOrDuplicateTaskReply) == 2053);
    CHECK(static_cast<int>(ErrorCode::TaskNotAssignedToUser) == 2106);
    CHECK(static_cast<int>(ErrorCode::TermsNotAccepted) == 4003);
    CHECK(static_cast<int>(ErrorCode::EmojiOpUnsupported) == 5000);
}

TEST_CASE(
    "protocol: well-formed UTF-8 is told from overlong forms, surrogates and cut characters") {
    using orchard::protocol::is_valid_utf8;
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Иван caf\xC3\xA9 \xF0\x9F\x8D\x8E"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));     // overlong, three bytes
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("caf\xC3"));          // cut short
    CHECK_FALSE(is_valid_utf8("\x80"));             // a stray continuation byte
}

TEST_CASE("protocol: a byte limit cuts UTF-8 text between characters only") {
    using orchard::protocol::is_valid_utf8;
    using orchard::protocol::utf8_prefix;
    const std::string name = std::string(255, 'a') + "\xC3\xA9"; // 257 bytes, é at 255..256
    CHECK(utf8_prefix(name, 256) == std::string(255, 'a'));      // not half of the é
    CHECK(utf8_prefix(name, 257) == name);
    CHECK(utf8_prefix("\xF0\x9F\x8D\x8E!", 3).empty()); // a 4-byte character goes whole
    CHECK(utf8_prefix("\xF0\x9F\x8D\x8E!", 4) == "\xF0\x9F\x8D\x8E");
    CHECK(utf8_prefix("short", 256) == "short");
    for (std::size_t limit = 0; limit <= 12; ++limit)
        CHECK(is_valid_utf8(utf8_prefix("Иван caf\xC3\xA9", limit)));
}

#include "protocol/errors.h"
#include "protocol/health.h"

#include <catch2/catch.hpp>

using namespace orchard::protocol;

TEST_CASE("health round-trips through JSON with the PROTOCOL.md field names") {
    const Health health{"ok", "1.2.3", "ok"};
    const auto json = to_json(health);
    CHECK(json == nlohmann::json{{"status", "ok"}, {"version", "1.2.3"}, {"database", "ok"}});
    auto parsed = parse_health(json.dump());
    REQUIRE(parsed);
    CHECK(parsed->version == "1.2.3");
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

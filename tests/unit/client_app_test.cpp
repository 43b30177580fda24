#include "client/app.h"

#include <catch2/catch.hpp>

using namespace orchard::client;

TEST_CASE("reconnection waits grow from 1 s and stop at 30 s") {
    CHECK(retry_delay_seconds(1) == 1.0);
    CHECK(retry_delay_seconds(2) == 2.0);
    CHECK(retry_delay_seconds(3) == 4.0);
    CHECK(retry_delay_seconds(6) == 30.0);
    CHECK(retry_delay_seconds(100) == 30.0);
}

TEST_CASE("errors become sentences a person can act on") {
    CHECK(describe(error_from_result(0, "", false)).find("can't be reached") != std::string::npos);
    // Known codes: what happened and what to do next, whatever the server's wording.
    CHECK(describe(
              error_from_result(400, R"({"error_code":1008,"message":"Message too long."})", false))
              .find("Shorten it") != std::string::npos);
    CHECK(describe(error_from_result(429, R"({"error_code":429,"message":"rate"})", false))
              .find("try again in a minute") != std::string::npos);
    // Unknown codes: the server's own message.
    CHECK(describe(error_from_result(400, R"({"error_code":2051,"message":"Invalid label 'x'."})",
                                     false)) == "Invalid label 'x'.");
    CHECK(describe(error_from_result(502, "<html>bad gateway</html>", false)).find("try again") !=
          std::string::npos);
}

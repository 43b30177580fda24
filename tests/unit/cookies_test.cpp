#include "server/http/cookies.h"

#include <catch2/catch.hpp>

using orchard::http::cookie_value;
using orchard::http::CookieAttributes;
using orchard::http::kMaxCookieBytes;
using orchard::http::Request;
using orchard::http::set_cookie;

TEST_CASE("Cookies: a value is found among several, with or without spaces") {
    CHECK(cookie_value("a=1", "a") == "1");
    CHECK(cookie_value("a=1; b=2; c=3", "b") == "2");
    CHECK(cookie_value("a=1;b=2;c=3", "c") == "3");
    CHECK(cookie_value("  a = 1 ;\tb=2  ", "a") == "1");
    CHECK(cookie_value("a=x=y", "a") == "x=y"); // only the first '=' separates
    CHECK(cookie_value("a=\"quoted\"", "a") == "quoted");
    CHECK(cookie_value("a=", "a") == "");
}

TEST_CASE("Cookies: names compare exactly, and what is not there is not found") {
    CHECK_FALSE(cookie_value("", "a"));
    CHECK_FALSE(cookie_value("ab=1; b=2", "a"));
    CHECK_FALSE(cookie_value("A=1", "a")); // cookie names are case-sensitive
    CHECK_FALSE(cookie_value("x_a=1", "a"));
    CHECK_FALSE(cookie_value("a", "a")); // a name without a value is no cookie
    CHECK(cookie_value("a; b=2; a=3", "a") == "3");
    CHECK_FALSE(cookie_value("a=1", ""));
    CHECK(cookie_value("a=1; a=2", "a") == "1"); // the first (the longer path's) wins
}

TEST_CASE("Cookies: a header longer than the bound is not read") {
    const std::string padding(kMaxCookieBytes, 'x');
    CHECK_FALSE(cookie_value("a=1; pad=" + padding, "a"));
    CHECK(cookie_value("a=1; pad=" + padding.substr(0, kMaxCookieBytes - 9), "a") == "1");
}

TEST_CASE("Cookies: a request's Cookie headers, however many, and none means no cookie") {
    Request request;
    CHECK_FALSE(cookie_value(request, "a"));
    request.headers.emplace("cookie", "b=2");
    request.headers.emplace("Cookie", "a=1");
    CHECK(cookie_value(request, "a") == "1"); // header names are case-insensitive
    CHECK(cookie_value(request, "b") == "2");
    CHECK_FALSE(cookie_value(request, "c"));
    request.headers.emplace("Cookie", std::string(kMaxCookieBytes, 'x'));
    CHECK_FALSE(cookie_value(request, "a")); // together past the bound: none read
}

TEST_CASE("Cookies: Set-Cookie carries its attributes, always HttpOnly") {
    CHECK(set_cookie("s", "v", CookieAttributes{.path = "/p/", .max_age_seconds = 600}) ==
          "s=v; Path=/p/; Max-Age=600; HttpOnly; SameSite=Lax");
    CHECK(
        set_cookie("s", "", CookieAttributes{.path = "/", .max_age_seconds = 0, .secure = true}) ==
        "s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
}

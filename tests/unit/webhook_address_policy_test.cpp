#include "server/news/address_policy.h"

#include <catch2/catch.hpp>

using orchard::news::check_target;
using orchard::news::Refusal;
using orchard::news::refuse_reason;
using orchard::news::WebhookTarget;

TEST_CASE("webhook policy: loopback, private and other local targets need allow_private",
          "[webhook]") {
    // Literals and localhost (from /etc/hosts) need no network.
    for (const char* url : {"http://127.0.0.1/hook",
                            "http://127.8.9.10:8080/",
                            "http://localhost:9000/hook",
                            "http://10.1.2.3/",
                            "http://192.168.0.10/",
                            "http://172.16.5.4/",
                            "http://172.31.255.1/",
                            "http://169.254.169.254/latest/meta-data",
                            "http://100.64.0.1/",
                            "http://100.127.1.1/",
                            "http://0.0.0.0/",
                            "http://224.0.0.1/",
                            "http://255.255.255.255/",
                            "http://[::1]/",
                            "http://[::]:80/",
                            "http://[fc00::1]/",
                            "http://[fd12:3456::1]/",
                            "http://[fe80::1]/",
                            "http://[ff02::1]/",
                            "http://[::ffff:127.0.0.1]/",
                            "http://[::ffff:10.0.0.1]/",
                            "http://[64:ff9b::a00:1]/",
                            "http://127.1/",
                            "https://127.0.0.1/"}) {
        INFO(url);
        const auto reason = refuse_reason(url, false);
        REQUIRE(reason);
        CHECK_THAT(*reason, Catch::Contains("--news-webhook-allow-private"));
        CHECK_FALSE(refuse_reason(url, true));
    }
}

TEST_CASE("webhook policy: public addresses are allowed, up to the edges of the local ranges",
          "[webhook]") {
    for (const char* url : {"http://93.184.216.34/hook", "https://93.184.216.34:8443/x?wait=true",
                            "http://172.32.0.1/", "http://172.15.255.255/", "http://100.128.0.1/",
                            "http://100.63.255.255/", "http://11.0.0.1/", "http://[2606:4700::1]/",
                            "http://[2001:db8::ffff:1]/"}) {
        INFO(url);
        CHECK_FALSE(refuse_reason(url, false));
    }
}

TEST_CASE("webhook policy: bad schemes and malformed URLs are refused", "[webhook]") {
    for (const char* url :
         {"", "ftp://93.184.216.34/", "93.184.216.34/hook", "file:///etc/passwd",
          "gopher://93.184.216.34/", "http://", "http:///path", "http://93.184.216.34:0/",
          "http://93.184.216.34:65536/", "http://93.184.216.34:80x/",
          "http://user:pw@93.184.216.34/", "http://93.184.216.34/a b", "http://[::1/",
          "http://[nothex::1]/", "http://93.184.216.34/\r\nX-Injected: 1"}) {
        INFO(url);
        CHECK(refuse_reason(url, true));
    }
}

TEST_CASE("webhook policy: the target keeps host, port, path and the address to connect to",
          "[webhook]") {
    auto target = std::get<WebhookTarget>(
        check_target("HTTPS://93.184.216.34/api/webhooks/1/abc?wait=true#part", false));
    CHECK(target.https);
    CHECK(target.host == "93.184.216.34");
    CHECK(target.port == 443);
    CHECK(target.path == "/api/webhooks/1/abc?wait=true");
    CHECK(target.addresses == std::vector<std::string>{"93.184.216.34"});

    target = std::get<WebhookTarget>(check_target("http://[::1]:8080", true));
    CHECK_FALSE(target.https);
    CHECK(target.host == "::1");
    CHECK(target.port == 8080);
    CHECK(target.path == "/");

    target = std::get<WebhookTarget>(check_target("http://localhost:81?x=1", true));
    CHECK(target.path == "/?x=1");
    CHECK_FALSE(target.addresses.empty());

    // Only a name that does not resolve may be worth trying again.
    CHECK_FALSE(std::get<Refusal>(check_target("http://127.0.0.1/", false)).transient);
    CHECK_FALSE(std::get<Refusal>(check_target("ftp://93.184.216.34/", false)).transient);
}

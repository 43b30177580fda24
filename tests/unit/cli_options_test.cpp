#include "server/cli_options.h"
#include "server/mail/smtp_client.h"

#include <catch2/catch.hpp>

using namespace orchard;

TEST_CASE("serve takes host, port, data and public folders") {
    auto command = parse_command_line(
        {"serve", "--host", "0.0.0.0", "--port", "9000", "--data", "/tmp/x", "--quiet"});
    auto* options = std::get_if<ServeOptions>(&command);
    REQUIRE(options);
    CHECK(options->host == "0.0.0.0");
    CHECK(options->port == 9000);
    CHECK(options->data_dir == "/tmp/x");
    CHECK_FALSE(options->log_requests);
}

TEST_CASE("serve defaults to 127.0.0.1:8080 and ./data") {
    auto options = std::get<ServeOptions>(parse_command_line({"serve"}));
    CHECK(options.host == "127.0.0.1");
    CHECK(options.port == 8080);
    CHECK(options.data_dir == "data");
}

TEST_CASE("help is available for the program and for serve") {
    CHECK(std::get<ShowHelp>(parse_command_line({})).text.find("serve") != std::string::npos);
    CHECK(std::get<ShowHelp>(parse_command_line({"serve", "--help"})).text.find("--port") !=
          std::string::npos);
}

TEST_CASE("bad command lines are usage errors") {
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"explode"})));
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--port", "70000"})));
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--port", "8x"})));
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--port"})));
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--bogus"})));
}

TEST_CASE("user add takes a username, a display name, a role and a data folder") {
    const auto command = parse_command_line({"user", "add", "--username", "root", "--role", "admin",
                                             "--display-name", "Root", "--data", "d"});
    const auto* options = std::get_if<AddUserOptions>(&command);
    REQUIRE(options);
    CHECK(options->username == "root");
    CHECK(options->role == "admin");
    CHECK(options->display_name == "Root");
    CHECK(options->data_dir == "d");
    CHECK(std::get<AddUserOptions>(parse_command_line({"user", "add", "--username", "x"})).role ==
          "contributor");
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"user", "add"})));
    CHECK(std::holds_alternative<UsageError>(
        parse_command_line({"user", "add", "--username", "x", "--role", "owner"})));
    CHECK(std::holds_alternative<ShowHelp>(parse_command_line({"user", "add", "--help"})));
}

TEST_CASE("serve collects the origins allowed to call the API") {
    const auto options = std::get<ServeOptions>(parse_command_line(
        {"serve", "--allow-origin", "https://a.example", "--allow-origin", "https://b.example"}));
    CHECK(options.allowed_origins ==
          std::vector<std::string>{"https://a.example", "https://b.example"});
    CHECK(std::get<ServeOptions>(parse_command_line({"serve"})).allowed_origins.empty());
}

TEST_CASE("serve collects the origins that may frame Orchard, each a bare origin") {
    const auto options = std::get<ServeOptions>(parse_command_line(
        {"serve", "--embed-origin", "https://a.example", "--embed-origin", "http://127.0.0.1:81"}));
    CHECK(options.embed_origins ==
          std::vector<std::string>{"https://a.example", "http://127.0.0.1:81"});
    CHECK(std::get<ServeOptions>(parse_command_line({"serve"})).embed_origins.empty());
    // Anything else would change what the Content-Security-Policy says.
    for (const char* bad :
         {"*", "https://a.example/", "https://a.example/path", "a.example",
          "https://a.example; script-src *", "https://a.example 'self'", "https://a.example:0",
          "https://a.example:99999", "https://", "javascript:alert(1)", "https://*.example"}) {
        INFO(bad);
        CHECK(std::holds_alternative<UsageError>(
            parse_command_line({"serve", "--embed-origin", bad})));
    }
}

TEST_CASE("serve takes a kiosk's event and idle time, each checked") {
    const auto options = std::get<ServeOptions>(
        parse_command_line({"serve", "--kiosk", "spring-fair-2027", "--kiosk-idle-sec", "45"}));
    CHECK(options.kiosk_event == "spring-fair-2027");
    CHECK(options.kiosk_idle_seconds == 45);
    const auto defaults = std::get<ServeOptions>(parse_command_line({"serve"}));
    CHECK(defaults.kiosk_event.empty());
    CHECK(defaults.kiosk_idle_seconds == 90);
    for (const char* bad : {"", "Spring", "spring fair", "fair/2027", "a.b",
                            "an-event-name-that-is-longer-than-forty-chars"}) {
        INFO(bad);
        CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--kiosk", bad})));
    }
    for (const char* bad : {"4", "3601", "ten", ""}) {
        INFO(bad);
        CHECK(std::holds_alternative<UsageError>(
            parse_command_line({"serve", "--kiosk-idle-sec", bad})));
    }
}

TEST_CASE("serve takes the events a browser may be a kiosk of by its address, each checked") {
    const auto options = std::get<ServeOptions>(parse_command_line(
        {"serve", "--kiosk-allow", "spring-fair", "--kiosk-allow", "autumn-fair"}));
    CHECK(options.kiosk_url_events == std::vector<std::string>{"spring-fair", "autumn-fair"});
    CHECK(options.kiosk_event.empty());
    CHECK(std::get<ServeOptions>(parse_command_line({"serve"})).kiosk_url_events.empty());
    for (const char* bad : {"", "Spring", "fair/2027", "*"}) {
        INFO(bad);
        CHECK(std::holds_alternative<UsageError>(
            parse_command_line({"serve", "--kiosk-allow", bad})));
    }
}

TEST_CASE("serve takes a news webhook URL and whether it may be private") {
    const auto options = std::get<ServeOptions>(
        parse_command_line({"serve", "--news-webhook-url", "https://discord.com/api/webhooks/1/x",
                            "--news-webhook-allow-private"}));
    CHECK(options.news_webhook_url == "https://discord.com/api/webhooks/1/x");
    CHECK(options.news_webhook_allow_private);
    const auto defaults = std::get<ServeOptions>(parse_command_line({"serve"}));
    CHECK(defaults.news_webhook_url.empty());
    CHECK_FALSE(defaults.news_webhook_allow_private);
    CHECK(std::holds_alternative<UsageError>(
        parse_command_line({"serve", "--news-webhook-url", "ftp://example.org/hook"})));
    CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", "--news-webhook-url"})));
    CHECK(std::get<ShowHelp>(parse_command_line({"serve", "--help"}))
              .text.find("--news-webhook-url") != std::string::npos);
}

TEST_CASE("serve takes the HTTP layer's limits and refuses numbers out of range") {
    auto options = std::get<ServeOptions>(parse_command_line(
        {"serve", "--max-body-kb", "64", "--max-body-memory-mb", "32", "--max-connections", "500",
         "--max-connections-per-address", "0", "--request-timeout-sec", "5", "--api-only"}));
    CHECK(options.max_body_bytes == 64 * 1024);
    CHECK(options.max_body_memory_bytes == 32u << 20);
    CHECK(options.max_connections == 500);
    CHECK(options.max_connections_per_address == 0);
    CHECK(options.request_timeout_sec == 5);
    CHECK(options.api_only);
    for (const char* bad : {"--max-body-memory-mb", "--max-connections", "--request-timeout-sec"}) {
        CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", bad, "0"})));
        CHECK(std::holds_alternative<UsageError>(parse_command_line({"serve", bad, "x"})));
    }
}

TEST_CASE("serve trusts the reverse proxies it is told of, by address only") {
    auto options = std::get<ServeOptions>(
        parse_command_line({"serve", "--trusted-proxy", "10.0.0.2", "--trusted-proxy", "::1"}));
    CHECK(options.trusted_proxies == std::vector<std::string>{"10.0.0.2", "::1"});
    CHECK(std::get<ServeOptions>(parse_command_line({"serve"})).trusted_proxies.empty());
    for (const char* bad : {"proxy.example", "10.0.0.0/8", "*", ""})
        CHECK(std::holds_alternative<UsageError>(
            parse_command_line({"serve", "--trusted-proxy", bad})));
}

TEST_CASE("the default e-mail sender passes the relay's own address check, a bad one is refused") {
    const auto parsed = parse_command_line({"serve", "--smtp", "127.0.0.1:25"});
    REQUIRE(std::holds_alternative<ServeOptions>(parsed));
    CHECK(orchard::mail::plausible_address(std::get<ServeOptions>(parsed).mail_from));
    CHECK(std::holds_alternative<UsageError>(
        parse_command_line({"serve", "--mail-from", "not an address"})));
}

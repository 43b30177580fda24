#include "server/cli_options.h"

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

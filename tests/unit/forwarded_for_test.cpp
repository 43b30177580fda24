#include "server/http/forwarded_for.h"

#include <catch2/catch.hpp>

using orchard::http::client_address;
using orchard::http::is_ip_address;

TEST_CASE("behind a trusted proxy the client is the last X-Forwarded-For entry") {
    const std::vector<std::string> proxies = {"10.0.0.2", "::1"};
    CHECK(client_address("10.0.0.2", "203.0.113.7", proxies) == "203.0.113.7");
    // What the client wrote itself comes first; the proxy appended the real address.
    CHECK(client_address("10.0.0.2", "1.2.3.4, 203.0.113.7", proxies) == "203.0.113.7");
    CHECK(client_address("::1", " 2001:db8::5 ", proxies) == "2001:db8::5");
}

TEST_CASE("anyone else is taken at their own address, whatever they forward") {
    const std::vector<std::string> proxies = {"10.0.0.2"};
    CHECK(client_address("198.51.100.9", "203.0.113.7", proxies) == "198.51.100.9");
    CHECK(client_address("198.51.100.9", "203.0.113.7", {}) == "198.51.100.9");
    // A trusted proxy's header that does not end in an address leaves the proxy's own.
    CHECK(client_address("10.0.0.2", "", proxies) == "10.0.0.2");
    CHECK(client_address("10.0.0.2", "203.0.113.7, unknown", proxies) == "10.0.0.2");
    CHECK(client_address("10.0.0.2", "203.0.113.7:5555", proxies) == "10.0.0.2");
}

TEST_CASE("IP addresses are told apart from names and ports") {
    CHECK(is_ip_address("127.0.0.1"));
    CHECK(is_ip_address("2001:db8::1"));
    CHECK_FALSE(is_ip_address("localhost"));
    CHECK_FALSE(is_ip_address("[::1]"));
    CHECK_FALSE(is_ip_address("1.2.3.4:80"));
    CHECK_FALSE(is_ip_address(""));
    CHECK_FALSE(is_ip_address(std::string(100, '1')));
}

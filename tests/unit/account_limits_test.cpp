// The server's account checks follow the limits the client's forms announce
// (protocol/account_limits.h): both ends read the same numbers.
#include "protocol/account_limits.h"
#include "server/domain/accounts.h"

#include <catch2/catch.hpp>
#include <string>

using namespace orchard;

TEST_CASE("account limits: the server takes exactly what the shared limits allow") {
    const std::string password(protocol::kPasswordMinLength, 'p');
    const std::string username(protocol::kUsernameMaxLength, 'u');
    CHECK_FALSE(domain::credentials_problem(username, password));
    CHECK(domain::credentials_problem(username + "u", password));
    CHECK(domain::credentials_problem(username, password.substr(1)));
    CHECK_FALSE(domain::credentials_problem(std::string(protocol::kUsernameMinLength, 'u'),
                                            std::string(protocol::kPasswordMaxLength, 'p')));
    CHECK(
        domain::credentials_problem(std::string(protocol::kUsernameMinLength - 1, 'u'), password));
    CHECK(
        domain::credentials_problem(username, std::string(protocol::kPasswordMaxLength + 1, 'p')));
}

TEST_CASE("account limits: the numbers the server has always used") {
    // Changing one is a protocol change: existing accounts and other frontends rely on them.
    STATIC_REQUIRE(protocol::kPasswordMinLength == 8);
    STATIC_REQUIRE(protocol::kUsernameMaxLength == 32);
    STATIC_REQUIRE(protocol::kDisplayNameMaxLength == 64);
}

// The rules of Orchard's own accounts (server/domain/accounts.h), apart from any request.
#include "server/domain/accounts.h"

#include <catch2/catch.hpp>

using namespace orchard;

TEST_CASE("account rules: usernames, passwords and display names") {
    CHECK_FALSE(domain::credentials_problem("ada.l-1_x", "long enough"));
    CHECK(domain::credentials_problem("ad", "long enough"));
    CHECK(domain::credentials_problem("ada lovelace", "long enough"));
    CHECK(domain::credentials_problem("ada", "short"));
    CHECK(domain::credentials_problem("ada", std::string(1025, 'x')));
    CHECK_THROWS_AS(domain::check_new_credentials("ada", "short"), domain::DomainError);
    CHECK_NOTHROW(domain::check_display_name("Ada"));
    CHECK_THROWS_AS(domain::check_display_name(""), domain::DomainError);
    CHECK_THROWS_AS(domain::check_display_name(std::string(65, 'x')), domain::DomainError);
    CHECK(domain::is_role("moderator"));
    CHECK_FALSE(domain::is_role("root"));
}

TEST_CASE("account rules: new accounts, and who may claim a username") {
    const auto guest = domain::new_account("Guest");
    CHECK(guest.role == "contributor");
    CHECK(guest.is_guest());
    CHECK_NOTHROW(domain::check_may_claim(guest));
    const auto registered = domain::registered_account("ada", "");
    CHECK(registered.display_name == "ada");
    CHECK(domain::registered_account("ada", "Ada L.").display_name == "Ada L.");
    try {
        domain::check_may_claim(registered);
        FAIL("an account with a username claimed another");
    } catch (const domain::DomainError& error) {
        CHECK(error.http_status == 400);
    }
    const auto by_email = domain::email_account("ada@example.org");
    CHECK(by_email.display_name == "ada");
    CHECK(by_email.email == "ada@example.org");
    CHECK(domain::username_taken("ada").http_status == 409);
}

TEST_CASE("account rules: failed sign-ins count per account and address, without case") {
    const auto keys = domain::sign_in_keys("Ada", "192.0.2.1");
    CHECK(keys.account == "account:ada|address:192.0.2.1");
    CHECK(keys.address == "address:192.0.2.1");
    const auto refusal = domain::too_many_sign_ins(10'500, 10'000);
    CHECK(refusal.code == protocol::ErrorCode::TooManyRequests);
    CHECK(refusal.retry_after_sec == 1);
    CHECK(domain::too_many_sign_ins(10'000, 10'000).retry_after_sec == 1);
    CHECK(domain::too_many_sign_ins(70'001, 10'000).retry_after_sec == 61);
}

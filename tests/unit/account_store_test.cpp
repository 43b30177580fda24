// Sessions expire and can be revoked: checked on the real SQLite schema.
#include "server/store/account_store.h"
#include "server/store/database.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace orchard::store;

TEST_CASE("account store: a session names its account until it expires or is revoked") {
    orchard::test::TempDir dir;
    auto database = Database::open(dir.path() / "orchard.db");
    database->write([](StatementCache& statements) {
        AccountStore accounts(statements);
        AccountRecord ada;
        ada.user_id = "u-ada";
        ada.username = "ada";
        ada.password_hash = "hash";
        ada.role = "contributor";
        ada.display_name = "Ada";
        accounts.insert_account(ada, 1000);
        accounts.insert_session("h1", "u-ada", 1000, 5000);
        accounts.insert_session("h2", "u-ada", 1000, 5000);

        CHECK(accounts.session_account("h1", 4999)->username == "ada");
        CHECK_FALSE(accounts.session_account("h1", 5000)); // expired at expires_ms
        CHECK_FALSE(accounts.session_account("unknown", 2000));
        accounts.revoke_session("h1");
        CHECK_FALSE(accounts.session_account("h1", 2000));
        CHECK(accounts.session_account("h2", 2000)); // the other session lives on
        accounts.revoke_sessions_of("u-ada");
        CHECK_FALSE(accounts.session_account("h2", 2000));

        CHECK(accounts.find_by_username("ADA")->user_id == "u-ada"); // case-insensitive
        CHECK_FALSE(accounts.find_by_user("u-ada")->terms_accepted_ms);
        accounts.accept_terms("u-ada", 3000);
        accounts.accept_terms("u-ada", 4000); // the first acceptance is kept
        CHECK(accounts.find_by_user("u-ada")->terms_accepted_ms == 3000);
    });
}

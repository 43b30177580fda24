// The account settings screen's logic (src/client/app_settings.cpp) runs natively against the
// real server: a contributor changes the display name, leaves the leaderboards, changes the
// password, signs out on every device and deletes the account, and the server agrees each time.
#include "tests/support/client_contributor.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <variant>

using namespace orchard::client;
using orchard::protocol::TaskType;
using orchard::protocol::TimeFrame;

namespace {

constexpr const char* kPassword = orchard::test::kContributorPassword;

// Signs up and opens the settings screen, where every test starts.
struct Contributor : orchard::test::ClientContributor {
    Contributor() : ClientContributor(7) {}
    void register_and_accept(const std::string& username) {
        ClientContributor::register_and_accept(username);
        app.show_screen(Screen::Settings, 1);
        REQUIRE(app.state().screen == Screen::Settings);
    }
    void write_assistant_reply() {
        ClientContributor::write_assistant_reply(
            "Leaves turn yellow in autumn when the tree stops making chlorophyll, so the yellow "
            "pigments that were there all along show through.");
    }
};

// What a second, independent client sees with `token`: the account, or the HTTP status.
std::variant<orchard::protocol::Account, ClientError> me_with(Contributor& c,
                                                              const std::string& token) {
    ApiClient other{c.transport};
    other.set_session_token(token);
    std::variant<orchard::protocol::Account, ClientError> out = ClientError{};
    other.me([&](ApiResult<orchard::protocol::Account> result) { out = std::move(result); });
    return out;
}

// Signs in with a fresh client; true when the server gave a session.
bool can_sign_in(Contributor& c, const std::string& username, const std::string& password) {
    ApiClient other{c.transport};
    bool ok = false;
    other.login(username, password, [&](ApiResult<orchard::protocol::SessionGrant> result) {
        ok = std::holds_alternative<orchard::protocol::SessionGrant>(result);
    });
    return ok;
}

std::vector<orchard::protocol::UserScore> total_board(Contributor& c) {
    std::vector<orchard::protocol::UserScore> rows;
    c.api.leaderboard(TimeFrame::Total, 0, 100, [&](ApiResult<orchard::protocol::Leaderboard> r) {
        REQUIRE(std::holds_alternative<orchard::protocol::Leaderboard>(r));
        rows = std::get<orchard::protocol::Leaderboard>(r).rows;
    });
    return rows;
}

bool on_board(const std::vector<orchard::protocol::UserScore>& rows, const std::string& user) {
    return std::any_of(rows.begin(), rows.end(),
                       [&](const auto& row) { return row.user_id == user; });
}

} // namespace

TEST_CASE("client settings: a new display name is saved and /auth/me shows it") {
    Contributor c;
    c.register_and_accept("renamer");
    c.app.save_display_name("  Ada of the Orchard ", 2);
    const auto& s = c.app.state().settings;
    INFO(s.problem);
    CHECK(s.problem.empty());
    CHECK(s.outcome == SettingsSection::Name);
    CHECK(s.busy == SettingsSection::None);
    CHECK(s.notice.find("Ada of the Orchard") != std::string::npos);
    CHECK(c.app.state().account->display_name == "Ada of the Orchard");
    auto me = me_with(c, c.api.session_token());
    REQUIRE(std::holds_alternative<orchard::protocol::Account>(me));
    CHECK(std::get<orchard::protocol::Account>(me).display_name == "Ada of the Orchard");

    SECTION("an empty name is refused with a sentence and nothing changes") {
        c.app.save_display_name("   ", 3);
        CHECK_FALSE(c.app.state().settings.problem.empty());
        CHECK(c.app.state().account->display_name == "Ada of the Orchard");
    }
    SECTION("a name that is too long gets the server's sentence") {
        c.app.save_display_name(std::string(80, 'x'), 3);
        CHECK(c.app.state().settings.problem.find("display name") != std::string::npos);
        CHECK(c.app.state().account->display_name == "Ada of the Orchard");
    }
}

TEST_CASE("client settings: opting out of the leaderboards hides the person there") {
    Contributor c;
    c.register_and_accept("shy");
    const std::string me = c.app.state().account->id;
    c.write_assistant_reply();
    REQUIRE(on_board(total_board(c), me));

    c.app.show_screen(Screen::Settings, 3);
    c.app.set_show_on_leaderboard(false, 3);
    INFO(c.app.state().settings.problem);
    CHECK(c.app.state().settings.problem.empty());
    CHECK_FALSE(c.app.state().account->show_on_leaderboard);
    CHECK_FALSE(c.app.state().settings.pending_show);
    CHECK_FALSE(on_board(total_board(c), me));
    auto account = me_with(c, c.api.session_token());
    REQUIRE(std::holds_alternative<orchard::protocol::Account>(account));
    CHECK_FALSE(std::get<orchard::protocol::Account>(account).show_on_leaderboard);

    c.app.set_show_on_leaderboard(true, 4);
    CHECK(c.app.state().account->show_on_leaderboard);
    CHECK(on_board(total_board(c), me));
}

TEST_CASE("client settings: a new password replaces the old one") {
    Contributor c;
    c.register_and_accept("rotator");

    SECTION("the repetition must match, checked before sending") {
        c.app.change_password(kPassword, "a brand new password", "a brand new passwort", 2);
        CHECK(c.app.state().settings.problem.find("not the same") != std::string::npos);
        CHECK(can_sign_in(c, "rotator", kPassword));
    }
    SECTION("a wrong current password is a sentence, and the session stays") {
        c.app.change_password("not my password", "a brand new password", "a brand new password", 2);
        const auto& s = c.app.state().settings;
        CHECK(s.problem.find("current password is not right") != std::string::npos);
        CHECK(s.busy == SettingsSection::None);
        CHECK(c.app.state().screen == Screen::Settings);
        CHECK(c.app.state().account);
        CHECK(can_sign_in(c, "rotator", kPassword));
    }
    SECTION("a too short new password gets the server's sentence") {
        c.app.change_password(kPassword, "short", "short", 2);
        CHECK_FALSE(c.app.state().settings.problem.empty());
        CHECK(c.app.state().settings.password_changes == 0);
        CHECK(can_sign_in(c, "rotator", kPassword));
    }
    SECTION("the right current password changes it") {
        c.app.change_password(kPassword, "a brand new password", "a brand new password", 2);
        const auto& s = c.app.state().settings;
        INFO(s.problem);
        CHECK(s.problem.empty());
        CHECK(s.password_changes == 1);
        CHECK_FALSE(s.notice.empty());
        CHECK_FALSE(can_sign_in(c, "rotator", kPassword));
        CHECK(can_sign_in(c, "rotator", "a brand new password"));
        // The client signs in with it too.
        c.app.sign_out();
        c.app.login("rotator", kPassword, 0);
        CHECK(c.app.state().screen == Screen::SignIn);
        CHECK_FALSE(c.app.state().sign_in.problem.empty());
        c.app.login("rotator", "a brand new password", 0);
        CHECK(c.app.state().screen == Screen::Dashboard);
    }
}

TEST_CASE("client settings: signing out on every device ends every session") {
    Contributor c;
    c.register_and_accept("traveller");
    const std::string here = c.api.session_token();
    std::string elsewhere;
    ApiClient laptop{c.transport};
    laptop.login("traveller", kPassword, [&](ApiResult<orchard::protocol::SessionGrant> result) {
        REQUIRE(std::holds_alternative<orchard::protocol::SessionGrant>(result));
        elsewhere = std::get<orchard::protocol::SessionGrant>(result).token;
    });
    REQUIRE(std::holds_alternative<orchard::protocol::Account>(me_with(c, elsewhere)));

    c.app.sign_out_everywhere(2);
    CHECK(c.app.state().screen == Screen::SignIn);
    CHECK_FALSE(c.app.state().account);
    CHECK(c.app.state().sign_in.notice.find("every device") != std::string::npos);
    for (const auto& token : {here, elsewhere}) {
        auto me = me_with(c, token);
        REQUIRE(std::holds_alternative<ClientError>(me));
        CHECK(std::get<ClientError>(me).http_status == 401);
    }
    // The password still works: only the sessions ended.
    c.app.login("traveller", kPassword, 0);
    CHECK(c.app.state().screen == Screen::Dashboard);
    CHECK(c.app.state().sign_in.notice.empty());
}

TEST_CASE("client settings: a deleted account can't be used or signed in to again") {
    Contributor c;
    c.register_and_accept("leaver");
    const std::string me = c.app.state().account->id;
    c.write_assistant_reply();
    REQUIRE(on_board(total_board(c), me));
    const std::string token = c.api.session_token();

    c.app.show_screen(Screen::Settings, 3);
    c.app.delete_account(3);
    CHECK(c.app.state().screen == Screen::SignIn);
    CHECK_FALSE(c.app.state().account);
    CHECK(c.app.state().sign_in.notice.find("deleted") != std::string::npos);
    auto after = me_with(c, token);
    REQUIRE(std::holds_alternative<ClientError>(after));
    CHECK(std::get<ClientError>(after).http_status == 401);
    CHECK_FALSE(can_sign_in(c, "leaver", kPassword));

    // Off the leaderboards (asked by someone else, the old session being gone).
    c.app.register_account("watcher", "Watcher", kPassword, 0);
    c.app.accept_terms(0);
    CHECK_FALSE(on_board(total_board(c), me));
}

TEST_CASE("client settings: a guest renames, keeps the account, then changes its password") {
    Contributor c;
    c.app.start(0);
    c.app.continue_as_guest("Visitor", 0);
    c.app.accept_terms(0);
    REQUIRE(c.app.state().screen == Screen::Dashboard);
    c.app.show_screen(Screen::Settings, 1);
    REQUIRE(c.app.state().account->guest);
    c.app.save_display_name("Visiting Ada", 2);
    CHECK(c.app.state().account->display_name == "Visiting Ada");
    c.app.claim_account("visiting-ada", kPassword);
    CHECK_FALSE(c.app.state().account->guest);
    CHECK(c.app.state().account->username == std::optional<std::string>("visiting-ada"));
    c.app.change_password(kPassword, "another long password", "another long password", 3);
    CHECK(c.app.state().settings.password_changes == 1);
    CHECK(can_sign_in(c, "visiting-ada", "another long password"));
}

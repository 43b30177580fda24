// The client's people screen and audit log (src/client: App state and ApiClient calls) natively
// against the real server: a moderator finds a contributor, bans them with a reason (asked
// first), hides them, writes a note and purges a frontend user's messages after the preview;
// an admin changes a role and reads all of it back in the audit log, whose chain holds.
#include "tests/support/client_staff.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::test::Frontend;

namespace {

struct StaffClient : orchard::test::ClientStaff {
    // Finds one person by `words` and opens their page.
    void open(const std::string& words, double now) {
        app.forms().people.query = words;
        app.search_people(now);
        const auto& people = app.state().people;
        REQUIRE(people.loaded);
        REQUIRE(people.items.size() == 1);
        app.open_person(people.items[0].id, now);
        REQUIRE(people.person);
    }
};

} // namespace

TEST_CASE("client people: a moderator bans with a reason, hides, notes and purges") {
    StaffClient c;
    const std::string kept = c.write_prompt("ann", "Buy cheap watches at example.test!");
    c.write_prompt("ann", "More watches at example.test!");
    c.sign_in("moder", "moderator password");
    c.app.show_screen(Screen::People, 1);
    const auto& people = c.app.state().people;
    REQUIRE(people.loaded);
    CHECK(people.items.size() >= 4); // the three accounts and the frontend's ann, newest first

    c.open("carl", 2);
    CHECK(people.person->user.username == "carla");
    CHECK(people.person->user.enabled);

    SECTION("a ban needs a reason, asks first, and the person is shown the reason") {
        c.app.ask_ban();
        CHECK(people.confirm == PersonAction::None);
        CHECK_FALSE(people.problem.empty());
        c.app.forms().people.ban_reason = "  Spam in several prompts ";
        c.app.ask_ban();
        REQUIRE(people.confirm == PersonAction::Ban);
        c.app.cancel_person_action();
        CHECK(people.confirm == PersonAction::None);
        CHECK(people.person->user.enabled); // cancelled: nothing sent
        c.app.ask_ban();
        c.app.confirm_person_action(3);
        CHECK(people.problem.empty());
        CHECK_FALSE(people.person->user.enabled);
        CHECK(people.person->user.disabled_reason == "Spam in several prompts");
        CHECK(c.app.forms().people.ban_reason.empty());
        // Carla, signing in, is told why.
        const auto refused = c.browser.post(
            "/api/v1/auth/login", {{"username", "carla"}, {"password", "carla password"}});
        CHECK(refused.body["reason"] == "Spam in several prompts");
        c.app.unban_person(4);
        CHECK(people.person->user.enabled);
    }

    SECTION("hidden from the leaderboards and back, and a private note") {
        c.app.set_person_hidden(true, 3);
        CHECK(people.person->user.hidden_from_leaderboards);
        c.app.set_person_hidden(false, 4);
        CHECK_FALSE(people.person->user.hidden_from_leaderboards);
        c.app.forms().people.note = "Warned about spam on 4 December.";
        c.app.add_person_note(5);
        REQUIRE(people.person->notes.size() == 1);
        CHECK(people.person->notes[0].text == "Warned about spam on 4 December.");
        CHECK(c.app.forms().people.note.empty());
        // Read back from the server, not only kept by the client.
        c.app.open_person(people.opened, 6);
        REQUIRE(people.person->notes.size() == 1);
        CHECK(people.person->notes[0].author_name == "moder");
    }

    SECTION("a purge shows its preview, changes nothing until confirmed, then what it said") {
        c.app.close_person();
        c.open("User ann", 3);
        CHECK(people.person->counts.messages == 2);
        CHECK(people.messages.size() == 2);
        c.app.ask_purge(4);
        REQUIRE(people.confirm == PersonAction::Purge);
        REQUIRE(people.purge_plan);
        CHECK(people.purge_plan->messages.size() == 2);
        CHECK(people.purge_plan->trees.size() == 2);
        CHECK(c.app_frontend.get("/api/v1/messages/" + kept, "viewer").status == 200);
        c.app.confirm_person_action(5);
        CHECK(people.problem.empty());
        CHECK_FALSE(people.notice.empty());
        CHECK(c.app_frontend.get("/api/v1/messages/" + kept, "viewer").status == 404);
        CHECK(people.person->counts.deleted_messages == 2);
        // Her prompts ended their trees low grade: she now leads the trollboard over the list.
        c.app.forms().people.query.clear();
        c.app.search_people(6);
        REQUIRE_FALSE(people.trollboard.empty());
        CHECK(people.trollboard[0].user_id == people.opened);
        CHECK(people.trollboard[0].line.spam_prompts == 2);
    }

    SECTION("a moderator cannot change roles, nor open the audit log") {
        c.app.ask_role("moderator");
        c.app.confirm_person_action(3);
        CHECK_FALSE(people.problem.empty());
        REQUIRE(people.person->user.role);
        CHECK(*people.person->user.role == "contributor");
        c.app.show_screen(Screen::AuditLog, 4);
        CHECK(c.app.state().audit.rows.empty());
        CHECK_FALSE(c.app.state().audit.problem.empty());
    }
}

TEST_CASE("client people: an admin changes a role and reads it in the audit log") {
    StaffClient c;
    c.sign_in("boss", "admin password");
    c.app.show_screen(Screen::People, 1);
    c.open("carla", 2);
    const auto& people = c.app.state().people;
    c.app.ask_role("moderator");
    REQUIRE(people.confirm == PersonAction::Role);
    c.app.confirm_person_action(3);
    REQUIRE(people.person->user.role);
    CHECK(*people.person->user.role == "moderator");
    c.app.forms().people.note = "Promoted for good reviews.";
    c.app.add_person_note(4);

    c.app.show_screen(Screen::AuditLog, 5);
    const auto& audit = c.app.state().audit;
    REQUIRE(audit.loaded);
    REQUIRE(audit.rows.size() == 2);
    CHECK(audit.rows[0].action == "user.note"); // newest first
    CHECK(audit.rows[1].action == "user.role");
    CHECK(audit.rows[1].actor_name == "boss");
    CHECK(audit.rows[1].before == R"({"role":"contributor"})");
    CHECK(audit.rows[1].after == R"({"role":"moderator"})");
    REQUIRE(audit.check);
    CHECK(audit.check->intact);
    CHECK(audit.check->rows == 2);

    c.app.set_audit_kind("user.*", 6);
    CHECK(audit.rows.size() == 2);
    c.app.set_audit_kind("message.*", 7);
    CHECK(audit.loaded);
    CHECK(audit.rows.empty());
}

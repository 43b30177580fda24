// The client's review queue (src/client: App state and ApiClient calls) natively against the
// real server: a moderator lists what people reported and flag-labelled, keeps one, removes
// another after the confirmation, and sees both decided under "All"; a contributor's client is
// refused by the server and shows why.
#include "tests/support/client_staff.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::test::Frontend;

namespace {

struct ModeratorClient : orchard::test::ClientStaff {
    void report(const std::string& who, const std::string& message_id, const std::string& why) {
        REQUIRE(app_frontend
                    .post("/api/v1/text_labels", {{"user", Frontend::user(who)},
                                                  {"message_id", message_id},
                                                  {"labels", {{"spam", 1}}},
                                                  {"text", why},
                                                  {"is_report", true}})
                    .status == 204);
    }
};

} // namespace

TEST_CASE("client moderation: a moderator keeps one message and removes another") {
    ModeratorClient c;
    const std::string first = c.write_prompt("ann", "Cheap watches at example.test!");
    const std::string second = c.write_prompt("bob", "How do I repot an orchid?");
    c.report("r1", first, "An advert.");
    c.report("r2", second, "Looks like spam to me.");
    c.sign_in("moder", "moderator password");
    CHECK(is_staff(c.app.state()));

    c.app.show_screen(Screen::Moderation, 1);
    const auto& m = c.app.state().moderation;
    REQUIRE(m.loaded);
    REQUIRE(m.items.size() == 2);
    CHECK(m.items[0].message.id == second); // the latest first
    CHECK(m.selected == second);
    CHECK(m.items[1].reports == 1);
    REQUIRE(m.items[1].latest_reports.size() == 1);
    CHECK(m.items[1].latest_reports[0].text == "An advert.");
    CHECK(m.items[1].labels.at("spam") == 1);
    CHECK(m.items[1].author_name == "User ann");

    c.app.decide_flagged(second, "keep", 2);
    REQUIRE(m.items.size() == 1);
    CHECK(m.selected == first);
    CHECK_FALSE(m.notice.empty());

    // Removing asks first; cancelling keeps it listed.
    c.app.decide_flagged(first, "remove", 3);
    CHECK(m.confirm_remove == first);
    CHECK(m.items.size() == 1);
    c.app.cancel_remove_flagged();
    CHECK(m.confirm_remove.empty());
    c.app.decide_flagged(first, "remove", 4);
    c.app.confirm_remove_flagged(4);
    CHECK(m.items.empty());
    CHECK(m.problem.empty());
    CHECK(c.app_frontend.get("/api/v1/messages/" + first, "viewer").status == 404);
    CHECK(c.app_frontend.get("/api/v1/messages/" + second, "viewer").status == 200);

    c.app.set_moderation_view(false, false, 5);
    REQUIRE(m.items.size() == 2);
    for (const auto& item : m.items) {
        CHECK(item.handled);
        REQUIRE(item.decision);
        CHECK(*item.decision == (item.message.id == first ? "remove" : "keep"));
    }

    // From an item to its author's page, where a ban is.
    const std::string author = m.items[0].author_id;
    c.app.open_author(author, 6);
    CHECK(c.app.state().screen == Screen::People);
    REQUIRE(c.app.state().people.person);
    CHECK(c.app.state().people.person->user.id == author);
    CHECK(c.app.state().people.person->user.display_name == m.items[0].author_name);
}

TEST_CASE("client moderation: in the explorer, a moderator edits, deletes and halts") {
    ModeratorClient c;
    const std::string prompt = c.write_prompt("ann", "How do I repot an orchid?");
    c.sign_in("moder", "moderator password");
    c.app.show_screen(Screen::Explore, 1);
    c.app.open_tree(prompt, 2);
    const auto& e = c.app.state().explore;
    REQUIRE(e.tree);
    REQUIRE(e.details);
    CHECK(e.history.empty()); // never edited

    c.app.start_edit_explored();
    CHECK(e.editing);
    CHECK(c.app.forms().explore.edit == "How do I repot an orchid?");
    c.app.forms().explore.edit = "How do I repot a phalaenopsis orchid?";
    c.app.save_edit_explored(3);
    CHECK(e.problem.empty());
    CHECK_FALSE(e.editing);
    REQUIRE(e.tree);
    CHECK(e.tree->messages[0].message.text == "How do I repot a phalaenopsis orchid?");
    CHECK(e.tree->messages[0].edited);
    REQUIRE(e.history.size() == 2); // the original, then the edit
    CHECK(e.history[0].text == "How do I repot an orchid?");
    CHECK(e.history[1].text == "How do I repot a phalaenopsis orchid?");

    c.app.set_explored_tree_halted(true, 4);
    REQUIRE(e.details);
    CHECK(e.details->tree_state == "halted_by_moderator");
    c.app.set_explored_tree_halted(false, 5);
    CHECK(e.details->tree_state != "halted_by_moderator");

    // Deleting asks first; the moderator still sees the message, marked, and can bring it back.
    c.app.ask_delete_explored();
    CHECK(e.confirm_delete);
    c.app.cancel_delete_explored();
    CHECK(c.app_frontend.get("/api/v1/messages/" + prompt, "viewer").status == 200);
    c.app.ask_delete_explored();
    c.app.confirm_delete_explored(6);
    CHECK(c.app_frontend.get("/api/v1/messages/" + prompt, "viewer").status == 404);
    REQUIRE(e.tree);
    CHECK(e.tree->messages[0].deleted);
    c.app.undelete_explored(7);
    CHECK_FALSE(e.tree->messages[0].deleted);
    CHECK(c.app_frontend.get("/api/v1/messages/" + prompt, "viewer").status == 200);
}

TEST_CASE("client moderation: a contributor's client is refused and says so") {
    ModeratorClient c;
    c.sign_in("carla", "carla password");
    CHECK_FALSE(is_staff(c.app.state()));
    c.app.show_screen(Screen::Moderation, 1);
    const auto& m = c.app.state().moderation;
    CHECK(m.items.empty());
    CHECK_FALSE(m.problem.empty());
}

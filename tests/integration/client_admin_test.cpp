// The client's tree manager and API keys screens (src/client: App state and ApiClient calls)
// natively against the real server: a moderator reads the trees' status but gets no settings;
// an admin changes a setting, is refused a value out of range with the server's reason, makes
// an API key that works, disables it, and rotates it after the confirmation.
#include "tests/support/client_staff.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::test::Frontend;

namespace {

// With the sample data, for trees to show.
struct AdminClient : orchard::test::ClientStaff {
    AdminClient() : ClientStaff({"--quiet", "--demo"}) {}
};

} // namespace

TEST_CASE("client admin: a moderator reads the trees' status, without the settings") {
    AdminClient c;
    c.sign_in("moder", "moderator password");
    c.app.show_screen(Screen::Trees, 1);
    const auto& t = c.app.state().trees;
    REQUIRE(t.status);
    CHECK(t.problem.empty());
    long long trees = 0;
    for (const auto& count : t.status->counts)
        trees += count.trees;
    CHECK(trees > 0); // the demo's trees
    CHECK(t.status->available.count("en") == 1);
    CHECK(t.config.empty());
}

TEST_CASE("client admin: an admin changes a setting, and a wrong one is refused with why") {
    AdminClient c;
    c.sign_in("boss", "admin password");
    c.app.show_screen(Screen::Trees, 1);
    const auto& t = c.app.state().trees;
    REQUIRE_FALSE(t.config.empty());
    const auto setting = [&](const std::string& key) {
        for (const auto& item : t.config)
            if (item.key == key) return item;
        FAIL("no setting " << key);
        return orchard::protocol::ConfigItem{};
    };
    CHECK(setting("max_active_trees").value == setting("max_active_trees").default_value);
    CHECK(c.app.forms().config.values.at("max_active_trees") ==
          std::to_string(static_cast<long long>(setting("max_active_trees").value)));

    c.app.save_config(2);
    CHECK(t.notice == "Nothing changed.");

    c.app.forms().config.values["max_active_trees"] = "7";
    c.app.save_config(3);
    CHECK(t.problem.empty());
    CHECK(setting("max_active_trees").value == 7);
    REQUIRE(setting("max_active_trees").last_change);
    CHECK(setting("max_active_trees").last_change->actor_name == "boss");
    CHECK(setting("max_active_trees").last_change->after == "7");

    c.app.forms().config.values["max_active_trees"] = "seven";
    c.app.save_config(4);
    CHECK(t.problem.find("max_active_trees") != std::string::npos);
    c.app.forms().config.values["max_active_trees"] = "-3";
    c.app.save_config(5);
    CHECK(t.problem.find("from") != std::string::npos); // the server's range
    CHECK(setting("max_active_trees").value == 7);
}

TEST_CASE("client admin: an admin makes an API key, disables it and rotates it") {
    AdminClient c;
    c.sign_in("boss", "admin password");
    c.app.show_screen(Screen::ApiKeys, 1);
    const auto& k = c.app.state().api_keys;
    REQUIRE(k.loaded);
    const std::size_t before = k.clients.size();

    c.app.create_api_key(2);
    CHECK_FALSE(k.problem.empty()); // a description first
    c.app.forms().api_key.description = "Discord bot";
    c.app.create_api_key(3);
    REQUIRE(k.issued);
    CHECK(k.clients.size() == before + 1);
    CHECK(c.app.forms().api_key.description.empty());
    const std::string id = k.issued->client.id;
    const std::string key = k.issued->api_key;
    Frontend bot{c.server.base_url(), key};
    CHECK(bot.request_task("dora", "initial_prompt").status == 200);

    c.app.dismiss_issued_api_key();
    CHECK_FALSE(k.issued);
    c.app.set_api_key_enabled(id, false, 4);
    CHECK(k.problem.empty());
    CHECK(bot.request_task("dora", "initial_prompt").status == 403);
    c.app.set_api_key_enabled(id, true, 5);

    c.app.ask_rotate_api_key(id);
    CHECK(k.confirm_rotate == id);
    c.app.cancel_rotate_api_key();
    CHECK(bot.request_task("dora", "initial_prompt").status == 200); // nothing rotated
    c.app.ask_rotate_api_key(id);
    c.app.confirm_rotate_api_key(6);
    REQUIRE(k.issued);
    CHECK(k.issued->api_key != key);
    CHECK(bot.request_task("dora", "initial_prompt").status == 403);
    Frontend rotated{c.server.base_url(), k.issued->api_key};
    CHECK(rotated.request_task("dora", "initial_prompt").status == 200);
}

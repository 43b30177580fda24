// The client inside another site's frame (docs/embedding.md), natively against the real server:
// what the host page is told as a guest signs in, does a task and signs out.
#include "client/app.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using nlohmann::json;

TEST_CASE("client embedding: the host hears of the sign-in, each task done with its points, and "
          "the sign-out") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server{dir.path(), {"--demo", "--quiet"}};
    MemoryStore storage;
    orchard::test::HttplibTransport transport{server.base_url()};
    ApiClient api{transport};
    App app{api, storage,
            AppOptions{.seed = 3, .embed = parse_embed_options("?embed=1&theme=dark", true)}};
    REQUIRE(app.state().embedded);
    CHECK(app.state().theme == Theme::Dark);

    app.start(0);
    CHECK(app.take_host_events().empty());
    app.continue_as_guest("Framed Guest", 0);
    REQUIRE(app.state().screen == Screen::Terms);
    auto events = app.take_host_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "signed_in");
    CHECK(events[0].detail == json{{"display_name", "Framed Guest"}, {"guest", true}});
    app.accept_terms(0);
    REQUIRE(app.state().screen == Screen::Dashboard);
    CHECK(app.take_host_events().empty()); // the same person, told once

    app.open_task("assistant_reply", 1);
    REQUIRE(app.state().task.phase == TaskPhase::Working);
    app.edit_text("Water basil at its base in the morning; give it the sunniest window you have.");
    REQUIRE(app.submit(2));
    events = app.take_host_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "task_done");
    CHECK(events[0].detail ==
          json{{"task_type", "assistant_reply"}, {"points", 4}, {"score", 4}, {"tasks_done", 1}});

    app.sign_out();
    events = app.take_host_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == "signed_out");
}

TEST_CASE("client embedding: a page that is not embedded keeps no events for a host") {
    orchard::test::TempDir dir;
    orchard::test::TestServer server{dir.path(), {"--demo", "--quiet"}};
    MemoryStore storage;
    orchard::test::HttplibTransport transport{server.base_url()};
    ApiClient api{transport};
    // ?embed=1 on a page that is not in a frame: an ordinary page.
    App app{api, storage, AppOptions{.seed = 3, .embed = parse_embed_options("embed=1", false)}};
    CHECK_FALSE(app.state().embedded);
    app.start(0);
    app.continue_as_guest("Top Level", 0);
    app.accept_terms(0);
    REQUIRE(app.state().screen == Screen::Dashboard);
    CHECK(app.take_host_events().empty());
}

// The client's logic (src/client) run natively against the real server.
#include "client/app.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>

using namespace orchard::client;
using orchard::test::HttplibTransport;
using orchard::test::TempDir;
using orchard::test::TestServer;

TEST_CASE("the app connects, notices the server going away, and recovers by itself") {
    TempDir dir;
    auto server = std::make_unique<TestServer>(dir.path());
    const int port = server->port();
    HttplibTransport transport(server->base_url());
    ApiClient api(transport);
    MemoryStore store;
    App app(api, store, {.theme = Theme::Light});

    app.start(0.0);
    CHECK(app.state().connection == Connection::Connected);
    CHECK_FALSE(app.state().server_version.empty());
    CHECK_FALSE(app.next_wakeup());

    server->stop();
    app.retry_now(10.0);
    CHECK(app.state().connection == Connection::Unreachable);
    CHECK(app.state().problem.find("can't be reached") != std::string::npos);
    REQUIRE(app.next_wakeup());
    CHECK(*app.next_wakeup() == 11.0);

    app.tick(10.5); // not yet due: nothing changes
    CHECK(app.state().failed_attempts == 1);
    app.tick(11.0);
    CHECK(app.state().failed_attempts == 2);
    CHECK(*app.next_wakeup() == 13.0);

    // The same port again, so the client's transport finds it where it was.
    server = std::make_unique<TestServer>(dir.path(),
                                          std::vector<std::string>{"--port", std::to_string(port)});
    app.tick(13.0);
    CHECK(app.state().connection == Connection::Connected);
    CHECK(app.state().problem.empty());
    CHECK_FALSE(app.next_wakeup());
}

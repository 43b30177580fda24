// A contributor using Orchard's client natively (src/client's App over a real HTTP transport)
// against the real server with its sample data: the fixture of the client's screen tests.
#pragma once

#include "client/app.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

namespace orchard::test {

inline constexpr const char* kContributorPassword = "a long enough password";

struct ClientContributor {
    explicit ClientContributor(std::uint64_t seed)
        : app{api, storage, client::AppOptions{.seed = seed}} {}

    TempDir dir;
    TestServer server{dir.path(), {"--demo", "--quiet"}};
    client::MemoryStore storage;
    HttplibTransport transport{server.base_url()};
    client::ApiClient api{transport};
    client::App app;

    // Registers as `username` ("Test <username>") and accepts the terms: on the dashboard.
    void register_and_accept(const std::string& username) {
        app.start(0);
        app.register_account(username, "Test " + username, kContributorPassword, 0);
        REQUIRE(app.state().screen == client::Screen::Terms);
        app.accept_terms(0);
        REQUIRE(app.state().screen == client::Screen::Dashboard);
    }

    // Opens an assistant-reply task, writes `text` and submits it: one confirmed submission more.
    void write_assistant_reply(const std::string& text) {
        app.open_task(protocol::to_string(protocol::TaskType::AssistantReply), 1);
        INFO(app.state().task.problem);
        REQUIRE(app.state().task.phase == client::TaskPhase::Working);
        app.edit_text(text);
        const int before = app.state().task.completed;
        REQUIRE(app.submit(2));
        INFO(app.state().task.problem);
        REQUIRE(app.state().task.completed == before + 1);
    }

    const std::string& me() const { return app.state().account->id; }
};

} // namespace orchard::test

// Moderators and admins using Orchard's client natively (src/client's App over a real HTTP
// transport) against the real server: the fixture of the moderation screens' tests. The data
// folder has a moderator ("moder"), an admin ("boss") and a contributor ("carla"), and a
// frontend's API key through which people write prompts and report messages.
#pragma once

#include "client/app.h"
#include "tests/support/frontend.h"
#include "tests/support/httplib_transport.h"
#include "tests/support/orchard_cli.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace orchard::test {

struct ClientStaff {
    explicit ClientStaff(std::vector<std::string> server_args = {"--quiet"})
        : server{dir.path(), std::move(server_args)},
          app_frontend{server.base_url(), key}, browser{server.base_url()},
          transport{server.base_url()}, app{api, storage, client::AppOptions{.seed = 5}} {}

    TempDir dir;
    std::string key = create_api_key(dir.path(), false);
    bool added = add_user(dir.path(), "moder", "moderator", "moderator password") &&
                 add_user(dir.path(), "boss", "admin", "admin password") &&
                 add_user(dir.path(), "carla", "contributor", "carla password");
    TestServer server;
    Frontend app_frontend;
    Browser browser;
    client::MemoryStore storage;
    HttplibTransport transport;
    client::ApiClient api{transport};
    client::App app;

    // Signs in with the client and accepts the terms: on the dashboard.
    void sign_in(const std::string& username, const std::string& password) {
        REQUIRE(added);
        app.start(0);
        app.login(username, password, 0);
        if (app.state().screen == client::Screen::Terms) app.accept_terms(0);
        REQUIRE(app.state().screen == client::Screen::Dashboard);
    }

    // The frontend's `user` writes a prompt; its id.
    std::string write_prompt(const std::string& user, const std::string& text) {
        auto task = app_frontend.request_task(user, "initial_prompt");
        REQUIRE(task.status == 200);
        REQUIRE(app_frontend.ack(user, task.body["id"], "task-" + text).status == 204);
        auto done = app_frontend.interaction(user, {{"type", "text_reply_to_message"},
                                                    {"message_id", "task-" + text},
                                                    {"user_message_id", "msg-" + text},
                                                    {"text", text}});
        REQUIRE(done.status == 200);
        return done.body["id"];
    }
};

} // namespace orchard::test

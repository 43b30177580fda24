// A real server on the sample conversations with an admin account made the way an operator makes
// the first one (`orchard user add`, before the server opens the database), and a browser-like
// client of it: for integration tests of what admins and signed-in people see.
#pragma once

#include "tests/support/orchard_cli.h"
#include "tests/support/session_client.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace orchard::test {

struct DemoWithAdmin {
    static constexpr const char* kAdminPassword = "the admin's password";

    TempDir dir;
    std::optional<TestServer> server;
    std::optional<Browser> browser;

    DemoWithAdmin() {
        REQUIRE(add_user(dir.path(), "root", "admin", kAdminPassword));
        server.emplace(dir.path(), std::vector<std::string>{"--demo", "--quiet"});
        browser.emplace(server->base_url());
    }
    // A new session of the admin.
    std::string admin_token() {
        const ApiAnswer login = browser->post("/api/v1/auth/login",
                                              {{"username", "root"}, {"password", kAdminPassword}});
        REQUIRE(login.status == 200);
        return login.body["token"];
    }
    // A new guest's session.
    std::string guest_token(const std::string& name) {
        const ApiAnswer guest = browser->post("/api/v1/auth/guest", {{"display_name", name}});
        REQUIRE(guest.status == 201);
        return guest.body["token"];
    }
};

} // namespace orchard::test

// The account shapes of PROTOCOL.md §9: who is signed in, and the answer that starts a session
// ({"token": "<session token>", "user": {...}}).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orchard::protocol {

struct Account {
    std::string id;
    std::optional<std::string> username; // none for guests and e-mail-only accounts
    std::string display_name;
    std::string role = "contributor"; // contributor, moderator or admin
    bool guest = false;
    bool terms_accepted = false;
    bool show_on_leaderboard = true;
};

struct SessionGrant {
    std::string token;
    Account account;
};

std::optional<Account> parse_account(std::string_view body);
std::optional<SessionGrant> parse_session_grant(std::string_view body);

} // namespace orchard::protocol

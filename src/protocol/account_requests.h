// The request bodies of Orchard's own accounts (PROTOCOL.md §9) and of asking for a task
// (PROTOCOL.md §2), as the client writes them (to_json) and the server reads them, once, at the
// edge (parse_*: a field of another type is refused with 400 naming it).
#pragma once

#include "protocol/interaction.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace orchard::protocol {

// POST /api/v1/auth/login and /auth/claim.
struct Credentials {
    std::string username;
    std::string password;
};

// POST /api/v1/auth/register.
struct Registration {
    std::string username;
    std::string display_name;
    std::string password;
};

// POST /api/v1/auth/guest.
struct GuestRequest {
    std::string display_name;
    std::string event; // the event whose kiosk the guest starts at (docs/kiosk.md); "" for none
};

// PUT /api/v1/auth/me: only what is given changes; a new password needs the current one.
struct AccountChanges {
    std::optional<std::string> display_name;
    std::optional<bool> show_on_leaderboard;
    std::optional<std::string> new_password;     // "password" on the wire
    std::optional<std::string> current_password; // needed with new_password
};

// POST /api/v1/auth/email: where to send a sign-in link.
struct EmailSignIn {
    std::string email;
    std::string language; // optional: the interface language the e-mail is written in (BCP 47)
};

// POST /api/v1/auth/email/verify: the token of that link.
struct EmailVerification {
    std::string token;
};

// POST /api/v1/tasks/.
struct TaskRequest {
    std::string type = "random";
    std::string lang = "en";
    bool collective = false;
};

nlohmann::json to_json(const Credentials& credentials);
nlohmann::json to_json(const Registration& registration);
nlohmann::json to_json(const GuestRequest& guest);
nlohmann::json to_json(const AccountChanges& changes);
nlohmann::json to_json(const TaskRequest& request);
nlohmann::json to_json(const EmailSignIn& email);
nlohmann::json to_json(const EmailVerification& verification);

Parsed<Credentials> parse_credentials(const nlohmann::json& body);
Parsed<Registration> parse_registration(const nlohmann::json& body);
Parsed<GuestRequest> parse_guest_request(const nlohmann::json& body);
Parsed<AccountChanges> parse_account_changes(const nlohmann::json& body);
Parsed<TaskRequest> parse_task_request(const nlohmann::json& body);
Parsed<EmailSignIn> parse_email_sign_in(const nlohmann::json& body);
Parsed<EmailVerification> parse_email_verification(const nlohmann::json& body);

} // namespace orchard::protocol

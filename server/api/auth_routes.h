// Accounts of Orchard's own client (PROTOCOL.md §9): register, sign in, continue as guest, sign
// out (here or everywhere), who am I, accept the terms. Sessions are bearer tokens.
#pragma once

#include "server/http/router.h"
#include "server/mail/smtp_client.h"
#include "server/store/database.h"

#include <optional>
#include <string>

namespace orchard::api {

struct AuthOptions {
    std::optional<mail::SmtpRelay> smtp; // sign-in links by e-mail only when set
    std::string public_url; // where links in e-mails point, e.g. https://orchard.example
};

void add_auth_routes(http::Router& router, store::Database& database, const AuthOptions& options);

} // namespace orchard::api

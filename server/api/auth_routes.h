// Accounts of Orchard's own client (PROTOCOL.md §9): register, sign in, continue as guest, sign
// out (here or everywhere), who am I, accept the terms. Sessions are bearer tokens.
#pragma once

#include "server/http/router.h"
#include "server/mail/smtp_client.h"
#include "server/oauth/provider.h"
#include "server/store/database.h"

#include <optional>
#include <string>
#include <vector>

namespace orchard::api {

struct AuthOptions {
    std::optional<mail::SmtpRelay> smtp; // sign-in links by e-mail only when set
    // Where links in e-mails and OAuth2 redirects point, e.g. https://orchard.example.
    std::string public_url;
    std::vector<oauth::Provider> oauth_providers; // sign-in with these (oauth_routes.h)
};

void add_auth_routes(http::Router& router, store::Database& database, const AuthOptions& options);

} // namespace orchard::api

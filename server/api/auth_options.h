// How Orchard's own accounts may sign in besides a username and password: the server's options
// for e-mail links and OAuth2 providers (PROTOCOL.md §9).
#pragma once

#include "i18n/catalog.h"
#include "server/mail/smtp_client.h"
#include "server/oauth/provider.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orchard::api {

struct AuthOptions {
    std::optional<mail::SmtpRelay> smtp; // sign-in links by e-mail only when set
    // Where links in e-mails and OAuth2 redirects point, e.g. https://orchard.example.
    std::string public_url;
    std::vector<oauth::Provider> oauth_providers; // sign-in with these (oauth_routes.h)
    // The interface's catalogs (public/locales/<tag>.json, i18n/catalog.h) by language, English
    // among them: sign-in e-mails are written in the language the person uses Orchard in.
    std::map<std::string, i18n::Catalog, std::less<>> catalogs;
    // A kiosk server (`--kiosk EVENT`, docs/kiosk.md): its clients start visitors as guests of
    // the event and end their visit after this many idle seconds. Empty: not a kiosk.
    std::string kiosk_event;
    int kiosk_idle_seconds = 90;
};

} // namespace orchard::api

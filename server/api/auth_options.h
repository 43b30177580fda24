// How Orchard's own accounts may sign in besides a username and password: the server's options
// for e-mail links and OAuth2 providers (PROTOCOL.md §9).
#pragma once

#include "i18n/catalog.h"
#include "server/mail/smtp_client.h"
#include "server/oauth/provider.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
    // Events a browser may be a kiosk of by its address, /?kiosk=EVENT (--kiosk-allow).
    std::vector<std::string> kiosk_url_events;
    int kiosk_idle_seconds = 90;

    // Whether guests may start at `event`'s kiosks on this server.
    bool holds_event(std::string_view event) const {
        if (event.empty()) return false;
        return event == kiosk_event ||
               std::ranges::find(kiosk_url_events, event) != kiosk_url_events.end();
    }
};

} // namespace orchard::api

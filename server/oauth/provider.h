// An OAuth2 provider people sign in with (PROTOCOL.md §9): its endpoints, this server's client
// id and secret there, and which userinfo fields name the person. Discord is a preset; any other
// provider is described entirely by the configuration.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace orchard::oauth {

// What the command line says about the provider; nothing is read from files yet.
struct ProviderSettings {
    std::string id;                 // "discord" (a preset) or a name of one's own
    std::string display_name;       // the sign-in button's label; empty: the preset's or the id
    std::string client_id;          // this server's client id at the provider
    std::string client_secret_file; // empty: the ORCHARD_OAUTH_CLIENT_SECRET environment variable
    std::string authorize_url;      // empty: the preset's (the same for the three below)
    std::string token_url;
    std::string userinfo_url;
    std::string scope;
};

struct Provider {
    std::string id; // in the paths /api/v1/auth/oauth/{id}/start and .../callback
    std::string display_name;
    std::string authorize_url;
    std::string token_url;
    std::string userinfo_url;
    std::string scope; // empty: no scope parameter
    std::string client_id;
    std::string client_secret;
    // The userinfo fields that name the person at the provider and their display name: the
    // first field present is used.
    std::vector<std::string> subject_fields;
    std::vector<std::string> name_fields;
};

// The preset of that id (endpoints, scope, fields; no client id or secret), if there is one.
std::optional<Provider> preset(const std::string& id);

// A provider id fits in a URL path: 1 to 32 lowercase letters, digits or dashes.
bool valid_provider_id(const std::string& id);
// An absolute http or https URL with a host.
bool valid_endpoint_url(const std::string& url);

// The provider the settings describe (the preset's endpoints unless the settings name others)
// with its secret, read from the settings' file or else taken from `environment_secret`.
// Throws std::runtime_error with a readable reason when the secret is missing or unreadable.
Provider configure_provider(const ProviderSettings& settings, const char* environment_secret);

// Where the browser goes to sign in: the authorization request of the code flow with PKCE.
std::string authorization_url(const Provider& provider, const std::string& redirect_uri,
                              const std::string& state, const std::string& code_challenge);

} // namespace orchard::oauth

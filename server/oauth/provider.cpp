#include "server/oauth/provider.h"

#include "server/http/url_encoding.h"

#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace orchard::oauth {

namespace {

// Secrets are often written with `echo`: the line break at the end is not part of them.
std::string without_trailing_space(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return text;
}

std::string read_secret_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read the OAuth client secret file " + path);
    std::stringstream content;
    content << file.rdbuf();
    return without_trailing_space(content.str());
}

} // namespace

std::optional<Provider> preset(const std::string& id) {
    if (id == "discord") {
        Provider discord;
        discord.id = "discord";
        discord.display_name = "Discord";
        discord.authorize_url = "https://discord.com/oauth2/authorize";
        discord.token_url = "https://discord.com/api/oauth2/token";
        discord.userinfo_url = "https://discord.com/api/users/@me";
        discord.scope = "identify";
        // global_name is the name people chose for display; accounts that never set one have
        // only their username.
        discord.subject_fields = {"id"};
        discord.name_fields = {"global_name", "username"};
        return discord;
    }
    return std::nullopt;
}

bool valid_provider_id(const std::string& id) {
    static const std::regex kId("[a-z0-9-]{1,32}");
    return std::regex_match(id, kId);
}

bool valid_endpoint_url(const std::string& url) {
    static const std::regex kUrl(R"(https?://[^/?#\s]+(/[^#\s]*)?)");
    return std::regex_match(url, kUrl);
}

Provider configure_provider(const ProviderSettings& settings, const char* environment_secret) {
    Provider provider = preset(settings.id).value_or(Provider{});
    provider.id = settings.id;
    if (provider.subject_fields.empty()) {
        // OpenID Connect names the person `sub`; plain OAuth2 APIs (GitHub, GitLab) use `id`.
        provider.subject_fields = {"sub", "id"};
        provider.name_fields = {"name", "preferred_username", "username", "login"};
    }
    if (!settings.display_name.empty()) provider.display_name = settings.display_name;
    if (provider.display_name.empty()) {
        provider.display_name = settings.id;
        provider.display_name[0] = static_cast<char>(std::toupper(provider.display_name[0]));
    }
    for (auto [value, field] : {std::pair{&settings.authorize_url, &provider.authorize_url},
                                std::pair{&settings.token_url, &provider.token_url},
                                std::pair{&settings.userinfo_url, &provider.userinfo_url},
                                std::pair{&settings.scope, &provider.scope}})
        if (!value->empty()) *field = *value;
    if (provider.authorize_url.empty() || provider.token_url.empty() ||
        provider.userinfo_url.empty())
        throw std::runtime_error("the OAuth provider " + settings.id +
                                 " needs its authorize, token and userinfo URLs");
    provider.client_id = settings.client_id;
    if (!settings.client_secret_file.empty())
        provider.client_secret = read_secret_file(settings.client_secret_file);
    else if (environment_secret)
        provider.client_secret = without_trailing_space(environment_secret);
    if (provider.client_secret.empty())
        throw std::runtime_error("the OAuth client secret is missing: name a file with "
                                 "--oauth-client-secret-file or set ORCHARD_OAUTH_CLIENT_SECRET");
    return provider;
}

std::string authorization_url(const Provider& provider, const std::string& redirect_uri,
                              const std::string& state, const std::string& code_challenge) {
    http::Fields fields = {{"response_type", "code"},          {"client_id", provider.client_id},
                           {"redirect_uri", redirect_uri},     {"state", state},
                           {"code_challenge", code_challenge}, {"code_challenge_method", "S256"}};
    if (!provider.scope.empty()) fields.emplace_back("scope", provider.scope);
    // Appends with & when the configured URL has a query of its own already.
    return http::append_query(provider.authorize_url, fields);
}

} // namespace orchard::oauth

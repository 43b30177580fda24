// The OAuth2 provider's configuration: the --oauth-* options, the Discord preset, where the
// secret comes from, and the authorization URL the browser is sent to.
#include "server/cli_options.h"
#include "server/oauth/provider.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>

using namespace orchard;

namespace {

Command serve(std::vector<std::string> args) {
    args.insert(args.begin(), "serve");
    return parse_command_line(args);
}

bool refused(std::vector<std::string> args) {
    return std::holds_alternative<UsageError>(serve(std::move(args)));
}

} // namespace

TEST_CASE("OAuth options: Discord needs only a client id, others need their three URLs too") {
    CHECK_FALSE(std::get<ServeOptions>(serve({})).oauth);
    const auto discord =
        std::get<ServeOptions>(serve({"--oauth-provider", "discord", "--oauth-client-id", "123",
                                      "--oauth-client-secret-file", "/run/secret"}))
            .oauth;
    REQUIRE(discord);
    CHECK(discord->id == "discord");
    CHECK(discord->client_id == "123");
    CHECK(discord->client_secret_file == "/run/secret");

    const auto own =
        std::get<ServeOptions>(
            serve({"--oauth-provider", "my-id", "--oauth-client-id", "c", "--oauth-authorize-url",
                   "https://id.example/authorize", "--oauth-token-url", "https://id.example/token",
                   "--oauth-userinfo-url", "http://127.0.0.1:9/userinfo", "--oauth-scope",
                   "openid profile", "--oauth-name", "My ID"}))
            .oauth;
    REQUIRE(own);
    CHECK(own->token_url == "https://id.example/token");
    CHECK(own->scope == "openid profile");
    CHECK(own->display_name == "My ID");

    CHECK(refused({"--oauth-client-id", "123"}));                               // no provider
    CHECK(refused({"--oauth-provider", "discord"}));                            // no client id
    CHECK(refused({"--oauth-provider", "Disc ord", "--oauth-client-id", "1"})); // not a path
    CHECK(refused({"--oauth-provider", "my-id", "--oauth-client-id", "1"}));    // no URLs
    CHECK(refused({"--oauth-provider", "discord", "--oauth-client-id", "1", "--oauth-token-url",
                   "ftp://x/token"}));
    CHECK(refused({"--oauth-provider", "discord", "--oauth-client-id"})); // no value
    CHECK(refused({"--oauth-client-secret", "on the command line"}));     // not an option
}

TEST_CASE("OAuth provider: the Discord preset, overridable, with the secret from a file or the "
          "environment") {
    test::TempDir dir;
    const auto file = dir.path() / "secret";
    std::ofstream(file) << "from-the-file\n";
    oauth::ProviderSettings settings;
    settings.id = "discord";
    settings.client_id = "123";
    settings.client_secret_file = file.string();

    const auto discord = oauth::configure_provider(settings, "from-the-environment");
    CHECK(discord.display_name == "Discord");
    CHECK(discord.authorize_url == "https://discord.com/oauth2/authorize");
    CHECK(discord.token_url == "https://discord.com/api/oauth2/token");
    CHECK(discord.userinfo_url == "https://discord.com/api/users/@me");
    CHECK(discord.scope == "identify");
    CHECK(discord.subject_fields == std::vector<std::string>{"id"});
    CHECK(discord.name_fields == std::vector<std::string>{"global_name", "username"});
    CHECK(discord.client_secret == "from-the-file"); // the file wins, without its line break

    settings.client_secret_file.clear();
    settings.token_url = "http://127.0.0.1:9/token";
    const auto overridden = oauth::configure_provider(settings, "from-the-environment");
    CHECK(overridden.client_secret == "from-the-environment");
    CHECK(overridden.token_url == "http://127.0.0.1:9/token");
    CHECK(overridden.authorize_url == "https://discord.com/oauth2/authorize");

    CHECK_THROWS_WITH(oauth::configure_provider(settings, nullptr),
                      Catch::Contains("ORCHARD_OAUTH_CLIENT_SECRET"));
    settings.client_secret_file = (dir.path() / "missing").string();
    CHECK_THROWS_WITH(oauth::configure_provider(settings, "x"), Catch::Contains("missing"));

    oauth::ProviderSettings own;
    own.id = "my-id";
    own.client_id = "c";
    own.authorize_url = "https://id.example/authorize";
    own.token_url = "https://id.example/token";
    own.userinfo_url = "https://id.example/userinfo";
    const auto generic = oauth::configure_provider(own, "s");
    CHECK(generic.display_name == "My-id");
    CHECK(generic.subject_fields.front() == "sub");
    CHECK(generic.scope.empty());
}

TEST_CASE("OAuth provider: the authorization URL carries the code flow with PKCE, encoded") {
    oauth::ProviderSettings settings;
    settings.id = "discord";
    settings.client_id = "123";
    settings.authorize_url = "https://id.example/authorize?prompt=none";
    const auto provider = oauth::configure_provider(settings, "s");
    const std::string url = oauth::authorization_url(
        provider, "https://orchard.example/api/v1/auth/oauth/discord/callback", "the-state",
        "the-challenge");
    CHECK(url.starts_with("https://id.example/authorize?prompt=none&"));
    for (const char* part :
         {"response_type=code", "client_id=123", "state=the-state", "code_challenge=the-challenge",
          "code_challenge_method=S256", "scope=identify",
          "redirect_uri=https%3A%2F%2Forchard.example%2Fapi%2Fv1%2Fauth%2Foauth%2Fdiscord%"
          "2Fcallback"})
        CHECK(url.find(std::string("&") + part) != std::string::npos);
    settings.scope = "identify email";
    CHECK(oauth::authorization_url(oauth::configure_provider(settings, "s"), "r", "s", "c")
              .find("&scope=identify%20email") != std::string::npos);
}

// Sign-in with an OAuth2 provider, end to end: the real server binary against a small OAuth2
// provider that this test runs on loopback (a real HTTP server, the one part that cannot run here
// for real). The test plays the browser: it follows each redirect itself.
#include "tests/support/background_listen.h"
#include "tests/support/database_query.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sodium.h>
#include <thread>

using nlohmann::json;
using orchard::test::query_int;

namespace {

constexpr const char* kClientId = "orchard-client";
constexpr const char* kClientSecret = "s3cret-of-the-client";
constexpr const char* kStateCookie = "orchard_oauth_state";

// The S256 PKCE challenge, computed here independently of the server's own code.
std::string s256(const std::string& verifier) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()),
                       verifier.size());
    char text[sodium_base64_ENCODED_LEN(sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, digest, sizeof digest,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

struct Url {
    std::string origin; // http://host:port
    std::string target; // path and query
};

Url split_url(const std::string& url) {
    std::smatch match;
    REQUIRE(std::regex_match(url, match, std::regex(R"((https?://[^/]+)(/.*)?)")));
    return {match[1], match[2].length() ? match[2].str() : "/"};
}

// The provider: /authorize signs in whoever `person` is (the test decides) and sends the
// browser back with a code; /token checks the client, the redirect URI and the PKCE verifier
// before it gives an access token; /userinfo and /oidc/userinfo say who holds the token, in
// Discord's shape and in OpenID Connect's.
class LoopbackProvider {
  public:
    struct Person {
        std::string id, username, global_name;
    };

    LoopbackProvider() {
        server_.Get("/authorize", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            last_authorize_ = {req.params.begin(), req.params.end()};
            const std::string redirect_uri = req.get_param_value("redirect_uri");
            const std::string state = req.get_param_value("state");
            if (req.get_param_value("client_id") != kClientId || redirect_uri.empty()) {
                res.status = 400;
                return;
            }
            if (deny_) {
                res.set_redirect(redirect_uri + "?error=access_denied&state=" + state);
                return;
            }
            const std::string code = "code-" + std::to_string(++issued_);
            grants_[code] = {req.get_param_value("code_challenge"),
                             req.get_param_value("code_challenge_method"), redirect_uri, person_};
            res.set_redirect(redirect_uri + "?code=" + code + "&state=" + state);
        });
        server_.Post("/token", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            ++token_requests_;
            const auto grant = grants_.find(req.get_param_value("code"));
            auto refuse = [&](const std::string& why) {
                res.status = 400;
                res.set_content(json{{"error", "invalid_grant"}, {"error_description", why}}.dump(),
                                "application/json");
            };
            if (req.get_param_value("grant_type") != "authorization_code")
                return refuse("grant_type");
            if (req.get_param_value("client_id") != kClientId ||
                req.get_param_value("client_secret") != kClientSecret)
                return refuse("client");
            if (grant == grants_.end()) return refuse("unknown or used code");
            const Grant found = grant->second;
            grants_.erase(grant); // a code works once
            if (req.get_param_value("redirect_uri") != found.redirect_uri)
                return refuse("redirect_uri");
            if (found.method != "S256" ||
                s256(req.get_param_value("code_verifier")) != found.challenge)
                return refuse("code_verifier");
            const std::string token = "token-" + std::to_string(++issued_);
            tokens_[token] = found.person;
            res.set_content(json{{"access_token", token},
                                 {"token_type", "Bearer"},
                                 {"expires_in", 604800},
                                 {"scope", "identify"}}
                                .dump(),
                            "application/json");
        });
        auto userinfo = [this](bool oidc) {
            return [this, oidc](const httplib::Request& req, httplib::Response& res) {
                std::lock_guard lock(mutex_);
                const auto token = tokens_.find(std::regex_replace(
                    req.get_header_value("Authorization"), std::regex("^Bearer "), ""));
                if (token == tokens_.end()) {
                    res.status = 401;
                    return;
                }
                const Person& person = token->second;
                const json body = oidc ? json{{"sub", person.id},
                                              {"name", person.global_name},
                                              {"preferred_username", person.username}}
                                       : json{{"id", person.id},
                                              {"username", person.username},
                                              {"global_name", person.global_name.empty()
                                                                  ? json(nullptr)
                                                                  : json(person.global_name)},
                                              {"discriminator", "0"}};
                res.set_content(body.dump(), "application/json");
            };
        };
        server_.Get("/userinfo", userinfo(false));
        server_.Get("/oidc/userinfo", userinfo(true));
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = orchard::test::listen_in_background(server_);
    }
    ~LoopbackProvider() {
        server_.stop();
        thread_.join();
    }

    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    void sign_in_as(Person person) {
        std::lock_guard lock(mutex_);
        person_ = std::move(person);
    }
    void deny(bool deny) {
        std::lock_guard lock(mutex_);
        deny_ = deny;
    }
    std::map<std::string, std::string> last_authorize() {
        std::lock_guard lock(mutex_);
        return last_authorize_;
    }
    int token_requests() {
        std::lock_guard lock(mutex_);
        return token_requests_;
    }

  private:
    struct Grant {
        std::string challenge, method, redirect_uri;
        Person person;
    };
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_; // handlers run on the server's threads
    Person person_{"80351110224678912", "ada", "Ada Lovelace"};
    bool deny_ = false;
    int issued_ = 0;
    int token_requests_ = 0;
    std::map<std::string, Grant> grants_;
    std::map<std::string, Person> tokens_;
    std::map<std::string, std::string> last_authorize_;
};

// Users, accounts, identities and sessions: what a refused sign-in must not create.
long long people_and_sessions(const std::filesystem::path& dir) {
    return query_int(dir, "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM accounts) + "
                          "(SELECT count(*) FROM oauth_identities) + "
                          "(SELECT count(*) FROM sessions)");
}

struct Answer {
    int status = 0;
    std::string location;
    json body;
    std::string set_cookie; // the Set-Cookie header, if any
};

Answer get(const std::string& url, const std::string& token = "",
           const std::string& cookie_header = "") {
    const Url parts = split_url(url);
    httplib::Client client(parts.origin);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    if (!cookie_header.empty()) headers.emplace("Cookie", cookie_header);
    const auto result = client.Get(parts.target, headers);
    REQUIRE(result);
    return {result->status, result->get_header_value("Location"),
            json::parse(result->body, nullptr, false), result->get_header_value("Set-Cookie")};
}

// A Set-Cookie header's attributes ("HttpOnly", "Path=/x", ...), without its name=value.
std::set<std::string> cookie_attributes(const std::string& set_cookie) {
    std::set<std::string> attributes;
    const std::regex separator("; *");
    auto part = std::sregex_token_iterator(set_cookie.begin(), set_cookie.end(), separator, -1);
    for (++part; part != std::sregex_token_iterator(); ++part)
        attributes.insert(*part);
    return attributes;
}

// One browser's cookies for Orchard: kept from Set-Cookie, sent back to Orchard's origin under
// the cookie's path, forgotten at Max-Age=0. Just enough of RFC 6265 to tell two browsers apart.
class Browser {
  public:
    explicit Browser(std::string origin) : origin_(std::move(origin)) {}

    Answer get(const std::string& url) {
        const Url parts = split_url(url);
        std::string cookie_header;
        if (parts.origin == origin_)
            for (const auto& [name, cookie] : cookies_)
                if (parts.target.starts_with(cookie.path))
                    cookie_header +=
                        (cookie_header.empty() ? "" : "; ") + name + "=" + cookie.value;
        Answer answer = ::get(url, "", cookie_header);
        std::smatch match;
        if (parts.origin == origin_ &&
            std::regex_search(answer.set_cookie, match, std::regex("^([^=;]+)=([^;]*)"))) {
            const auto attributes = cookie_attributes(answer.set_cookie);
            if (attributes.contains("Max-Age=0")) {
                cookies_.erase(match[1]);
            } else {
                std::string path = "/";
                for (const auto& attribute : attributes)
                    if (attribute.starts_with("Path=")) path = attribute.substr(5);
                cookies_[match[1]] = {match[2], path};
            }
        }
        return answer;
    }
    std::string cookie(const std::string& name) const {
        const auto found = cookies_.find(name);
        return found == cookies_.end() ? "" : found->second.value;
    }
    // As another browser, or a script of an attacker's own, could.
    void set_cookie(const std::string& name, const std::string& value) {
        cookies_[name] = {value, "/"};
    }

  private:
    struct Cookie {
        std::string value, path;
    };
    std::string origin_;
    std::map<std::string, Cookie> cookies_;
};

// The browser's part: start at Orchard, go through the provider, come back to the callback, all
// in one browser (a new one unless given), which carries the state cookie from start to callback.
struct Journey {
    Answer start;         // Orchard's redirect to the provider
    Answer authorize;     // the provider's redirect back
    std::string callback; // the callback URL the provider sent the browser to
    Answer finish;        // Orchard's answer to the callback
};

Journey sign_in(const orchard::test::TestServer& server,
                const std::function<std::string(std::string)>& tamper = nullptr,
                Browser* in = nullptr) {
    Browser fresh(server.base_url());
    Browser& browser = in ? *in : fresh;
    Journey journey;
    journey.start = browser.get(server.base_url() + "/api/v1/auth/oauth/discord/start");
    REQUIRE(journey.start.status == 302);
    const std::string authorize_url =
        tamper ? tamper(journey.start.location) : journey.start.location;
    journey.authorize = browser.get(authorize_url);
    REQUIRE(journey.authorize.status == 302);
    journey.callback = journey.authorize.location;
    journey.finish = browser.get(journey.callback);
    return journey;
}

std::string token_of(const Answer& finish, const orchard::test::TestServer& server) {
    std::smatch match;
    const std::regex redirect(std::regex_replace(server.base_url(), std::regex(R"([.])"), R"(\.)") +
                              "/#oauth_token=([A-Za-z0-9_-]+)");
    REQUIRE(std::regex_match(finish.location, match, redirect));
    return match[1];
}

struct World {
    orchard::test::TempDir dir;
    LoopbackProvider provider;
    std::filesystem::path secret_file = dir.path() / "client-secret";
    std::unique_ptr<orchard::test::TestServer> server;

    explicit World(std::vector<std::string> extra = {}) {
        std::ofstream(secret_file) << kClientSecret << "\n";
        std::vector<std::string> args = {"--oauth-provider",           "discord",
                                         "--oauth-client-id",          kClientId,
                                         "--oauth-client-secret-file", secret_file.string(),
                                         "--oauth-authorize-url",      provider.url("/authorize"),
                                         "--oauth-token-url",          provider.url("/token"),
                                         "--oauth-userinfo-url",       provider.url("/userinfo")};
        args.insert(args.end(), extra.begin(), extra.end());
        server = std::make_unique<orchard::test::TestServer>(dir.path(), args);
    }
};

} // namespace

TEST_CASE("OAuth sign-in: the code flow with PKCE signs in, the same person again as the same "
          "account") {
    World world; // with the request log on: nothing secret may show in it
    const auto& server = *world.server;

    const Answer providers = get(server.base_url() + "/api/v1/auth/providers");
    REQUIRE(providers.status == 200);
    REQUIRE(providers.body["providers"].size() == 1);
    CHECK(providers.body["providers"][0]["id"] == "discord");
    CHECK(providers.body["providers"][0]["display_name"] == "Discord");
    CHECK(providers.body["providers"][0]["start_url"] == "/api/v1/auth/oauth/discord/start");

    const Journey first = sign_in(server);
    // The authorization request: the code flow, this client, PKCE with S256, a 256-bit state.
    const auto request = world.provider.last_authorize();
    CHECK(first.start.location.starts_with(world.provider.url("/authorize?")));
    CHECK(request.at("response_type") == "code");
    CHECK(request.at("client_id") == kClientId);
    CHECK(request.at("redirect_uri") == server.base_url() + "/api/v1/auth/oauth/discord/callback");
    CHECK(request.at("scope") == "identify");
    CHECK(request.at("code_challenge_method") == "S256");
    CHECK(std::regex_match(request.at("code_challenge"), std::regex("[A-Za-z0-9_-]{43}")));
    CHECK(std::regex_match(request.at("state"), std::regex("[A-Za-z0-9_-]{43}")));
    // The browser keeps the state in a cookie only these routes see, no script reads, and that
    // comes back on the provider's top-level redirect; over http, not Secure. The callback
    // forgets it.
    CHECK(first.start.set_cookie.starts_with(std::string(kStateCookie) + "=" + request.at("state") +
                                             ";"));
    CHECK(cookie_attributes(first.start.set_cookie) ==
          std::set<std::string>{"Path=/api/v1/auth/oauth/", "HttpOnly", "SameSite=Lax",
                                "Max-Age=600"});
    CHECK(first.finish.set_cookie.starts_with(std::string(kStateCookie) + "=;"));
    CHECK(cookie_attributes(first.finish.set_cookie).contains("Max-Age=0"));

    REQUIRE(first.finish.status == 302);
    const std::string token = token_of(first.finish, server);
    const Answer me = get(server.base_url() + "/api/v1/auth/me", token);
    REQUIRE(me.status == 200);
    CHECK(me.body["display_name"] == "Ada Lovelace");
    CHECK(me.body["role"] == "contributor");
    CHECK(me.body["guest"] == false);
    CHECK(me.body["terms_accepted"] == false);
    CHECK(me.body["username"].is_null());

    // The same person again: the same account, a new session.
    const Journey second = sign_in(server);
    REQUIRE(second.finish.status == 302);
    const std::string second_token = token_of(second.finish, server);
    CHECK(second_token != token);
    CHECK(get(server.base_url() + "/api/v1/auth/me", second_token).body["id"] == me.body["id"]);
    CHECK(query_int(world.dir.path(), "SELECT count(*) FROM accounts") == 1);

    // Someone else at the provider (without a global name) gets an account of their own.
    world.provider.sign_in_as({"175928847299117063", "grace", ""});
    const Journey other = sign_in(server);
    const Answer grace = get(server.base_url() + "/api/v1/auth/me", token_of(other.finish, server));
    CHECK(grace.body["display_name"] == "grace");
    CHECK(grace.body["id"] != me.body["id"]);

    // A deleted account keeps nothing of the provider's: the next sign-in starts a new account.
    httplib::Client client(server.base_url());
    REQUIRE(client
                .Delete("/api/v1/auth/me",
                        {{"Authorization", "Bearer " + token_of(other.finish, server)}})
                ->status == 204);
    CHECK(query_int(world.dir.path(), "SELECT count(*) FROM oauth_identities") == 1);
    const Journey again = sign_in(server);
    const Answer fresh = get(server.base_url() + "/api/v1/auth/me", token_of(again.finish, server));
    CHECK(fresh.body["display_name"] == "grace");
    CHECK(fresh.body["id"] != grace.body["id"]);

    // Neither the session token nor the state or code is in the server's log.
    const std::string log = server.output();
    CHECK(log.find("/api/v1/auth/oauth/discord/callback") != std::string::npos);
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find(request.at("state")) == std::string::npos);
    CHECK(log.find("code-") == std::string::npos);
}

TEST_CASE("OAuth sign-in: a state works once, only for 10 minutes, and only if it was issued") {
    World world({"--quiet"});
    const auto& server = *world.server;
    const auto& dir = world.dir.path();

    // Replayed: the callback that signed in once is refused the second time, even by a browser
    // that kept the state cookie.
    Browser browser(server.base_url());
    const Journey done = sign_in(server, nullptr, &browser);
    REQUIRE(done.finish.status == 302);
    const long long before = people_and_sessions(dir);
    const int exchanges = world.provider.token_requests();
    CHECK(browser.cookie(kStateCookie).empty()); // forgotten after the callback
    browser.set_cookie(kStateCookie, world.provider.last_authorize().at("state"));
    const Answer replay = browser.get(done.callback);
    CHECK(replay.status == 401);
    CHECK(replay.body["error_code"] == 600);
    CHECK(replay.body["message"].get<std::string>().find("10 minutes") != std::string::npos);
    CHECK(world.provider.token_requests() == exchanges); // the code was not even tried
    CHECK(people_and_sessions(dir) == before);

    // Made up (by a browser with the cookie to match), or missing.
    world.provider.sign_in_as({"1", "mallory", "Mallory"});
    const Answer start = browser.get(server.base_url() + "/api/v1/auth/oauth/discord/start");
    const Answer authorized = browser.get(start.location);
    const std::string forged =
        std::regex_replace(authorized.location, std::regex("state=[^&]+"), "state=made-up");
    Browser forger(server.base_url());
    forger.set_cookie(kStateCookie, "made-up");
    const Answer made_up = forger.get(forged);
    CHECK(made_up.status == 401);
    CHECK(made_up.body["error_code"] == 600);
    CHECK(made_up.body["message"].get<std::string>().find("10 minutes") != std::string::npos);
    const std::string without_state =
        std::regex_replace(authorized.location, std::regex("&state=[^&]+"), "");
    CHECK(Browser(server.base_url()).get(without_state).body["error_code"] == 600);
    CHECK(people_and_sessions(dir) == before);

    // Expired: the same sign-in in the browser that started it, its state made 10 minutes old.
    query_int(dir, "UPDATE oauth_states SET expires_ms = created_ms");
    const Answer expired = browser.get(authorized.location);
    CHECK(expired.status == 401);
    CHECK(expired.body["error_code"] == 600);
    CHECK(expired.body["message"].get<std::string>().find("10 minutes") != std::string::npos);
    CHECK(people_and_sessions(dir) == before);
    CHECK(world.provider.token_requests() == exchanges);
}

TEST_CASE("OAuth sign-in: a code sent with another PKCE challenge is refused by the provider") {
    World world({"--quiet"});
    const auto& server = *world.server;
    // Someone swapped the challenge on the way to the provider: the verifier the server holds
    // no longer matches, so the code is worthless.
    const Journey journey = sign_in(server, [](std::string url) {
        return std::regex_replace(url, std::regex("code_challenge=[^&]+"),
                                  "code_challenge=" + s256("not the server's verifier"));
    });
    CHECK(journey.finish.status == 502);
    CHECK(journey.finish.body["error_code"] == 0);
    CHECK(journey.finish.body["message"].get<std::string>().find("Discord") != std::string::npos);
    CHECK(world.provider.token_requests() == 1);
    CHECK(people_and_sessions(world.dir.path()) == 0);
    CHECK(server.output().find("code_verifier") != std::string::npos); // the reason is logged
}

TEST_CASE("OAuth sign-in: a provider's error goes back to the client, which is told why") {
    World world({"--quiet"});
    const auto& server = *world.server;
    world.provider.deny(true);
    // The provider's answer opened in another browser is refused like any other callback, and
    // leaves the sign-in to the browser that started it.
    Browser browser(server.base_url());
    const Answer start = browser.get(server.base_url() + "/api/v1/auth/oauth/discord/start");
    const Answer declined = browser.get(start.location);
    REQUIRE(declined.location.find("error=access_denied") != std::string::npos);
    const Answer elsewhere = Browser(server.base_url()).get(declined.location);
    CHECK(elsewhere.status == 401);
    CHECK(elsewhere.body["error_code"] == 600);
    CHECK(query_int(world.dir.path(), "SELECT count(*) FROM oauth_states") == 1);
    CHECK(browser.get(declined.location).location ==
          server.base_url() + "/#oauth_error=access_denied");

    const Journey journey = sign_in(server);
    CHECK(journey.finish.status == 302);
    CHECK(journey.finish.location == server.base_url() + "/#oauth_error=access_denied");
    CHECK(world.provider.token_requests() == 0);
    CHECK(query_int(world.dir.path(), "SELECT count(*) FROM oauth_states") == 0); // used up
    CHECK(people_and_sessions(world.dir.path()) == 0);
}

TEST_CASE("OAuth sign-in: a provider of one's own, described by its URLs, with the secret from "
          "the environment") {
    orchard::test::TempDir dir;
    setenv("ORCHARD_OAUTH_CLIENT_SECRET", kClientSecret, 1); // before any thread of the test runs
    LoopbackProvider provider;
    orchard::test::TestServer server(
        dir.path(), {"--quiet", "--oauth-provider", "example-id", "--oauth-name", "Example ID",
                     "--oauth-client-id", kClientId, "--oauth-authorize-url",
                     provider.url("/authorize"), "--oauth-token-url", provider.url("/token"),
                     "--oauth-userinfo-url", provider.url("/oidc/userinfo"), "--oauth-scope",
                     "openid profile", "--public-url", "http://localhost:1/"});
    unsetenv("ORCHARD_OAUTH_CLIENT_SECRET");
    CHECK(get(server.base_url() + "/api/v1/auth/providers").body["providers"][0] ==
          json{{"id", "example-id"},
               {"display_name", "Example ID"},
               {"start_url", "/api/v1/auth/oauth/example-id/start"}});
    Browser browser(server.base_url());
    const Answer start = browser.get(server.base_url() + "/api/v1/auth/oauth/example-id/start");
    REQUIRE(start.status == 302);
    const Answer authorized = browser.get(start.location);
    CHECK(provider.last_authorize().at("scope") == "openid profile");
    // The public URL (behind a proxy, say) is where the provider sends the browser back.
    REQUIRE(authorized.location.starts_with(
        "http://localhost:1/api/v1/auth/oauth/example-id/callback?"));
    const Answer finish = browser.get(server.base_url() + split_url(authorized.location).target);
    REQUIRE(finish.status == 302);
    std::smatch match;
    REQUIRE(std::regex_match(finish.location, match,
                             std::regex("http://localhost:1/#oauth_token=([A-Za-z0-9_-]+)")));
    CHECK(get(server.base_url() + "/api/v1/auth/me", match[1]).body["display_name"] ==
          "Ada Lovelace");
}

TEST_CASE("OAuth sign-in: without a provider there is nothing to start, and no secret no start") {
    orchard::test::TempDir dir;
    {
        orchard::test::TestServer server(dir.path(), {"--quiet"});
        CHECK(get(server.base_url() + "/api/v1/auth/providers").body ==
              json{{"providers", json::array()}});
        for (const char* path :
             {"/api/v1/auth/oauth/discord/start", "/api/v1/auth/oauth/discord/callback?code=x"}) {
            const Answer answer = get(server.base_url() + path);
            CHECK(answer.status == 404);
            CHECK(answer.body["error_code"] == 0);
            CHECK(answer.body["message"].get<std::string>().find("not set up") !=
                  std::string::npos);
        }
    }
    // A provider without its secret is a configuration mistake the server refuses at start.
    unsetenv("ORCHARD_OAUTH_CLIENT_SECRET");
    CHECK_THROWS_WITH(
        orchard::test::TestServer(
            dir.path(), {"--quiet", "--oauth-provider", "discord", "--oauth-client-id", kClientId}),
        Catch::Contains("ORCHARD_OAUTH_CLIENT_SECRET"));
}

TEST_CASE("OAuth sign-in: a callback opened in another browser is refused and changes nothing "
          "(login CSRF)") {
    World world({"--quiet"});
    const auto& server = *world.server;
    const auto& dir = world.dir.path();

    // Mallory starts a sign-in with her own account at the provider and stops before the
    // callback, to make Ada's browser open it and be signed in as Mallory.
    world.provider.sign_in_as({"666", "mallory", "Mallory"});
    Browser mallory(server.base_url());
    const Answer start = mallory.get(server.base_url() + "/api/v1/auth/oauth/discord/start");
    REQUIRE(start.status == 302);
    const Answer authorized = mallory.get(start.location);
    REQUIRE(authorized.status == 302);
    const std::string state = world.provider.last_authorize().at("state");
    REQUIRE(mallory.cookie(kStateCookie) == state);
    const std::string link = authorized.location; // what Mallory sends Ada

    auto refused = [&](const Answer& answer) {
        CHECK(answer.status == 401);
        CHECK(answer.body["error_code"] == 600);
        CHECK(answer.body["message"].get<std::string>().find("another browser") !=
              std::string::npos);
        CHECK(answer.location.empty()); // no token handed to Ada's client
    };
    // Ada's browser without any sign-in of its own...
    Browser ada(server.base_url());
    refused(ada.get(link));
    // ... with one of its own in progress (its own state in the cookie) ...
    REQUIRE(ada.get(server.base_url() + "/api/v1/auth/oauth/discord/start").status == 302);
    REQUIRE_FALSE(ada.cookie(kStateCookie).empty());
    refused(ada.get(link));
    // ... or with a cookie that nearly matches.
    ada.set_cookie(kStateCookie, state.substr(0, state.size() - 1));
    refused(ada.get(link));
    ada.set_cookie(kStateCookie, state + "x");
    refused(ada.get(link));

    // Nothing happened: no code traded, no account or session, both states still there.
    CHECK(world.provider.token_requests() == 0);
    CHECK(people_and_sessions(dir) == 0);
    CHECK(query_int(dir, "SELECT count(*) FROM oauth_states") == 2);

    // So Mallory's own browser can still finish her sign-in, for herself only.
    const Answer finish = mallory.get(link);
    REQUIRE(finish.status == 302);
    CHECK(
        get(server.base_url() + "/api/v1/auth/me", token_of(finish, server)).body["display_name"] ==
        "Mallory");
}

TEST_CASE("OAuth sign-in: with an https public URL the state cookie is Secure") {
    World world({"--quiet", "--public-url", "HTTPS://orchard.example"});
    const Answer start = get(world.server->base_url() + "/api/v1/auth/oauth/discord/start");
    REQUIRE(start.status == 302);
    CHECK(cookie_attributes(start.set_cookie).contains("Secure"));
    CHECK(cookie_attributes(start.set_cookie).contains("HttpOnly"));
    const Answer finish =
        get(world.server->base_url() + "/api/v1/auth/oauth/discord/callback?state=x&code=y");
    CHECK(finish.status == 401);
    CHECK(cookie_attributes(finish.set_cookie).contains("Secure"));
    CHECK(cookie_attributes(finish.set_cookie).contains("Max-Age=0"));
}

TEST_CASE("OAuth sign-in: starts are limited per address, as every write before signing in") {
    World world({"--quiet"});
    const std::string start = world.server->base_url() + "/api/v1/auth/oauth/discord/start";
    for (int i = 0; i < 30; ++i)
        REQUIRE(get(start).status == 302);
    const long long states = query_int(world.dir.path(), "SELECT count(*) FROM oauth_states");
    const Answer refused = get(start);
    CHECK(refused.status == 429);
    CHECK(refused.body.value("error_code", -1) == 429);
    // The refusal stored nothing.
    CHECK(query_int(world.dir.path(), "SELECT count(*) FROM oauth_states") == states);
}

#include "server/oauth/provider_client.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <strings.h>

namespace orchard::oauth {

namespace {

constexpr time_t kTimeoutSec = 5;
constexpr size_t kMaxSubject = 255;
constexpr size_t kQuotedBody = 200; // of a refusal, in the log

struct Endpoint {
    std::string origin; // scheme://host[:port], what httplib::Client takes
    std::string path;   // with its query, if any
};

Endpoint split(const std::string& url) {
    const auto host = url.find("://");
    const auto path = url.find('/', host == std::string::npos ? 0 : host + 3);
    if (path == std::string::npos) return {url, "/"};
    return {url.substr(0, path), url.substr(path)};
}

// A client that gives up on a provider that does not answer, instead of holding a request
// thread (and the person's browser) indefinitely.
httplib::Client client_for(const Endpoint& endpoint) {
    httplib::Client client(endpoint.origin);
    client.set_connection_timeout(kTimeoutSec);
    client.set_read_timeout(kTimeoutSec);
    client.set_write_timeout(kTimeoutSec);
    return client;
}

// The JSON object of a 200 answer, or the reason there is none.
std::variant<nlohmann::json, std::string> json_answer(const httplib::Result& result,
                                                      const std::string& what) {
    if (!result)
        return "the " + what + " endpoint did not answer (" + to_string(result.error()) + ")";
    if (result->status != 200)
        return "the " + what + " endpoint answered " + std::to_string(result->status) + ": " +
               result->body.substr(0, kQuotedBody);
    auto body = nlohmann::json::parse(result->body, nullptr, false);
    if (!body.is_object()) return "the " + what + " endpoint did not answer with a JSON object";
    return body;
}

// The first of `fields` that holds a non-empty string (or, for ids, a whole number).
std::string first_field(const nlohmann::json& object, const std::vector<std::string>& fields,
                        bool numbers_too) {
    for (const auto& field : fields) {
        const auto it = object.find(field);
        if (it == object.end()) continue;
        if (it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
        if (numbers_too && it->is_number_integer()) return it->dump();
    }
    return "";
}

} // namespace

std::variant<Identity, std::string> fetch_identity(const Provider& provider,
                                                   const std::string& code,
                                                   const std::string& redirect_uri,
                                                   const std::string& code_verifier) {
    const Endpoint token_endpoint = split(provider.token_url);
    auto token_client = client_for(token_endpoint);
    const httplib::Params form = {{"grant_type", "authorization_code"},
                                  {"code", code},
                                  {"redirect_uri", redirect_uri},
                                  {"client_id", provider.client_id},
                                  {"client_secret", provider.client_secret},
                                  {"code_verifier", code_verifier}};
    const httplib::Headers accept_json = {{"Accept", "application/json"}};
    auto token_answer =
        json_answer(token_client.Post(token_endpoint.path, accept_json, form), "token");
    if (auto* failure = std::get_if<std::string>(&token_answer)) return *failure;
    const auto& token = std::get<nlohmann::json>(token_answer);
    const std::string access_token = first_field(token, {"access_token"}, false);
    if (access_token.empty()) return std::string("the token endpoint sent no access_token");
    if (const auto type = token.find("token_type");
        type != token.end() &&
        (!type->is_string() || strcasecmp(type->get<std::string>().c_str(), "bearer") != 0))
        return "the token endpoint sent a token of type " + type->dump() + ", not Bearer";

    const Endpoint userinfo_endpoint = split(provider.userinfo_url);
    auto userinfo_client = client_for(userinfo_endpoint);
    const httplib::Headers headers = {{"Accept", "application/json"},
                                      {"Authorization", "Bearer " + access_token}};
    auto userinfo_answer =
        json_answer(userinfo_client.Get(userinfo_endpoint.path, headers), "userinfo");
    if (auto* failure = std::get_if<std::string>(&userinfo_answer)) return *failure;
    const auto& userinfo = std::get<nlohmann::json>(userinfo_answer);
    Identity identity{first_field(userinfo, provider.subject_fields, true),
                      first_field(userinfo, provider.name_fields, false)};
    if (identity.subject.empty() || identity.subject.size() > kMaxSubject)
        return std::string("the userinfo answer has no usable ") + provider.subject_fields[0];
    return identity;
}

} // namespace orchard::oauth

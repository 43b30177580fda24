#include "server/oauth/provider_client.h"

#include "server/http/outgoing_client.h"
#include "server/http/url_encoding.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <strings.h>

namespace orchard::oauth {

namespace {

constexpr std::chrono::seconds kTimeout{5};
constexpr size_t kMaxSubject = 255;
constexpr size_t kQuotedBody = 200; // of a refusal, in the log

// The JSON object of a 200 answer to `request`, or the reason there is none. A provider that does
// not answer is given up on after kTimeout instead of holding a request thread (and the person's
// browser) indefinitely.
std::variant<nlohmann::json, std::string> json_answer(http::OutgoingRequest request,
                                                      const std::string& what) {
    request.timeout = kTimeout;
    request.headers.emplace("Accept", "application/json");
    auto result = http::OutgoingClient().send(request);
    if (auto* failure = std::get_if<std::string>(&result))
        return "the " + what + " endpoint did not answer (" + *failure + ")";
    const auto& answer = std::get<http::OutgoingResponse>(result);
    if (answer.status != 200)
        return "the " + what + " endpoint answered " + std::to_string(answer.status) + ": " +
               answer.body.substr(0, kQuotedBody);
    auto body = nlohmann::json::parse(answer.body, nullptr, false);
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
    const http::OutgoingRequest token_request{
        .method = "POST",
        .url = provider.token_url,
        .body = http::form_encode({{"grant_type", "authorization_code"},
                                   {"code", code},
                                   {"redirect_uri", redirect_uri},
                                   {"client_id", provider.client_id},
                                   {"client_secret", provider.client_secret},
                                   {"code_verifier", code_verifier}}),
        .content_type = "application/x-www-form-urlencoded"};
    auto token_answer = json_answer(token_request, "token");
    if (auto* failure = std::get_if<std::string>(&token_answer)) return *failure;
    const auto& token = std::get<nlohmann::json>(token_answer);
    const std::string access_token = first_field(token, {"access_token"}, false);
    if (access_token.empty()) return std::string("the token endpoint sent no access_token");
    if (const auto type = token.find("token_type");
        type != token.end() &&
        (!type->is_string() || strcasecmp(type->get<std::string>().c_str(), "bearer") != 0))
        return "the token endpoint sent a token of type " + type->dump() + ", not Bearer";

    const http::OutgoingRequest userinfo_request{
        .url = provider.userinfo_url, .headers = {{"Authorization", "Bearer " + access_token}}};
    auto userinfo_answer = json_answer(userinfo_request, "userinfo");
    if (auto* failure = std::get_if<std::string>(&userinfo_answer)) return *failure;
    const auto& userinfo = std::get<nlohmann::json>(userinfo_answer);
    Identity identity{first_field(userinfo, provider.subject_fields, true),
                      first_field(userinfo, provider.name_fields, false)};
    if (identity.subject.empty() || identity.subject.size() > kMaxSubject)
        return std::string("the userinfo answer has no usable ") + provider.subject_fields[0];
    return identity;
}

} // namespace orchard::oauth

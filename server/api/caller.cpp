#include "server/api/caller.h"

#include "protocol/text.h"
#include "protocol/utf8.h"
#include "server/api/api_keys.h"
#include "server/api/credentials.h"
#include "server/api/sessions.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/store/read_connections.h"

#include <set>

namespace orchard::api {

using domain::DomainError;
using protocol::ErrorCode;

namespace {

const std::set<std::string> kAuthMethods = {"discord", "google", "local", "system"};

// A frontend user's id names them for good: one cut short would merge two people, so a longer
// one is refused. 128 is the Open-Assistant backend's limit for it (users.username).
constexpr std::size_t kMaxUserIdCharacters = 128;
// A display name is only shown. A frontend cannot change its user's name in the middle of a
// request, so a longer one is cut rather than refused (which would lock the user out of every
// request); 256 as in the Open-Assistant backend (users.display_name), counted in bytes to bound
// what is stored.
constexpr std::size_t kMaxDisplayNameBytes = 256;

struct NamedUser {
    std::string id;
    std::string display_name; // empty when the request does not say: the stored one stays
    std::string auth_method;
};

std::optional<NamedUser> named_user(const http::Request& request, const nlohmann::json* body) {
    // Most requests carry {"user": {...}}; POST /tasks/availability sends the user object itself.
    std::optional<domain::RequestFields> user;
    if (body && body->is_object()) {
        const domain::RequestFields fields(*body);
        if (const auto* object = fields.object("user"))
            user.emplace(*object, "user");
        else if (fields.has("auth_method") && fields.has("id"))
            user.emplace(*body);
    }
    if (user) {
        NamedUser named;
        named.id = user->string_or("id");
        if (protocol::character_count(named.id) > kMaxUserIdCharacters)
            throw domain::bad_input(user->field_name("id") + " must have at most " +
                                    std::to_string(kMaxUserIdCharacters) + " characters.");
        named.display_name = std::string(
            protocol::utf8_prefix(user->string_or("display_name"), kMaxDisplayNameBytes));
        named.auth_method = user->string_or("auth_method");
        return named;
    }
    if (auto header = request.header("x-oasst-user")) {
        // The id is stored and shown back in JSON answers, which must be UTF-8.
        if (!protocol::is_valid_utf8(*header))
            throw domain::bad_input("x-oasst-user must be UTF-8 text.");
        const auto colon = header->find(':');
        if (colon == std::string::npos)
            throw DomainError(ErrorCode::UserNotSpecified,
                              "x-oasst-user must be <auth_method>:<id>.");
        NamedUser named;
        named.auth_method = header->substr(0, colon);
        named.id = header->substr(colon + 1);
        if (protocol::character_count(named.id) > kMaxUserIdCharacters)
            throw domain::bad_input("The id in x-oasst-user must have at most " +
                                    std::to_string(kMaxUserIdCharacters) + " characters.");
        return named;
    }
    return std::nullopt;
}

} // namespace

store::AccountRecord session_account(const http::Request& request, store::AccountStore& accounts,
                                     std::int64_t now_ms) {
    auto token = bearer_token(request);
    auto account =
        token ? accounts.session_account(hash_session_token(*token), now_ms) : std::nullopt;
    if (!account)
        throw DomainError(ErrorCode::InvalidAuthentication,
                          "You are not signed in, or your session has ended. Sign in again.");
    return *account;
}

std::optional<std::string> frontend_id_scope(const ApiCaller& caller) {
    if (caller.account) return std::nullopt;
    return caller.client.id;
}

std::optional<std::string> user_id_of(const ApiCaller& caller) {
    return caller.user ? std::optional(caller.user->user.id) : std::nullopt;
}

ApiCaller identify_caller(const http::Request& request, const nlohmann::json* body,
                          store::TreeStore& store, bool user_required, std::int64_t now_ms,
                          bool may_write) {
    if (bearer_token(request)) {
        store::AccountStore accounts(store.statements());
        const store::AccountRecord account = session_account(request, accounts, now_ms);
        if (!account.enabled || account.deleted) throw account_disabled(account.disabled_reason);
        store::ApiClientRecord web_client{"", "Orchard's own client", true,
                                          account.role != "contributor", std::nullopt};
        store::UserRecord user{account.user_id, std::nullopt, "orchard", account.user_id,
                               account.display_name};
        return ApiCaller{web_client, domain::Caller{user, std::nullopt}, account};
    }
    auto key = request.header("X-API-Key");
    if (!key) key = request.query_value("api_key");
    if (!key || key->empty())
        throw DomainError(ErrorCode::ApiClientNotAuthorized, "An API key is required (X-API-Key).");
    auto client = store.find_api_client_by_key_hash(hash_api_key(*key));
    if (!client || !client->enabled)
        throw DomainError(ErrorCode::ApiClientNotAuthorized, "The API key is not valid.");

    ApiCaller caller{*client, std::nullopt};
    auto named = named_user(request, body);
    if (!named) {
        if (user_required)
            throw DomainError(ErrorCode::UserNotSpecified, "The request must name its user.");
        return caller;
    }
    if (named->id.empty() || !kAuthMethods.contains(named->auth_method))
        throw DomainError(
            ErrorCode::UserNotSpecified,
            "user needs an id and an auth_method of discord, google, local or system.");

    auto user = store.find_frontend_user(client->id, named->auth_method, named->id);
    const bool renamed =
        user && !named->display_name.empty() && user->display_name != named->display_name;
    if ((!user || renamed) && !may_write) throw store::WriteNeeded();
    if (!user) {
        store::UserRecord created;
        created.id = domain::new_uuid();
        created.api_client_id = client->id;
        created.auth_method = named->auth_method;
        created.external_id = named->id;
        // As the Open-Assistant backend does: a user first seen without a name is named by id.
        created.display_name = named->display_name.empty() ? named->id : named->display_name;
        store.insert_user(created, now_ms);
        user = created;
    } else if (renamed) {
        // Only a name the frontend sends renames: a request that names its user by the
        // x-oasst-user header alone (most reads) must not rename them to their id.
        store.update_display_name(user->id, named->display_name);
        user->display_name = named->display_name;
    }
    if (!user->enabled || user->deleted) throw account_disabled(user->disabled_reason);
    caller.user = domain::Caller{*user, client->id};
    return caller;
}

} // namespace orchard::api

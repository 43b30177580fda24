// Who is calling (PROTOCOL.md §1). Orchard's own client: the account of the session named by
// `Authorization: Bearer`; its role stands for the API client's trust. Frontend clients: the
// API client from X-API-Key (or the api_key query parameter) and the end user named in the
// body's `user` or the x-oasst-user header, created on first sight per (api client, auth
// method, id).
#pragma once

#include "server/domain/task_service.h"
#include "server/http/http_types.h"
#include "server/store/account_store.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

namespace orchard::api {

struct ApiCaller {
    store::ApiClientRecord client;
    std::optional<domain::Caller> user;          // when the request names one
    std::optional<store::AccountRecord> account; // when signed in to Orchard's own client
};

// Frontend message ids are an API client's own: they are looked up among that client's messages,
// or, for Orchard's own client, among messages that came through no API client.
std::optional<std::string> frontend_id_scope(const ApiCaller& caller);

// The id of the person the request names, if it names one (moderators' actions record it).
std::optional<std::string> user_id_of(const ApiCaller& caller);

// The account of the request's `Authorization: Bearer` session; DomainError 600 when there is
// no valid one.
store::AccountRecord session_account(const http::Request& request, store::AccountStore& accounts,
                                     std::int64_t now_ms);

// Throws DomainError (600: session not valid; 2: unknown or disabled key; 4000: user missing
// when required; 4001: user disabled). With `may_write` false (a read connection), a user seen
// for the first time or renamed throws store::WriteNeeded instead of being saved.
ApiCaller identify_caller(const http::Request& request, const nlohmann::json* body,
                          store::TreeStore& store, bool user_required, std::int64_t now_ms,
                          bool may_write = true);

} // namespace orchard::api

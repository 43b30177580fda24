#include "server/api/permissions.h"

#include "server/domain/domain_error.h"

namespace orchard::api {

bool is_moderator(const ApiCaller& caller) {
    // identify_caller marks an account's own client trusted for moderators and admins.
    return caller.client.trusted;
}

bool is_admin(const ApiCaller& caller) {
    if (caller.account) return caller.account->role == "admin";
    return caller.client.trusted;
}

void require(const ApiCaller& caller, Needs needs) {
    if (needs == Needs::Moderator && !is_moderator(caller))
        throw domain::DomainError(protocol::ErrorCode::ApiClientNotAuthorized,
                                  "Only a moderator or a trusted API client may do this.");
    if (needs == Needs::Admin && !is_admin(caller))
        throw domain::DomainError(protocol::ErrorCode::ApiClientNotAuthorized,
                                  "Only an admin or a trusted API client may do this.");
}

} // namespace orchard::api

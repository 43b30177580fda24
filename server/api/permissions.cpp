#include "server/api/permissions.h"

#include "server/domain/domain_error.h"

#include <string>

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

void require_accepted_terms(const ApiCaller& caller, const char* before_what) {
    if (caller.account && !caller.account->terms_accepted_ms)
        throw domain::DomainError(protocol::ErrorCode::TermsNotAccepted,
                                  std::string("Please read and accept the terms ") + before_what +
                                      ".");
}

} // namespace orchard::api

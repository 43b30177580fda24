// The server's side of the code flow after the provider redirected back: trades the
// authorization code (with the PKCE verifier) for an access token at the token endpoint, then
// asks the userinfo endpoint who signed in. Blocking, with a 5-second timeout for each step, so
// it runs outside any database transaction.
#pragma once

#include "server/oauth/provider.h"

#include <string>
#include <variant>

namespace orchard::oauth {

// The person as the provider knows them.
struct Identity {
    std::string subject;      // the provider's stable id for them
    std::string display_name; // may be empty
};

// The identity, or what went wrong (for the server's log; people get a general message).
std::variant<Identity, std::string> fetch_identity(const Provider& provider,
                                                   const std::string& code,
                                                   const std::string& redirect_uri,
                                                   const std::string& code_verifier);

} // namespace orchard::oauth

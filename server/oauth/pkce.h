// The secrets of one OAuth2 sign-in (RFC 6749 §10.12, RFC 7636): the state that ties the
// provider's redirect back to the sign-in this server started, and the PKCE code verifier with
// its S256 challenge, so that an intercepted authorization code is useless to anyone else.
#pragma once

#include <string>

namespace orchard::oauth {

// 256 random bits, base64url without padding (43 characters): a state or a code verifier.
std::string random_secret();

// The S256 code challenge of a verifier: base64url (no padding) of its SHA-256.
std::string s256_challenge(const std::string& verifier);

} // namespace orchard::oauth

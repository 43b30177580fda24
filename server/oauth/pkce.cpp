#include "server/oauth/pkce.h"

#include "server/hashing.h"

#include <sodium.h>
#include <stdexcept>

namespace orchard::oauth {

std::string random_secret() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return base64url(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string s256_challenge(const std::string& verifier) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()),
                       verifier.size());
    return base64url(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

} // namespace orchard::oauth

#include "server/oauth/pkce.h"

#include <sodium.h>
#include <stdexcept>

namespace orchard::oauth {

namespace {

std::string base64url(const unsigned char* bytes, size_t size) {
    // sodium_base64_ENCODED_LEN counts the terminating NUL.
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.size() - 1);
    return text;
}

} // namespace

std::string random_secret() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return base64url(bytes, sizeof bytes);
}

std::string s256_challenge(const std::string& verifier) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()),
                       verifier.size());
    return base64url(digest, sizeof digest);
}

} // namespace orchard::oauth

#include "server/api/api_keys.h"

#include "server/hashing.h"

#include <sodium.h>

namespace orchard::api {

std::string new_api_key() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string("orchard_") + text;
}

std::string hash_api_key(const std::string& key) {
    return blake2b_hex(key, 32);
}

} // namespace orchard::api

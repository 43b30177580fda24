#include "server/hashing.h"

#include <sodium.h>
#include <vector>

namespace orchard {

std::string blake2b_hex(std::string_view data, std::size_t bytes) {
    std::vector<unsigned char> hash(bytes);
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                       0);
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    hex.pop_back(); // the terminating NUL
    return hex;
}

} // namespace orchard

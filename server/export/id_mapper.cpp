#include "server/export/id_mapper.h"

#include "protocol/uuid.h"

#include <sodium.h>
#include <stdexcept>

namespace orchard::exporting {

IdMapper::IdMapper(const std::optional<std::string>& seed) : anonymous_(seed.has_value()) {
    if (!seed) return;
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    // The key is the seed's own hash: any seed text gives a full-length key.
    crypto_generichash(key_.data(), key_.size(),
                       reinterpret_cast<const unsigned char*>(seed->data()), seed->size(), nullptr,
                       0);
}

std::string IdMapper::operator()(const std::string& id) const {
    if (!anonymous_) return id;
    std::array<unsigned char, 16> digest;
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(id.data()), id.size(), key_.data(),
                       key_.size());
    return protocol::uuid_v4(digest);
}

std::optional<std::string> IdMapper::operator()(const std::optional<std::string>& id) const {
    if (!id) return std::nullopt;
    return (*this)(*id);
}

} // namespace orchard::exporting

// The text of a random (version 4, RFC 4122) UUID, the form of every id on the wire. Each end
// brings its own randomness (libsodium on the server, the browser's seeded engine in the client).
#pragma once

#include <array>
#include <string>

namespace orchard::protocol {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from 16 random bytes; the version and variant bits are
// set here.
std::string uuid_v4(std::array<unsigned char, 16> random_bytes);

} // namespace orchard::protocol

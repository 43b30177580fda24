// The limits of account fields (PROTOCOL.md §9), in one place for both ends: the server refuses
// what breaks them (server/api/credentials.cpp, auth_routes.cpp) and the client's forms hold
// the person to them and say them, so that the two never disagree again.
#pragma once

#include <cstddef>

namespace orchard::protocol {

// Usernames are ASCII (letters, digits, '.', '_', '-'), so characters and bytes are the same.
inline constexpr std::size_t kUsernameMinLength = 3;
inline constexpr std::size_t kUsernameMaxLength = 32;
// The server counts passwords and display names in bytes (UTF-8).
inline constexpr std::size_t kPasswordMinLength = 8;
inline constexpr std::size_t kPasswordMaxLength = 1024;
inline constexpr std::size_t kDisplayNameMaxLength = 64;

} // namespace orchard::protocol

// The account forms' fields (sign-in card, settings, keeping a guest account) take and announce
// the limits the server holds them to (protocol/account_limits.h), from one place.
#pragma once

#include "protocol/account_limits.h"

namespace orchard::ui {

inline constexpr int kUsernameMaxChars = static_cast<int>(protocol::kUsernameMaxLength);
inline constexpr int kPasswordMaxChars = static_cast<int>(protocol::kPasswordMaxLength);
inline constexpr int kDisplayNameMaxChars = static_cast<int>(protocol::kDisplayNameMaxLength);

// "at least 8 characters": the placeholder of every field that sets a new password, in the
// interface's language; valid until the next call.
const char* new_password_hint();

} // namespace orchard::ui

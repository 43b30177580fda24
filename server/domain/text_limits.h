// The one length check for texts people send: replies, edits, label and report comments. Counted
// as a person counts characters (protocol::character_count: UTF-8 code points), against the
// configured message_size_limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::domain {

// Throws DomainError 1008 (message too long) naming `what` when `text` is over `limit`, and a
// 400 when it holds a NUL character (which no person types, and which C-string code downstream,
// an export for one, would read as the end of the text).
void check_text_length(std::string_view text, int limit, const char* what);

} // namespace orchard::domain

// The one length check for texts people send: replies, edits, label and report comments. Counted
// as a person counts characters (UTF-8 code points), against the configured message_size_limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::domain {

std::size_t character_count(std::string_view text);
// `text` if it has at most `max_characters` characters; else its first max_characters - 1 and an
// ellipsis. Cuts only before a lead byte, so every character stays whole.
std::string shorten(const std::string& text, std::size_t max_characters);
// Throws DomainError 1008 (message too long) naming `what` when `text` is over `limit`, and a
// 400 when it holds a NUL character (which no person types, and which C-string code downstream,
// an export for one, would read as the end of the text).
void check_text_length(std::string_view text, int limit, const char* what);

} // namespace orchard::domain

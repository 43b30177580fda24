// Text as people count and read it, the same on both ends: characters are Unicode code points
// (the unit of message_size_limit), cuts never split a UTF-8 character, and blank means only
// white space.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::protocol {

// Unicode code points in UTF-8 text: every byte but continuation bytes starts one.
std::size_t character_count(std::string_view text);

// `text` without the spaces, tabs and line breaks around it.
std::string trim(std::string_view text);

// True when the text has something besides white space (the server refuses blank replies).
bool has_content(std::string_view text);

// `text` if it has at most `max_characters` characters; else its first max_characters - 1 and
// "…", so the result has max_characters characters.
std::string shorten(std::string_view text, std::size_t max_characters);

// `text` if it has at most `max_bytes` bytes; else its longest start of at most `max_bytes` bytes
// that ends between two characters, and "…". For excerpts sized by bytes (previews, cards).
std::string excerpt(std::string_view text, std::size_t max_bytes);

} // namespace orchard::protocol

// Well-formed UTF-8 (RFC 3629), one definition for the server, which refuses text that is not,
// and the client, which replaces it before rendering.
#pragma once

#include <cstddef>
#include <string_view>

namespace orchard::protocol {

// The byte length (1-4) of the well-formed character at text[at], or 0 when there is none: a
// stray continuation byte, an overlong form, a surrogate, a code point past U+10FFFF, or a
// character cut short by the end of the text.
std::size_t utf8_character_length(std::string_view text, std::size_t at);

bool is_valid_utf8(std::string_view text);

// The longest start of `text` of at most `max_bytes` bytes that ends between two characters: a
// byte limit applied with resize() can split a character and leave text that is not UTF-8, which
// every JSON answer that shows it then has to refuse or mangle. Valid text stays valid.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

} // namespace orchard::protocol

// UTF-8 and character-entity helpers for the Markdown renderer (plain C++, tested natively).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::ui::markdown {

// `text` with every invalid UTF-8 sequence (stray continuation bytes, overlong forms,
// surrogates, truncated characters) replaced by U+FFFD, so that later stages can trust it.
std::string valid_utf8(std::string_view text);

// The byte length of the character starting at text[at], for text that is valid UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t at);

void append_utf8(std::string& out, char32_t code_point);

// The text an HTML character reference such as "&amp;", "&#233;" or "&#x2014;" stands for.
// md4c leaves decoding to us; named references outside a common set stay as written.
std::string decode_entity(std::string_view entity);

} // namespace orchard::ui::markdown

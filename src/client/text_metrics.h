// Counting text the way a person and the server count it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::client {

// Unicode code points in UTF-8 text: the unit of the server's message_size_limit.
std::size_t count_characters(std::string_view text);
// Runs of non-space characters.
std::size_t count_words(std::string_view text);
// True when the text has something besides white space (the server refuses blank replies).
bool has_content(std::string_view text);
// "12,345": a count as people read it.
std::string with_thousands(std::size_t n);

} // namespace orchard::client

// Counting text the way a person and the server count it.
#pragma once

#include <cstddef>
#include <string_view>

namespace orchard::client {

// Unicode code points in UTF-8 text: the unit of the server's 2,000-character limit.
std::size_t count_characters(std::string_view text);
// Runs of non-space characters.
std::size_t count_words(std::string_view text);
// True when the text has something besides white space (the server refuses blank replies).
bool has_content(std::string_view text);

} // namespace orchard::client

// Counting text the way a person and the server count it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orchard::client {

// Runs of non-space characters.
std::size_t count_words(std::string_view text);
// "12,345": a count as people read it.
std::string with_thousands(std::size_t n);

} // namespace orchard::client

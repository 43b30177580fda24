#include "client/text_metrics.h"

namespace orchard::client {

namespace {
bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
} // namespace

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = is_space(c);
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

} // namespace orchard::client

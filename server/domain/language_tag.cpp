#include "server/domain/language_tag.h"

#include "server/domain/domain_error.h"

#include <algorithm>
#include <string>

namespace orchard::domain {

namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_letter_or_digit(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

} // namespace

bool is_language_tag(std::string_view text) {
    if (text.empty() || text.size() > kMaxLanguageTagLength) return false;
    bool first = true;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t dash = std::min(text.find('-', start), text.size());
        const std::string_view subtag = text.substr(start, dash - start);
        if (subtag.empty() || subtag.size() > 8) return false;
        if (first &&
            (subtag.size() < 2 || !std::all_of(subtag.begin(), subtag.end(), is_ascii_letter)))
            return false;
        if (!std::all_of(subtag.begin(), subtag.end(), is_ascii_letter_or_digit)) return false;
        first = false;
        start = dash + 1;
    }
    return true;
}

void check_language_tag(std::string_view text, const char* field) {
    if (!is_language_tag(text))
        // The text itself is not quoted: it may be megabytes long.
        throw bad_input(std::string(field) +
                        " must be a language tag like en or pt-BR, of at most " +
                        std::to_string(kMaxLanguageTagLength) + " characters.");
}

} // namespace orchard::domain

// The one check for a language a request names (a task's, a reply's, availability's): a tag
// shaped like BCP 47 ("en", "pt-BR", "zh-Hans-CN", "es-419"). A language is stored with every
// task, tree and message and compared in every task search, so anything else, a 10 MB string
// among others, is refused before it is used.
#pragma once

#include <cstddef>
#include <string_view>

namespace orchard::domain {

// RFC 5646 §4.4.1 asks that tags of up to 35 characters be supported.
inline constexpr std::size_t kMaxLanguageTagLength = 35;

// A primary subtag of 2 to 8 ASCII letters, then subtags of 1 to 8 ASCII letters or digits,
// joined by '-'; at most kMaxLanguageTagLength in all.
bool is_language_tag(std::string_view text);
// Throws DomainError (400, error code 0) naming `field` when `text` is not a language tag.
void check_language_tag(std::string_view text, const char* field);

} // namespace orchard::domain

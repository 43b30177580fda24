// CLDR's cardinal plural categories for the languages Orchard ships, for where the browser's
// Intl.PluralRules is not at hand: the server's e-mails and the native tests. The client asks the
// browser, which knows every language.
#pragma once

#include <string_view>

namespace orchard::i18n {

// "zero", "one", "two", "few", "many" or "other" for the count `n` in `language` (a BCP 47 tag;
// only its first subtag counts). Languages without rules here get English's.
std::string_view plural_category(std::string_view language, double n);

} // namespace orchard::i18n

// Two pseudo-locales for tests, made from the English catalog so that they are always complete:
// "en-XA" is English with accented letters, 40% longer and in brackets, which shows text that was
// never translated (no accents), clipped (no closing bracket) or too tight for longer languages;
// "ar-XB" is English set right to left (inside RLO … PDF), which shows what an interface in a
// right-to-left language does. The names are Chromium's and Android's.
#pragma once

#include "i18n/catalog.h"

#include <string>
#include <string_view>

namespace orchard::i18n {

inline constexpr std::string_view kStretchedPseudoLocale = "en-XA";
inline constexpr std::string_view kMirroredPseudoLocale = "ar-XB";

bool is_pseudo_locale(std::string_view language);

// One text of the pseudo-locale `language`; placeholders ({{name}}) are left as they are.
std::string pseudo_text(std::string_view language, std::string_view english);

// The whole catalog of the pseudo-locale `language`, from English.
Catalog pseudo_catalog(std::string_view language, const Catalog& english);

} // namespace orchard::i18n

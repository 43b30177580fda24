// The interface languages Orchard ships (locales/<tag>/), and choosing one from what a person
// prefers. The data language of tasks is a different choice (client/app_names.cpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::i18n {

struct InterfaceLanguage {
    std::string_view tag;  // BCP 47, and the catalog's folder
    std::string_view name; // in the language itself, as the language menu shows it
    bool right_to_left = false;
    bool pseudo = false; // a pseudo-locale for tests (i18n/pseudo_locale.h), not a folder
};

inline constexpr std::string_view kSourceLanguage = "en"; // the language keys are written in

std::span<const InterfaceLanguage> interface_languages();
const InterfaceLanguage* find_interface_language(std::string_view tag);

// The first of `preferred` (BCP 47 tags, most preferred first, as navigator.languages gives
// them) that Orchard ships, matched whole or by its first subtag ("de-AT" is "de"); pseudo-locales
// only by their exact tag. English when none is.
std::string_view negotiate(const std::vector<std::string>& preferred);

} // namespace orchard::i18n

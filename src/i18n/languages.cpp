#include "i18n/languages.h"

#include <algorithm>
#include <cctype>

namespace orchard::i18n {

namespace {

constexpr InterfaceLanguage kLanguages[] = {
    {"en", "English"},
    {"de", "Deutsch"},
    {"es", "Español"},
    {"fr", "Français"},
    {"ru", "Русский"},
    {"zh", "中文"},
    {"ar", "العربية", true},
    {"en-XA", "[Êñĝļîšĥ ~~~]", false, true},
    {"ar-XB", "English (mirrored)", true, true},
};

bool same_tag(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

std::span<const InterfaceLanguage> interface_languages() {
    return kLanguages;
}

const InterfaceLanguage* find_interface_language(std::string_view tag) {
    for (const InterfaceLanguage& language : kLanguages)
        if (same_tag(language.tag, tag)) return &language;
    return nullptr;
}

std::string_view negotiate(const std::vector<std::string>& preferred) {
    for (const std::string& wanted : preferred) {
        if (const InterfaceLanguage* exact = find_interface_language(wanted)) return exact->tag;
        const std::string_view primary = std::string_view(wanted).substr(0, wanted.find('-'));
        for (const InterfaceLanguage& language : kLanguages)
            if (!language.pseudo && same_tag(language.tag, primary)) return language.tag;
    }
    return kSourceLanguage;
}

} // namespace orchard::i18n

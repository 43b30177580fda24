#include "i18n/pseudo_locale.h"

namespace orchard::i18n {

namespace {

// Accented forms from Latin-1 and Latin Extended-A, which the client's font atlas holds, so the
// stretched locale stays on the atlas path as English does.
const char* accented(char c) {
    switch (c) {
    case 'a':
        return "å";
    case 'c':
        return "ç";
    case 'd':
        return "ð";
    case 'e':
        return "é";
    case 'g':
        return "ĝ";
    case 'h':
        return "ĥ";
    case 'i':
        return "î";
    case 'j':
        return "ĵ";
    case 'k':
        return "ķ";
    case 'l':
        return "ļ";
    case 'n':
        return "ñ";
    case 'o':
        return "ö";
    case 'r':
        return "ŕ";
    case 's':
        return "š";
    case 't':
        return "ţ";
    case 'u':
        return "û";
    case 'w':
        return "ŵ";
    case 'y':
        return "ý";
    case 'z':
        return "ž";
    case 'A':
        return "Å";
    case 'C':
        return "Ç";
    case 'D':
        return "Ð";
    case 'E':
        return "É";
    case 'G':
        return "Ĝ";
    case 'H':
        return "Ĥ";
    case 'I':
        return "Î";
    case 'J':
        return "Ĵ";
    case 'K':
        return "Ķ";
    case 'L':
        return "Ļ";
    case 'N':
        return "Ñ";
    case 'O':
        return "Ö";
    case 'R':
        return "Ŕ";
    case 'S':
        return "Š";
    case 'T':
        return "Ţ";
    case 'U':
        return "Û";
    case 'W':
        return "Ŵ";
    case 'Y':
        return "Ý";
    case 'Z':
        return "Ž";
    default:
        return nullptr;
    }
}

std::string stretched(std::string_view english) {
    std::string out = "[";
    std::size_t letters = 0;
    for (std::size_t at = 0; at < english.size();) {
        if (english.substr(at, 2) == "{{") {
            const std::size_t end = english.find("}}", at);
            const std::size_t stop = end == std::string_view::npos ? english.size() : end + 2;
            out.append(english.substr(at, stop - at));
            at = stop;
            continue;
        }
        const char c = english[at++];
        if (const char* form = accented(c)) {
            out += form;
        } else {
            out += c;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    }
    // 40% longer, as German and Russian often are.
    const std::size_t extra = (letters * 2 + 4) / 5;
    if (extra > 0) {
        out += ' ';
        out.append(extra, '~');
    }
    out += ']';
    return out;
}

} // namespace

bool is_pseudo_locale(std::string_view language) {
    return language == kStretchedPseudoLocale || language == kMirroredPseudoLocale;
}

std::string pseudo_text(std::string_view language, std::string_view english) {
    if (language == kStretchedPseudoLocale) return stretched(english);
    if (language == kMirroredPseudoLocale) {
        // RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING: the English letters laid out from
        // the right, as an Arabic or Hebrew text would be.
        return "\u202E" + std::string(english) + "\u202C";
    }
    return std::string(english);
}

Catalog pseudo_catalog(std::string_view language, const Catalog& english) {
    Catalog catalog;
    for (const auto& [key, text] : english.entries())
        catalog.set(key, pseudo_text(language, text));
    return catalog;
}

} // namespace orchard::i18n

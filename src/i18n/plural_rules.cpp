#include "i18n/plural_rules.h"

#include <cmath>

namespace orchard::i18n {

std::string_view plural_category(std::string_view language, double n) {
    const std::string_view primary = language.substr(0, language.find('-'));
    const bool integer = std::floor(n) == n;
    const double magnitude = std::fabs(n);
    const long long i = integer ? static_cast<long long>(magnitude) : -1;
    if (primary == "zh" || primary == "ja" || primary == "ko" || primary == "th") return "other";
    if (primary == "fr") return magnitude < 2 && (integer ? i <= 1 : true) ? "one" : "other";
    if (primary == "ru" || primary == "uk") {
        if (!integer) return "other";
        if (i % 10 == 1 && i % 100 != 11) return "one";
        if (i % 10 >= 2 && i % 10 <= 4 && (i % 100 < 12 || i % 100 > 14)) return "few";
        return "many";
    }
    if (primary == "ar") {
        if (!integer) return "other";
        if (i == 0) return "zero";
        if (i == 1) return "one";
        if (i == 2) return "two";
        if (i % 100 >= 3 && i % 100 <= 10) return "few";
        if (i % 100 >= 11) return "many";
        return "other";
    }
    // English, German, Spanish, Hebrew's and most others' "one": exactly 1.
    return integer && i == 1 ? "one" : "other";
}

} // namespace orchard::i18n

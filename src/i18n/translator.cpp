#include "i18n/translator.h"

#include "i18n/languages.h"
#include "i18n/plural_rules.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace orchard::i18n {

Translator::Translator() : Translator("en", Catalog{}) {}

Translator::Translator(std::string language, Catalog english, Catalog own)
    : language_(std::move(language)), english_(std::move(english)), own_(std::move(own)) {
    const InterfaceLanguage* known = find_interface_language(language_);
    right_to_left_ = known && known->right_to_left;
    plural_ = [tag = language_](double n) { return plural_category(tag, n); };
}

const std::string* Translator::find(std::string_view key) const {
    if (const std::string* own = own_.find(key)) return own;
    return english_.find(key);
}

bool Translator::has(std::string_view key) const {
    return find(key) != nullptr;
}

const char* Translator::text(std::string_view key) const {
    if (const std::string* found = find(key)) return found->c_str();
    // A key missing from every catalog shows as itself; keys are literals in the code, but a
    // string_view need not end in a NUL, so the key is kept here.
    thread_local std::map<std::string, std::unique_ptr<std::string>, std::less<>> missing;
    auto at = missing.find(key);
    if (at == missing.end())
        at = missing.emplace(std::string(key), std::make_unique<std::string>(key)).first;
    return at->second->c_str();
}

std::string Translator::text(std::string_view key, std::initializer_list<Arg> args) const {
    return interpolate(text(key), args);
}

std::string Translator::number(double value) const {
    if (number_) return number_(value);
    // Without the browser's Intl (the server, native tests): English's way, "8,000" and "2.5".
    char buffer[32];
    if (std::floor(value) != value || std::fabs(value) >= 1e15) {
        std::snprintf(buffer, sizeof buffer, "%g", value);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(std::fabs(value)));
    const std::string digits = buffer;
    std::string grouped = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string Translator::date(std::string_view iso) const {
    auto digits = [&](std::size_t at, std::size_t n) -> int {
        int value = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || iso[4] != '-' ||
        iso[7] != '-')
        return std::string(iso);
    if (date_) return date_(year, month, day);
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

std::string Translator::count(std::string_view key, double count,
                              std::initializer_list<Arg> args) const {
    const std::string category(plural_(count));
    const std::string* form = find(std::string(key) + "_" + category);
    if (!form) form = find(std::string(key) + "_other");
    const std::string chosen = form ? *form : std::string(text(key));
    std::string with_count = interpolate(chosen, {{"count", number(count)}});
    return interpolate(with_count, args);
}

namespace {

Translator& active_translator() {
    static Translator translator;
    return translator;
}

} // namespace

const Translator& active() {
    return active_translator();
}
void set_active(Translator translator) {
    active_translator() = std::move(translator);
}

} // namespace orchard::i18n

#include "platform/interface_language.h"
#include "platform/js_string.h"

#include "i18n/languages.h"
#include "i18n/pseudo_locale.h"
#include "i18n/translator.h"
#include "platform/frame_scheduler.h"

#include <cstdio>
#include <cstdlib>
#include <emscripten.h>
#include <map>
#include <optional>

namespace orchard::platform {

namespace {

// clang-format off
EM_JS(char*, js_browser_languages, (), {
    const tags = (navigator.languages && navigator.languages.length) ? navigator.languages
                                                                     : [navigator.language || "en"];
    const text = tags.join(",");
    const bytes = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(text, pointer, bytes);
    return pointer;
});

// Fetches a language's catalog with the page's asset version (served for a year), and hands the
// text (or nothing, on failure) to orchard_catalog_arrived.
EM_JS(void, js_fetch_catalog, (const char* tag_pointer), {
    const tag = UTF8ToString(tag_pointer);
    const meta = document.querySelector('meta[name="orchard-asset-version"]');
    const version = meta ? meta.content : "";
    const deliver = (text) => {
        const tagBytes = lengthBytesUTF8(tag) + 1;
        const tagCopy = _malloc(tagBytes);
        stringToUTF8(tag, tagCopy, tagBytes);
        let textCopy = 0;
        if (text !== null) {
            const textBytes = lengthBytesUTF8(text) + 1;
            textCopy = _malloc(textBytes);
            stringToUTF8(text, textCopy, textBytes);
        }
        _orchard_catalog_arrived(tagCopy, textCopy);
        _free(tagCopy);
        if (textCopy) _free(textCopy);
    };
    fetch("locales/" + encodeURIComponent(tag) + ".json?v=" + encodeURIComponent(version))
        .then((response) => response.ok ? response.text() : null)
        .then(deliver, () => deliver(null));
});

// The browser's plural category and number format for a language; the Intl objects are made
// once per language.
EM_JS(char*, js_plural_category, (const char* tag_pointer, double n), {
    const tag = UTF8ToString(tag_pointer);
    const cache = Module.orchardPlurals || (Module.orchardPlurals = {});
    let rules = cache[tag];
    if (!rules) {
        try { rules = new Intl.PluralRules(tag); } catch (e) { rules = new Intl.PluralRules("en"); }
        cache[tag] = rules;
    }
    const category = rules.select(n);
    const bytes = lengthBytesUTF8(category) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(category, pointer, bytes);
    return pointer;
});

EM_JS(char*, js_format_number, (const char* tag_pointer, double n), {
    const tag = UTF8ToString(tag_pointer);
    const cache = Module.orchardNumbers || (Module.orchardNumbers = {});
    let format = cache[tag];
    if (!format) {
        try { format = new Intl.NumberFormat(tag); } catch (e) { format = new Intl.NumberFormat("en"); }
        cache[tag] = format;
    }
    const text = format.format(n);
    const bytes = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(text, pointer, bytes);
    return pointer;
});

// A short date ("1 May 2024", "1. Mai 2024", "2024年5月1日") for a calendar day, in UTC so that
// the day is the one stored whatever the device's time zone.
EM_JS(char*, js_format_date, (const char* tag_pointer, int year, int month, int day), {
    const tag = UTF8ToString(tag_pointer);
    const cache = Module.orchardDates || (Module.orchardDates = {});
    let format = cache[tag];
    if (!format) {
        const options = {day: "numeric", month: "short", year: "numeric", timeZone: "UTC"};
        try { format = new Intl.DateTimeFormat(tag, options); }
        catch (e) { format = new Intl.DateTimeFormat("en-GB", options); }
        cache[tag] = format;
    }
    const text = format.format(new Date(Date.UTC(year, month - 1, day)));
    const bytes = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(text, pointer, bytes);
    return pointer;
});

EM_JS(void, js_set_document_language, (const char* tag_pointer, int right_to_left), {
    document.documentElement.lang = UTF8ToString(tag_pointer);
    document.documentElement.dir = right_to_left ? "rtl" : "ltr";
});
// clang-format on

struct Catalogs {
    std::optional<i18n::Catalog> english;
    std::map<std::string, i18n::Catalog> fetched;
    std::map<std::string, bool> requested; // tag → whether its fetch has ended (in or failed)
    std::string active = "";               // the tag of the active translator
};

Catalogs& catalogs() {
    static Catalogs instance;
    return instance;
}

const i18n::Catalog& english_catalog() {
    Catalogs& all = catalogs();
    if (!all.english) {
        std::string error;
        all.english = i18n::Catalog::read_file("/locales/en.json", &error);
        if (!all.english) {
            std::fprintf(stderr, "Orchard: the English catalog is unreadable: %s\n", error.c_str());
            all.english = i18n::Catalog{};
        }
    }
    return *all.english;
}

// The language whose Intl rules a pseudo-locale follows: its English or Arabic base.
std::string intl_tag(const std::string& tag) {
    if (tag == i18n::kStretchedPseudoLocale) return "en";
    if (tag == i18n::kMirroredPseudoLocale) return "ar";
    return tag;
}

void activate(const std::string& tag, i18n::Catalog own) {
    i18n::Translator translator(tag, english_catalog(), std::move(own));
    const std::string intl = intl_tag(tag);
    translator.set_plural_rule([intl](double n) -> std::string_view {
        // The categories are CLDR's six; the browser's answer is mapped onto those literals.
        const std::string category = take_js_string(js_plural_category(intl.c_str(), n));
        for (std::string_view known : {"zero", "one", "two", "few", "many"})
            if (category == known) return known;
        return "other";
    });
    translator.set_number_format(
        [intl](double n) { return take_js_string(js_format_number(intl.c_str(), n)); });
    // English keeps the day-month-year order people already saw ("1 May 2024").
    const std::string date_tag = intl == "en" ? "en-GB" : intl;
    translator.set_date_format([date_tag](int year, int month, int day) {
        return take_js_string(js_format_date(date_tag.c_str(), year, month, day));
    });
    const bool right_to_left = translator.right_to_left();
    i18n::set_active(std::move(translator));
    js_set_document_language(tag.c_str(), right_to_left ? 1 : 0);
    catalogs().active = tag;
}

} // namespace

std::vector<std::string> browser_languages() {
    const std::string joined = take_js_string(js_browser_languages());
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t comma = joined.find(',', start);
        const std::size_t end = comma == std::string::npos ? joined.size() : comma;
        if (end > start) tags.push_back(joined.substr(start, end - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return tags;
}

bool apply_interface_language(const std::string& tag) {
    Catalogs& all = catalogs();
    if (all.active == tag) return true;
    if (tag == i18n::kSourceLanguage) {
        activate(tag, {});
        return true;
    }
    if (i18n::is_pseudo_locale(tag)) {
        activate(tag, i18n::pseudo_catalog(tag, english_catalog()));
        return true;
    }
    if (auto found = all.fetched.find(tag); found != all.fetched.end()) {
        activate(tag, found->second);
        return true;
    }
    auto requested = all.requested.find(tag);
    if (requested == all.requested.end()) {
        all.requested[tag] = false;
        js_fetch_catalog(tag.c_str());
        return false;
    }
    if (requested->second) {
        // Fetched but unusable: English, and the choice stays for the next visit.
        if (all.active.empty()) activate(std::string(i18n::kSourceLanguage), {});
        return true;
    }
    return false;
}

} // namespace orchard::platform

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_catalog_arrived(const char* tag, const char* text) {
    auto& all = orchard::platform::catalogs();
    all.requested[tag] = true;
    if (!text) {
        std::fprintf(stderr, "Orchard: the catalog of \"%s\" could not be fetched\n", tag);
        return;
    }
    std::string error;
    if (auto catalog = orchard::i18n::Catalog::parse(text, &error))
        all.fetched[tag] = std::move(*catalog);
    else
        std::fprintf(stderr, "Orchard: the catalog of \"%s\" is unreadable: %s\n", tag,
                     error.c_str());
    orchard::platform::request_frame();
}

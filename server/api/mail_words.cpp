#include "server/api/mail_words.h"

#include "i18n/languages.h"
#include "i18n/pseudo_locale.h"

#include <cstdio>
#include <vector>

namespace orchard::api {

namespace {

// "de-CH,de;q=0.9,en;q=0.8" → {"de-CH", "de", "en"}: tags in the header's order, which browsers
// write most preferred first; at most 16, since the header comes from outside.
std::vector<std::string> accepted_tags(std::string_view header) {
    std::vector<std::string> tags;
    while (!header.empty() && tags.size() < 16) {
        const std::size_t comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        item = item.substr(0, item.find(';'));
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty() && item.size() <= 35) tags.emplace_back(item);
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    return tags;
}

} // namespace

Catalogs read_catalogs(const std::filesystem::path& public_dir) {
    Catalogs catalogs;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(public_dir / "locales", error)) {
        if (entry.path().extension() != ".json") continue;
        std::string problem;
        if (auto catalog = i18n::Catalog::read_file(entry.path().string(), &problem))
            catalogs.emplace(entry.path().stem().string(), std::move(*catalog));
        else
            std::fprintf(stderr, "orchard: %s: %s\n", entry.path().c_str(), problem.c_str());
    }
    return catalogs;
}

i18n::Translator mail_translator(const Catalogs& catalogs, std::string_view language,
                                 const std::optional<std::string>& accept_language) {
    std::vector<std::string> preferred;
    if (!language.empty() && language.size() <= 35) preferred.emplace_back(language);
    if (accept_language) {
        auto tags = accepted_tags(*accept_language);
        preferred.insert(preferred.end(), tags.begin(), tags.end());
    }
    const std::string tag(i18n::negotiate(preferred));
    const auto english = catalogs.find(i18n::kSourceLanguage);
    i18n::Catalog source = english == catalogs.end() ? i18n::Catalog{} : english->second;
    if (i18n::is_pseudo_locale(tag)) {
        i18n::Catalog pseudo = i18n::pseudo_catalog(tag, source);
        return i18n::Translator(tag, std::move(source), std::move(pseudo));
    }
    const auto own = catalogs.find(tag);
    return i18n::Translator(tag, std::move(source),
                            own == catalogs.end() ? i18n::Catalog{} : own->second);
}

} // namespace orchard::api

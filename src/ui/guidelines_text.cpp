#include "ui/guidelines_text.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"

#include <map>

namespace orchard::ui {

const std::string& guidelines_text(const std::string& file) {
    // A translation (locales/<tag>/guidelines/<name>.md, in the language's catalog) when the
    // language has one, else the English file in the client's data.
    static std::map<std::string, std::string> translated;
    const std::string stem = file.substr(0, file.rfind('.'));
    const std::string key = "guidelines_text." + stem;
    const auto& words = i18n::active();
    if (words.language() != "en" && words.has(key)) {
        std::string& text = translated[words.language() + "/" + stem];
        if (text.empty()) text = words.text(key);
        return text;
    }
    static std::map<std::string, std::string> cache;
    auto it = cache.find(file);
    if (it == cache.end()) {
        std::string text = client::read_guidelines("/guidelines", file);
        if (text.empty()) text = i18n::tr("guidelines.load_failed");
        it = cache.emplace(file, std::move(text)).first;
    }
    return it->second;
}

} // namespace orchard::ui

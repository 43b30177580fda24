#include "ui/guidelines_text.h"

#include "client/task_kinds.h"

#include <map>

namespace orchard::ui {

const std::string& guidelines_text(const std::string& file) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(file);
    if (it == cache.end()) {
        std::string text = client::read_guidelines("/guidelines", file);
        if (text.empty())
            text = "The guidelines could not be loaded. Reload the page to try again.";
        it = cache.emplace(file, std::move(text)).first;
    }
    return it->second;
}

} // namespace orchard::ui

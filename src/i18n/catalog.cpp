#include "i18n/catalog.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace orchard::i18n {

namespace {

// Flattens one object into `entries`; false when a value is neither text nor an object.
bool flatten(const nlohmann::json& object, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& entries, std::string* error) {
    for (const auto& [name, value] : object.items()) {
        const std::string key = prefix.empty() ? name : prefix + "." + name;
        if (value.is_string()) {
            entries[key] = value.get<std::string>();
        } else if (value.is_object()) {
            if (!flatten(value, key, entries, error)) return false;
        } else {
            if (error) *error = "\"" + key + "\" is neither text nor an object";
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<Catalog> Catalog::parse(std::string_view json, std::string* error) {
    const auto document = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object()) {
        if (error) *error = "not a JSON object";
        return std::nullopt;
    }
    Catalog catalog;
    if (!flatten(document, "", catalog.entries_, error)) return std::nullopt;
    return catalog;
}

std::optional<Catalog> Catalog::read_file(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = "cannot open " + path;
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), error);
}

void Catalog::merge(const Catalog& other, std::string_view prefix) {
    for (const auto& [key, text] : other.entries_)
        entries_[prefix.empty() ? key : std::string(prefix) + "." + key] = text;
}

const std::string* Catalog::find(std::string_view key) const {
    const auto found = entries_.find(key);
    return found == entries_.end() ? nullptr : &found->second;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while ((at = text.find("{{", at)) != std::string_view::npos) {
        const std::size_t end = text.find("}}", at + 2);
        if (end == std::string_view::npos) break;
        names.emplace_back(text.substr(at + 2, end - at - 2));
        at = end + 2;
    }
    return names;
}

std::string interpolate(std::string_view text, std::initializer_list<Arg> args) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find("{{", at);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(text.substr(at, open - at));
        const std::string_view name = text.substr(open + 2, close - open - 2);
        const Arg* value = nullptr;
        for (const Arg& arg : args)
            if (arg.name == name) value = &arg;
        if (value)
            out += value->value;
        else
            out.append(text.substr(open, close + 2 - open));
        at = close + 2;
    }
    out.append(text.substr(at));
    return out;
}

std::string_view without_plural_suffix(std::string_view key) {
    for (const char* suffix : kPluralSuffixes)
        if (key.ends_with(suffix))
            return key.substr(0, key.size() - std::string_view(suffix).size());
    return key;
}

} // namespace orchard::i18n

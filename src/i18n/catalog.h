// One language's translations, read from i18next-style JSON: nested objects whose names join
// with "." into keys ("leaderboard": {"title": …} is "leaderboard.title"), `{{name}}` for values
// put in, and `_one`/`_other` (CLDR's categories) after a key for its plural forms. Plain C++ for
// the browser client and the server (its e-mails) alike.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::i18n {

class Catalog {
  public:
    // A catalog from one JSON object; nullopt with `error` set when the text is not such an
    // object or a value is neither text nor an object of the same kind.
    static std::optional<Catalog> parse(std::string_view json, std::string* error = nullptr);
    // The catalog in the file at `path` (a merged public/locales/<tag>.json).
    static std::optional<Catalog> read_file(const std::string& path, std::string* error = nullptr);

    // Adds the entries of `other` under `prefix.` ("" for none), replacing any of the same key.
    void merge(const Catalog& other, std::string_view prefix = {});
    void set(std::string key, std::string text) { entries_[std::move(key)] = std::move(text); }

    const std::string* find(std::string_view key) const;
    const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

  private:
    std::map<std::string, std::string, std::less<>> entries_;
};

// The `{{name}}` placeholders of a text, in order of appearance.
std::vector<std::string> placeholders(std::string_view text);

struct Arg {
    std::string_view name;
    std::string value;
};

// `text` with each `{{name}}` replaced by its value; a placeholder without a value stays as it
// is, so a missing value shows instead of vanishing.
std::string interpolate(std::string_view text, std::initializer_list<Arg> args);

// The plural suffixes i18next reads after a key, CLDR's cardinal categories.
inline constexpr const char* kPluralSuffixes[] = {"_zero", "_one",  "_two",
                                                  "_few",  "_many", "_other"};

// `key` without a plural suffix: "points_one" is "points".
std::string_view without_plural_suffix(std::string_view key);

} // namespace orchard::i18n

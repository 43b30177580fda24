// The translation catalogs against the code: every key the code names exists in English, every
// English key is named somewhere, every language has every key with the same placeholders, and
// every API error code has a sentence. Plus the library's rules (plural categories, choosing a
// language, pseudo-locales).
#include "client/client_error.h"
#include "i18n/catalog.h"
#include "i18n/languages.h"
#include "i18n/plural_rules.h"
#include "i18n/pseudo_locale.h"
#include "i18n/translator.h"
#include "protocol/errors.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using orchard::i18n::Catalog;

namespace {

// Namespaces whose keys are not named in the code: translated guideline documents.
const std::set<std::string> kDocumentNamespaces = {"guidelines_text"};

Catalog built_catalog(const std::string& tag) {
    std::string error;
    auto catalog =
        Catalog::read_file(std::string(ORCHARD_PUBLIC_DIR) + "/locales/" + tag + ".json", &error);
    INFO(tag << ": " << error);
    REQUIRE(catalog);
    return *catalog;
}

std::string namespace_of(const std::string& key) {
    return key.substr(0, key.find('.'));
}

// The catalog's keys without plural suffixes, documents left out.
std::set<std::string> base_keys(const Catalog& catalog) {
    std::set<std::string> keys;
    for (const auto& [key, text] : catalog.entries())
        if (!kDocumentNamespaces.contains(namespace_of(key)))
            keys.emplace(orchard::i18n::without_plural_suffix(key));
    return keys;
}

std::set<std::string> namespaces_of(const Catalog& catalog) {
    std::set<std::string> names;
    for (const auto& [key, text] : catalog.entries())
        names.insert(namespace_of(key));
    return names;
}

// Every string literal of the C++ sources (and the public widgets' script) that looks like a key
// of one of `namespaces`, with where it was found.
std::map<std::string, std::string> key_literals(const std::set<std::string>& namespaces) {
    static const std::regex kLiteral(R"re("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")re");
    std::map<std::string, std::string> found;
    for (const char* folder : {"src", "server", "web"}) {
        for (const auto& entry :
             fs::recursive_directory_iterator(fs::path(ORCHARD_SOURCE_DIR) / folder)) {
            const auto extension = entry.path().extension();
            if (extension != ".cpp" && extension != ".h" && extension != ".js") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string source = text.str();
            for (std::sregex_iterator it(source.begin(), source.end(), kLiteral), end; it != end;
                 ++it) {
                const std::string literal = (*it)[1];
                // File names ("terms.md") are not keys.
                const std::string last = literal.substr(literal.rfind('.') + 1);
                if (last == "md" || last == "json" || last == "js" || last == "html") continue;
                if (namespaces.contains(namespace_of(literal)))
                    found.emplace(literal, entry.path().lexically_relative(ORCHARD_SOURCE_DIR));
            }
        }
    }
    return found;
}

std::vector<std::string> shipped_tags() {
    std::vector<std::string> tags;
    for (const auto& language : orchard::i18n::interface_languages())
        if (!language.pseudo) tags.emplace_back(language.tag);
    return tags;
}

std::multiset<std::string> placeholder_set(const std::string& text) {
    const auto names = orchard::i18n::placeholders(text);
    return {names.begin(), names.end()};
}

} // namespace

TEST_CASE("i18n: every key the code names is in the English catalog, and every English key is "
          "named") {
    const Catalog english = built_catalog("en");
    const auto keys = base_keys(english);
    const auto literals = key_literals(namespaces_of(english));
    for (const auto& [literal, file] : literals) {
        INFO(file << " names \"" << literal << "\"");
        CHECK(keys.contains(literal));
    }
    for (const auto& key : keys) {
        INFO("\"" << key << "\" is in locales/en but no code names it");
        CHECK(literals.contains(key));
    }
}

TEST_CASE("i18n: every shipped language has every English key with the same placeholders") {
    const Catalog english = built_catalog("en");
    for (const std::string& tag : shipped_tags()) {
        if (tag == "en") continue;
        const Catalog own = built_catalog(tag);
        const auto english_keys = base_keys(english);
        const auto own_keys = base_keys(own);
        for (const auto& key : english_keys) {
            INFO(tag << " lacks \"" << key << "\"");
            CHECK(own_keys.contains(key));
        }
        for (const auto& key : own_keys) {
            INFO(tag << " has \"" << key << "\", which English does not");
            CHECK(english_keys.contains(key));
        }
        for (const auto& [key, text] : own.entries()) {
            if (kDocumentNamespaces.contains(namespace_of(key))) continue;
            const std::string base(orchard::i18n::without_plural_suffix(key));
            const bool plural = base != key;
            const std::string* source = english.find(plural ? base + "_other" : key);
            if (!source) continue; // reported above
            auto wanted = placeholder_set(*source);
            auto have = placeholder_set(text);
            INFO(tag << " \"" << key << "\": " << text << " | English: " << *source);
            if (plural) {
                // A plural form may leave the number out ("one point" in words).
                wanted.erase("count");
                have.erase("count");
            }
            CHECK(have == wanted);
        }
        // Translated guidelines stand for English ones, never for documents English lacks.
        for (const auto& [key, text] : own.entries()) {
            if (namespace_of(key) != "guidelines_text") continue;
            const std::string file = key.substr(key.find('.') + 1) + ".md";
            INFO(tag << " translates " << file);
            CHECK(fs::exists(fs::path(ORCHARD_SOURCE_DIR) / "assets/guidelines" / file));
        }
    }
}

TEST_CASE("i18n: every shipped language has a catalog folder, and every folder is shipped") {
    std::set<std::string> folders;
    for (const auto& entry : fs::directory_iterator(fs::path(ORCHARD_SOURCE_DIR) / "locales"))
        if (entry.is_directory()) folders.insert(entry.path().filename());
    const auto tags = shipped_tags();
    CHECK(folders == std::set<std::string>(tags.begin(), tags.end()));
    CHECK(tags.size() >= 7); // English and six translations
}

TEST_CASE("i18n: every API error code has a sentence in every language") {
    for (const std::string& tag : shipped_tags()) {
        const Catalog catalog = built_catalog(tag);
        for (const auto code : orchard::protocol::kAllErrorCodes) {
            const char* key = orchard::client::sentence_key(code);
            INFO(tag << ": error " << static_cast<int>(code) << " (" << key << ")");
            REQUIRE(catalog.find(key));
            CHECK(!catalog.find(key)->empty());
        }
    }
    // Two codes never share a sentence.
    std::set<std::string> keys;
    for (const auto code : orchard::protocol::kAllErrorCodes)
        keys.insert(orchard::client::sentence_key(code));
    CHECK(keys.size() == std::size(orchard::protocol::kAllErrorCodes));
}

TEST_CASE("i18n: the client words an error from its code in the person's language") {
    using orchard::client::ClientError;
    ClientError expired{ClientError::Kind::Api, 404,
                        orchard::protocol::ApiError{2101, "Task expired (server words)"}};
    const std::string english = orchard::client::describe(expired);
    CHECK(english.find("This task has expired") == 0);
    const auto previous = orchard::i18n::active();
    orchard::i18n::set_active(
        orchard::i18n::Translator("de", built_catalog("en"), built_catalog("de")));
    const std::string german = orchard::client::describe(expired);
    orchard::i18n::set_active(previous);
    CHECK(german != english);
    CHECK(german == *built_catalog("de").find("errors.task_expired"));
    // The generic code keeps the server's specifics, inside the language's sentence.
    ClientError generic{ClientError::Kind::Api, 400,
                        orchard::protocol::ApiError{0, "display_name is too long"}};
    CHECK(orchard::client::describe(generic) == "display_name is too long");
}

TEST_CASE("i18n: plural categories follow CLDR") {
    using orchard::i18n::plural_category;
    CHECK(plural_category("en", 1) == "one");
    CHECK(plural_category("en", 0) == "other");
    CHECK(plural_category("en", 1.5) == "other");
    CHECK(plural_category("de-AT", 1) == "one");
    CHECK(plural_category("fr", 0) == "one");
    CHECK(plural_category("fr", 2) == "other");
    CHECK(plural_category("ru", 1) == "one");
    CHECK(plural_category("ru", 21) == "one");
    CHECK(plural_category("ru", 11) == "many");
    CHECK(plural_category("ru", 3) == "few");
    CHECK(plural_category("ru", 13) == "many");
    CHECK(plural_category("ru", 25) == "many");
    CHECK(plural_category("zh", 1) == "other");
    CHECK(plural_category("ar", 0) == "zero");
    CHECK(plural_category("ar", 2) == "two");
    CHECK(plural_category("ar", 5) == "few");
    CHECK(plural_category("ar", 11) == "many");
    CHECK(plural_category("ar", 100) == "other");
}

TEST_CASE("i18n: a translator picks plural forms, puts values in and falls back to English") {
    auto english = Catalog::parse(R"({"a": {"points_one": "{{count}} point",
                                            "points_other": "{{count}} points",
                                            "hello": "Hello, {{name}}!", "only_en": "English"}})");
    auto russian = Catalog::parse(R"({"a": {"points_one": "{{count}} очко",
                                            "points_few": "{{count}} очка",
                                            "points_many": "{{count}} очков",
                                            "points_other": "{{count}} очка",
                                            "hello": "Привет, {{name}}!"}})");
    REQUIRE(english);
    REQUIRE(russian);
    const orchard::i18n::Translator en("en", *english);
    CHECK(en.count("a.points", 1) == "1 point");
    CHECK(en.count("a.points", 2) == "2 points");
    CHECK(en.text("a.hello", {{"name", "Ada"}}) == "Hello, Ada!");
    const orchard::i18n::Translator ru("ru", *english, *russian);
    CHECK(ru.count("a.points", 1) == "1 очко");
    CHECK(ru.count("a.points", 3) == "3 очка");
    CHECK(ru.count("a.points", 5) == "5 очков");
    CHECK(ru.count("a.points", 21) == "21 очко");
    CHECK(std::string(ru.text("a.only_en")) == "English");
    CHECK(std::string(ru.text("a.missing")) == "a.missing");
    // A value without a placeholder is ignored; a placeholder without a value stays.
    CHECK(orchard::i18n::interpolate("{{a}} and {{b}}", {{"a", "1"}, {"c", "3"}}) == "1 and {{b}}");
}

TEST_CASE("i18n: the language comes from the first preference Orchard ships") {
    using orchard::i18n::negotiate;
    CHECK(negotiate({"de-AT", "en"}) == "de");
    CHECK(negotiate({"pt-BR", "es-MX"}) == "es");
    CHECK(negotiate({"pt-BR"}) == "en");
    CHECK(negotiate({}) == "en");
    CHECK(negotiate({"zh-Hans-CN"}) == "zh");
    CHECK(negotiate({"en-xa"}) == "en-XA");
    CHECK(negotiate({"ar-XB"}) == "ar-XB");
    CHECK(negotiate({"en-US"}) == "en");
}

TEST_CASE("i18n: pseudo-locales are made from English and keep placeholders") {
    using orchard::i18n::pseudo_text;
    const std::string stretched = pseudo_text("en-XA", "Find a task for {{name}}");
    CHECK(stretched.starts_with("["));
    CHECK(stretched.ends_with("]"));
    CHECK(stretched.find("{{name}}") != std::string::npos);
    CHECK(stretched.find("Find") == std::string::npos); // every letter it can is accented
    CHECK(stretched.size() > std::string("Find a task for {{name}}").size() * 14 / 10);
    const std::string mirrored = pseudo_text("ar-XB", "Next");
    CHECK(mirrored == "\u202ENext\u202C");
    const Catalog english = built_catalog("en");
    const Catalog pseudo = orchard::i18n::pseudo_catalog("en-XA", english);
    CHECK(pseudo.entries().size() == english.entries().size());
    const auto* ar = orchard::i18n::find_interface_language("ar-XB");
    REQUIRE(ar);
    CHECK(ar->right_to_left);
}

TEST_CASE("i18n: dates read as a person writes them, in the language's way when it has one") {
    orchard::i18n::Translator english;
    CHECK(english.date("2024-05-01T10:00:00Z") == "1 May 2024");
    CHECK(english.date("2024-12-31") == "31 Dec 2024");
    CHECK(english.date("yesterday") == "yesterday");
    CHECK(english.date("") == "");
    CHECK(english.date("2024-13-01") == "2024-13-01");
    CHECK(english.number(8000) == "8,000");
    CHECK(english.number(-1234567) == "-1,234,567");
    CHECK(english.number(999) == "999");
    CHECK(english.number(2.5) == "2.5");
    orchard::i18n::Translator german("de", Catalog{});
    german.set_date_format([](int year, int month, int day) {
        return std::to_string(day) + "." + std::to_string(month) + "." + std::to_string(year);
    });
    CHECK(german.date("2024-05-01T10:00:00Z") == "1.5.2024");
}

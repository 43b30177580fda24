// Words for the interface in one language: a key's text from that language's catalog, else from
// English, else the key itself (which tests catch: tests/unit/i18n_catalogs_test.cpp), with
// values put in and plural forms chosen. The client holds one active translator (set when the
// person's language is known); the server makes one per e-mail.
#pragma once

#include "i18n/catalog.h"

#include <functional>
#include <string>
#include <string_view>

namespace orchard::i18n {

class Translator {
  public:
    using PluralRule = std::function<std::string_view(double)>;
    using NumberFormat = std::function<std::string(double)>;
    using DateFormat = std::function<std::string(int year, int month, int day)>;

    Translator(); // English without a catalog: every text is its key
    Translator(std::string language, Catalog english, Catalog own = {});

    const std::string& language() const { return language_; }
    bool right_to_left() const { return right_to_left_; }

    // The browser's rules replace the built-in ones (i18n/plural_rules.h) in the client.
    void set_plural_rule(PluralRule rule) { plural_ = std::move(rule); }
    void set_number_format(NumberFormat format) { number_ = std::move(format); }
    void set_date_format(DateFormat format) { date_ = std::move(format); }

    // The text of `key`; the pointer lives as long as this translator.
    const char* text(std::string_view key) const;
    std::string text(std::string_view key, std::initializer_list<Arg> args) const;
    // The plural form of `key` for `count` (key_one, key_few, …, then key_other), with
    // {{count}} as the number written in the language's way, and `args` put in.
    std::string count(std::string_view key, double count,
                      std::initializer_list<Arg> args = {}) const;

    std::string number(double value) const;
    // "2024-05-01T12:30:00Z" as a short date in the language ("1 May 2024", "1. Mai 2024");
    // the text itself when it does not start with such a date.
    std::string date(std::string_view iso) const;
    bool has(std::string_view key) const;

  private:
    const std::string* find(std::string_view key) const;

    std::string language_ = "en";
    bool right_to_left_ = false;
    Catalog english_;
    Catalog own_;
    PluralRule plural_;
    NumberFormat number_;
    DateFormat date_;
};

// The client's translator: what tr() reads. Set once the language's catalog is in.
const Translator& active();
void set_active(Translator translator);

// Shorthands for the active translator, for the interface's code.
inline const char* tr(std::string_view key) {
    return active().text(key);
}
inline std::string tr(std::string_view key, std::initializer_list<Arg> args) {
    return active().text(key, args);
}
inline std::string tr_count(std::string_view key, double count,
                            std::initializer_list<Arg> args = {}) {
    return active().count(key, count, args);
}

} // namespace orchard::i18n

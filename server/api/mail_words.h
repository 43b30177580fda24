// The words of Orchard's e-mails in the reader's language: the interface's catalogs
// (AuthOptions::catalogs) read by the same library as the client's (i18n/translator.h).
#pragma once

#include "i18n/catalog.h"
#include "i18n/translator.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orchard::api {

using Catalogs = std::map<std::string, i18n::Catalog, std::less<>>;

// Every public/locales/<tag>.json of `public_dir` by tag; a file that cannot be read is reported
// on stderr and left out (English words then stand in for it).
Catalogs read_catalogs(const std::filesystem::path& public_dir);

// A translator for an e-mail: the language the client named, else the best of an
// Accept-Language header, else English.
i18n::Translator mail_translator(const Catalogs& catalogs, std::string_view language,
                                 const std::optional<std::string>& accept_language);

} // namespace orchard::api

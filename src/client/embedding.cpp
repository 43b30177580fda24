#include "client/embedding.h"

#include "client/app.h"

namespace orchard::client {

namespace {

// The value of `name` in an already split query; percent-encoding is not expected in these
// values (they are words and language codes), so an encoded one simply matches nothing.
std::optional<std::string_view> query_value(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const auto end = query.find('&');
        const std::string_view pair = query.substr(0, end);
        const auto equals = pair.find('=');
        if (pair.substr(0, equals) == name)
            return equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        if (end == std::string_view::npos) break;
        query.remove_prefix(end + 1);
    }
    return std::nullopt;
}

} // namespace

EmbedOptions parse_embed_options(std::string_view query, bool framed) {
    if (query.starts_with('?')) query.remove_prefix(1);
    EmbedOptions options;
    const auto embed = query_value(query, "embed");
    options.embedded = framed && embed && (*embed == "1" || *embed == "true");
    if (!options.embedded) return options;
    if (const auto theme = query_value(query, "theme")) {
        if (*theme == "light") options.theme = Theme::Light;
        if (*theme == "dark") options.theme = Theme::Dark;
    }
    if (const auto lang = query_value(query, "data_lang")) {
        for (const auto& choice : data_languages())
            if (*lang == choice.code) options.data_language = choice.code;
    }
    return options;
}

} // namespace orchard::client

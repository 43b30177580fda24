// Orchard inside another site's page (docs/embedding.md): what web/embed.js asks of the page it
// frames, read from the frame's query ("?embed=1&theme=dark&data_lang=de"), and the events the
// app tells that page. Plain C++: the platform layer reads the query and posts the events.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace orchard::client {

enum class Theme;

struct EmbedOptions {
    bool embedded = false; // in a frame placed by embed.js: no top bar of Orchard's own
    std::optional<Theme> theme;
    std::string data_language; // the language tasks are asked in; empty: the usual choice
};

// Reads `embed`, `theme` and `data_lang` from a query string (with or without its "?"); a value
// it does not know is ignored, so that a host's typo leaves the usual choice. `framed`: the page
// really is inside another's frame (a top-level page with ?embed=1 stays a normal page).
EmbedOptions parse_embed_options(std::string_view query, bool framed);

// One event for the host page: "ready", "signed_in", "signed_out", "task_done" or "error", with
// what it says (no session, no ids: the host only learns what its visitor sees).
struct HostEvent {
    std::string type;
    nlohmann::json detail = nlohmann::json::object();
};

} // namespace orchard::client

// The page around an embedded Orchard (docs/embedding.md): what web/embed.js asked for, and the
// events and height posted back to it with window.postMessage, only ever to the origin of the
// page that frames this one (the server's frame-ancestors policy decides which may).
#pragma once

#include "client/embedding.h"

#include <functional>

namespace orchard::platform {

// The frame's query and whether the page is framed at all (client::parse_embed_options).
client::EmbedOptions embed_options();

// Posts {orchard: 1, type, detail} to the framing page; nothing when the page is not framed or
// the framing page's origin cannot be known.
void tell_host(const client::HostEvent& event);

// Posts {orchard: 1, type: "resize", height} when the content's height (CSS pixels) changed
// since the last one posted, so that embed.js can make the frame as tall as what it shows.
void report_content_height(float height);

// Runs `then` once the page's storage can be read: at once, unless the page is embedded and the
// browser denies this third-party frame its storage (third-party cookies blocked, no storage
// partitioning). Then the host page keeps the frame's storage (embed.js, in its own
// localStorage), and `then` runs when its copy arrived, or after 2 s without it; from then on
// platform::LocalStorage reads that copy and sends each change to the host.
void when_storage_ready(bool embedded, std::function<void()> then);

} // namespace orchard::platform

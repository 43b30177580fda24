#include "platform/embed_host.h"
#include "platform/js_string.h"

#include <cmath>
#include <cstdlib>
#include <emscripten/emscripten.h>
#include <string>
#include <utility>

namespace orchard::platform {

namespace {

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(int, js_is_framed, (), {
    try { return window.parent !== window ? 1 : 0; } catch (e) { return 1; }
});

EM_JS(char*, js_page_query, (), {
    const query = location.search || "";
    const bytes = lengthBytesUTF8(query) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(query, pointer, bytes);
    return pointer;
});

// The origin of the page that frames this one: the browser's own record of it where it keeps
// one (Chromium, Safari), else the referrer's, which is that page when embed.js made the frame.
// Never "*": what Orchard says goes to that page alone. Module.orchardTellHost is also what
// platform/local_storage.cpp sends the host's copy of the storage through.
EM_JS(void, js_install_host_channel, (), {
    if (Module.orchardTellHost) return;
    let origin = "";
    try {
        if (window.parent !== window) {
            if (location.ancestorOrigins && location.ancestorOrigins.length > 0)
                origin = location.ancestorOrigins[0];
            else if (document.referrer)
                origin = new URL(document.referrer).origin;
        }
    } catch (e) { origin = ""; }
    if (origin === "null") origin = "";
    Module.orchardHostOrigin = origin;
    Module.orchardTellHost = (message) => {
        if (!origin) return;
        message.orchard = 1;
        window.parent.postMessage(message, origin);
    };
});

EM_JS(void, js_post_to_host, (const char* json_pointer), {
    Module.orchardTellHost(JSON.parse(UTF8ToString(json_pointer)));
});

EM_JS(int, js_own_storage_denied, (), {
    try { window.localStorage.getItem("orchard.probe"); return 0; } catch (e) { return 1; }
});

// Asks the host for its copy of this frame's storage; calls orchard_host_storage_ready when it
// came (only from the framing page, at its origin) or after `wait_ms`.
EM_JS(void, js_ask_host_for_storage, (int wait_ms), {
    Module.orchardHostStore = new Map();
    let done = false;
    const finish = () => {
        if (done) return;
        done = true;
        Module._orchard_host_storage_ready();
    };
    window.addEventListener("message", (event) => {
        const message = event.data;
        if (done || event.source !== window.parent || event.origin !== Module.orchardHostOrigin ||
            !message || message.orchard !== 1 || message.type !== "storage") return;
        const items = message.items && typeof message.items === "object" ? message.items : {};
        for (const key of Object.keys(items))
            if (typeof items[key] === "string") Module.orchardHostStore.set(key, items[key]);
        finish();
    });
    Module.orchardTellHost({ type: "storage_request" });
    setTimeout(finish, wait_ms);
});
// clang-format on

float g_posted_height = -1;
std::function<void()> g_storage_ready;

} // namespace

client::EmbedOptions embed_options() {
    return client::parse_embed_options(take_js_string(js_page_query()), js_is_framed() != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_host_storage_ready() {
    if (auto then = std::exchange(g_storage_ready, nullptr)) then();
}

void when_storage_ready(bool embedded, std::function<void()> then) {
    js_install_host_channel();
    if (!embedded || !js_own_storage_denied()) {
        then();
        return;
    }
    constexpr int kWaitMs = 2000;
    g_storage_ready = std::move(then);
    js_ask_host_for_storage(kWaitMs);
}

void tell_host(const client::HostEvent& event) {
    const nlohmann::json message = {{"type", event.type}, {"detail", event.detail}};
    js_post_to_host(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void report_content_height(float height) {
    const float rounded = std::ceil(height);
    if (std::abs(rounded - g_posted_height) < 1) return;
    g_posted_height = rounded;
    const nlohmann::json message = {{"type", "resize"}, {"height", rounded}};
    js_post_to_host(message.dump().c_str());
}

} // namespace orchard::platform

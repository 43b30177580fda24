#include "platform/history.h"
#include "platform/js_string.h"

#include "platform/frame_scheduler.h"

#include <cstdlib>
#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

std::function<void(const std::string&)> g_on_change;
std::string g_shown; // the address last recorded or followed

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(char*, js_current_route, (), {
    const hash = window.location.hash;
    const path = hash.startsWith("#/") ? decodeURI(hash.substring(1)) : "";
    const bytes = lengthBytesUTF8(path) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(path, pointer, bytes);
    return pointer;
});

EM_JS(void, js_record_route, (const char* path, int replace), {
    const url = window.location.pathname + window.location.search + "#" + encodeURI(UTF8ToString(path));
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
});

EM_JS(void, js_listen_to_history, (), {
    window.addEventListener("popstate", () => Module._orchard_history_moved());
});
// clang-format on

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_history_moved() {
    g_shown = current_route();
    if (g_on_change) g_on_change(g_shown);
    request_frame();
}

void install_history(std::function<void(const std::string& path)> on_change) {
    g_on_change = std::move(on_change);
    js_listen_to_history();
}

std::string current_route() {
    return take_js_string(js_current_route());
}

void show_route(const std::string& path) {
    if (path.empty() || path == g_shown) return;
    const bool first = g_shown.empty();
    g_shown = path;
    js_record_route(path.c_str(), first ? 1 : 0);
}

} // namespace orchard::platform

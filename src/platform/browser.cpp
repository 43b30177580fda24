#include "platform/browser.h"
#include "platform/js_string.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace orchard::platform {

namespace {

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(int, js_prefers_dark, (), {
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
});
// clang-format on

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(char*, js_page_origin, (), {
    const path = window.location.pathname;
    const origin = window.location.origin + path.substring(0, path.lastIndexOf("/"));
    const bytes = lengthBytesUTF8(origin) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(origin, pointer, bytes);
    return pointer;
});
// clang-format on

// clang-format off
EM_JS(char*, js_url_fragment, (), {
    const fragment = window.location.hash.substring(1);
    const bytes = lengthBytesUTF8(fragment) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(fragment, pointer, bytes);
    return pointer;
});
// clang-format on

// clang-format off
EM_JS(char*, js_url_parameter, (const char* name), {
    const value = new URLSearchParams(location.search).get(UTF8ToString(name)) || "";
    const bytes = lengthBytesUTF8(value) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(value, pointer, bytes);
    return pointer;
});
// clang-format on

// clang-format off
EM_JS(char*, js_browser_language, (), {
    const tag = navigator.language || "en";
    const bytes = lengthBytesUTF8(tag) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(tag, pointer, bytes);
    return pointer;
});

EM_JS(double, js_random_32, (), {
    return crypto.getRandomValues(new Uint32Array(1))[0];
});
// clang-format on

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_hide_loading_screen, (), {
    window.orchardFirstFrameMs = performance.now(); // read by tests/bench
    const loading = document.getElementById("loading");
    if (loading) loading.remove();
});
// clang-format on

std::function<void()> g_wake;
long g_timer = 0;
double g_timer_at = 0;

void on_timer(void*) {
    g_timer = 0;
    auto wake = std::move(g_wake);
    if (wake) wake();
}

} // namespace

double now_seconds() {
    return emscripten_get_now() / 1000.0;
}

bool prefers_dark_theme() {
    return js_prefers_dark() != 0;
}

std::string page_origin() {
    return take_js_string(js_page_origin());
}

std::string url_fragment() {
    return take_js_string(js_url_fragment());
}

std::string url_parameter(const char* name) {
    return take_js_string(js_url_parameter(name));
}

std::string browser_language() {
    return take_js_string(js_browser_language());
}

unsigned long long random_seed() {
    const auto high = static_cast<unsigned long long>(js_random_32());
    const auto low = static_cast<unsigned long long>(js_random_32());
    return (high << 32) | low;
}

void hide_loading_screen() {
    js_hide_loading_screen();
}

void wake_up_at(double at_seconds, std::function<void()> wake) {
    if (g_timer != 0 && g_timer_at == at_seconds) return; // already set for that moment
    if (g_timer != 0) emscripten_clear_timeout(g_timer);
    g_wake = std::move(wake);
    g_timer_at = at_seconds;
    const double delay_ms = (at_seconds - now_seconds()) * 1000.0;
    g_timer = emscripten_set_timeout(on_timer, delay_ms > 0 ? delay_ms : 0, nullptr);
}

void cancel_wake_up() {
    if (g_timer != 0) emscripten_clear_timeout(g_timer);
    g_timer = 0;
    g_wake = nullptr;
}

} // namespace orchard::platform

#include "platform/open_url.h"

#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

// The scheme is checked again here, where the URL meets the browser, whatever the caller
// checked: a javascript: URL must never reach window.open.
// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_open_url, (const char* url_pointer), {
    const url = UTF8ToString(url_pointer);
    const lower = url.toLowerCase();
    if (!lower.startsWith("http://") && !lower.startsWith("https://") &&
        !lower.startsWith("mailto:")) return;
    window.open(url, "_blank", "noopener");
});

EM_JS(void, js_set_no_links, (int none), {
    Module["orchardNoLinks"] = none !== 0;
});
// clang-format on

bool g_links_allowed = true;

} // namespace

void open_url(const std::string& url) {
    if (g_links_allowed) js_open_url(url.c_str());
}

void allow_leaving_links(bool allowed) {
    if (allowed == g_links_allowed) return;
    g_links_allowed = allowed;
    js_set_no_links(allowed ? 0 : 1);
}

} // namespace orchard::platform

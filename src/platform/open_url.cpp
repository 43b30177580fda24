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
// clang-format on

} // namespace

void open_url(const std::string& url) {
    js_open_url(url.c_str());
}

} // namespace orchard::platform

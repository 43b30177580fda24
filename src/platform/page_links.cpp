#include "platform/page_links.h"
#include "platform/js_string.h"

#include <cstdlib>
#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(char*, js_take_link_value, (const char* name, int in_fragment), {
    const key = UTF8ToString(name);
    const url = new URL(window.location.href);
    let value = null;
    if (in_fragment) {
        const params = new URLSearchParams(url.hash.substring(1));
        value = params.get(key);
        if (value !== null) {
            params.delete(key);
            const rest = params.toString();
            url.hash = rest ? "#" + rest : "";
        }
    } else {
        value = url.searchParams.get(key);
        if (value !== null) url.searchParams.delete(key);
    }
    if (value === null) return 0;
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    const bytes = lengthBytesUTF8(value) + 1;
    const pointer = _malloc(bytes);
    stringToUTF8(value, pointer, bytes);
    return pointer;
});

EM_JS(void, js_navigate_to, (const char* path), {
    window.location.assign(UTF8ToString(path));
});
// clang-format on

std::string take(const char* name, bool in_fragment) {
    return take_js_string(js_take_link_value(name, in_fragment ? 1 : 0));
}

} // namespace

client::StartupLinks take_startup_links() {
    client::StartupLinks links;
    links.email_token = take("email_token", false);
    links.oauth_token = take("oauth_token", true);
    links.oauth_error = take("oauth_error", true);
    return links;
}

void navigate_to(const std::string& path) {
    js_navigate_to(path.c_str());
}

} // namespace orchard::platform

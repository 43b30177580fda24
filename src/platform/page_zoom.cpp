#include "platform/page_zoom.h"

#include <emscripten/emscripten.h>

namespace orchard::platform {

namespace {

double g_zoom = 1;

// clang-format off
EM_JS(void, js_set_page_zoom, (double zoom), {
    document.documentElement.style.setProperty("--orchard-zoom", String(zoom));
});
// clang-format on

} // namespace

void set_page_zoom(double zoom) {
    if (zoom == g_zoom) return;
    g_zoom = zoom;
    js_set_page_zoom(zoom);
}

double page_zoom() {
    return g_zoom;
}

} // namespace orchard::platform

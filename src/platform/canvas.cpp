#include "platform/canvas.h"

#include "platform/frame_scheduler.h"

#include <cmath>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace orchard::platform {

namespace {

constexpr const char* kCanvas = "#canvas";

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_frame();
    return EM_FALSE;
}

// The canvas's size in device pixels changes with resizes and with the pixel ratio (zoom, another
// monitor): a ResizeObserver on the device-pixel box sees both. Where that box is not supported
// (Safari), a media query that matches only the current ratio reports when the ratio changes.
// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, watch_device_pixel_ratio, (), {
    const observer = new ResizeObserver(function() { Module._orchard_request_frame(); });
    try {
        observer.observe(Module["canvas"], {box: "device-pixel-content-box"});
    } catch (e) {
        observer.observe(Module["canvas"]);
    }
    function watch() {
        const query = matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        query.addEventListener("change", function() {
            Module._orchard_request_frame();
            watch();
        }, {once: true});
    }
    watch();
});
// clang-format on

} // namespace

CanvasMetrics sync_canvas() {
    CanvasMetrics metrics;
    emscripten_get_element_css_size(kCanvas, &metrics.css_width, &metrics.css_height);
    metrics.dpr = emscripten_get_device_pixel_ratio();
    if (metrics.dpr <= 0) metrics.dpr = 1;
    metrics.framebuffer_width = static_cast<int>(std::lround(metrics.css_width * metrics.dpr));
    metrics.framebuffer_height = static_cast<int>(std::lround(metrics.css_height * metrics.dpr));
    int width = 0, height = 0;
    emscripten_get_canvas_element_size(kCanvas, &width, &height);
    if (width != metrics.framebuffer_width || height != metrics.framebuffer_height)
        emscripten_set_canvas_element_size(kCanvas, metrics.framebuffer_width,
                                           metrics.framebuffer_height);
    return metrics;
}

void install_canvas_listeners() {
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    watch_device_pixel_ratio();
}

} // namespace orchard::platform

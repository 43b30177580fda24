#include "platform/frame_scheduler.h"

#include <algorithm>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

namespace orchard::platform {

namespace {

constexpr int kSettleFrames = 2;
// A trailing frame waits for this much quiet after the last key (longer than the gap between
// the keys of a brisk typist, 100 to 200 ms, so that a burst redraws the canvas rarely)...
constexpr double kQuietMs = 250;
// ...but never longer than this after the first key it is for: the counters keep up with a long
// burst once or twice a second. With software GL a frame at DPR 2 or 3 keeps the GPU busy for
// longer than the gap between two keys, delaying the next key's paint.
constexpr double kMaxDelayMs = 750;

std::function<void()> g_frame;
bool g_scheduled = false;
int g_settle_frames_left = 0;
unsigned long g_frames = 0;
double g_trailing_since = -1; // when the first edit not yet rendered came; -1: none
long g_trailing_timer = 0;

void drop_trailing_frame() {
    if (g_trailing_timer != 0) emscripten_clear_timeout(g_trailing_timer);
    g_trailing_timer = 0;
    g_trailing_since = -1;
}

void render() {
    drop_trailing_frame(); // the frame takes in every edit made so far
    if (g_frame) g_frame();
    ++g_frames;
}

EM_BOOL on_animation_frame(double, void*) {
    g_scheduled = false;
    render();
    if (g_settle_frames_left > 0) {
        --g_settle_frames_left;
        g_scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
    return EM_FALSE;
}

void schedule(int settle_frames) {
    g_settle_frames_left = std::max(g_settle_frames_left, settle_frames);
    if (g_scheduled) return;
    g_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_trailing_timer(void*) {
    g_trailing_timer = 0;
    schedule(0);
}

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, js_flush_when_leaving, (), {
    const flush = function() { if (Module["_orchard_flush_frame"]) Module["_orchard_flush_frame"](); };
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", flush);
    document.addEventListener("visibilitychange", function() { if (document.hidden) flush(); });
});
// clang-format on

} // namespace

void set_frame_function(std::function<void()> frame) {
    const bool first = !g_frame;
    g_frame = std::move(frame);
    if (first) js_flush_when_leaving();
}

void request_frame() {
    schedule(kSettleFrames);
}

void request_trailing_frame() {
    const double now = emscripten_get_now();
    if (g_trailing_since < 0) g_trailing_since = now;
    if (g_trailing_timer != 0) emscripten_clear_timeout(g_trailing_timer);
    const double delay = std::min(kQuietMs, g_trailing_since + kMaxDelayMs - now);
    g_trailing_timer = emscripten_set_timeout(on_trailing_timer, std::max(0.0, delay), nullptr);
}

void flush_frame() {
    if (g_trailing_since >= 0 || g_scheduled) render();
}

unsigned long frames_rendered() {
    return g_frames;
}

bool frame_pending() {
    return g_scheduled || g_trailing_timer != 0;
}

} // namespace orchard::platform

// For the page's own scripts (a device pixel ratio change, the page becoming visible).
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_request_frame() {
    orchard::platform::request_frame();
}

// For the text fields (platform/text_field_bridge.cpp): an edit that only the canvas's counters
// and the app's copy of the text follow.
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_request_trailing_frame() {
    orchard::platform::request_trailing_frame();
}

// A page being hidden or left: an edit still waiting for its trailing frame is taken in (and
// its draft saved) now, as the page may never run another animation frame.
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_flush_frame() {
    orchard::platform::flush_frame();
}

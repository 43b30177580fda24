#include "platform/frame_scheduler.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

namespace orchard::platform {

namespace {

constexpr int kSettleFrames = 2;

std::function<void()> g_frame;
bool g_scheduled = false;
int g_settle_frames_left = 0;
unsigned long g_frames = 0;

EM_BOOL on_animation_frame(double, void*) {
    g_scheduled = false;
    if (g_frame) g_frame();
    ++g_frames;
    if (g_settle_frames_left > 0) {
        --g_settle_frames_left;
        g_scheduled = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
    return EM_FALSE;
}

} // namespace

void set_frame_function(std::function<void()> frame) {
    g_frame = std::move(frame);
}

void request_frame() {
    g_settle_frames_left = kSettleFrames;
    if (g_scheduled) return;
    g_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

unsigned long frames_rendered() {
    return g_frames;
}

} // namespace orchard::platform

// For the page's own scripts (a device pixel ratio change, the page becoming visible).
extern "C" EMSCRIPTEN_KEEPALIVE void orchard_request_frame() {
    orchard::platform::request_frame();
}

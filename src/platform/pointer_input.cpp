#include "platform/pointer_input.h"

#include "platform/frame_scheduler.h"
#include "platform/page_zoom.h"
#include "platform/pinch_gesture.h"
#include "platform/pointer_queue.h"
#include "platform/touch_gesture.h"
#include "platform/window_scroll.h"

#include <cfloat>
#include <cmath>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

namespace orchard::platform {

namespace {

PointerQueue g_queue;
TouchGesture g_touch(g_queue);
PinchGesture g_pinch;
double g_pinch_base = 1; // the interface's scale when the pinch began
// The touch about to start landed on message text (page_text.js says so before handing it on):
// holding it selects a word, the browser's long press, not ours.
bool g_touch_over_text = false;
// The frame being drawn has the pointer where a finger just landed, unpressed: what the UI
// draws under it tells the gesture whether that finger drags a widget or scrolls.
bool g_touch_probe = false;
ImGuiID g_touch_window = 0; // the window a swipe scrolls, the one under the finger where it landed
float g_touch_scroll_carry = 0; // ImGui keeps whole-pixel offsets; fractions of a glide wait here
// Wheel events carry raw deltas; they are converted when the frame knows its font size.
double g_wheel_dx = 0, g_wheel_dy = 0;
int g_wheel_mode = 0;

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
    case 0:
        return 0; // left
    case 1:
        return 2; // middle
    case 2:
        return 1; // right
    default:
        return -1;
    }
}

void push(const PointerEvent& event) {
    g_queue.push(event);
    request_frame();
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* e, void*) {
    push(
        {PointerEvent::Kind::Move, static_cast<float>(e->clientX), static_cast<float>(e->clientY)});
    return EM_FALSE;
}

EM_BOOL on_mouse_down(int, const EmscriptenMouseEvent* e, void*) {
    push(
        {PointerEvent::Kind::Move, static_cast<float>(e->clientX), static_cast<float>(e->clientY)});
    push({PointerEvent::Kind::Down, 0, 0, imgui_button(e->button)});
    return EM_FALSE; // keep the browser's default so the page gets focus
}

EM_BOOL on_mouse_up(int, const EmscriptenMouseEvent* e, void*) {
    push({PointerEvent::Kind::Up, 0, 0, imgui_button(e->button)});
    return EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    push({PointerEvent::Kind::Leave});
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (e->mouse.ctrlKey) return EM_FALSE; // Ctrl+wheel stays the browser's zoom
    g_wheel_dx += e->deltaX;
    g_wheel_dy += e->deltaY;
    g_wheel_mode = static_cast<int>(e->deltaMode);
    g_touch.stop_momentum(); // the wheel takes over from a glide
    request_frame();
    return EM_TRUE;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    // When the finger moved, not when we heard of it: a page busy drawing is handed the moves in
    // bursts, whose arrival times would make up a flick's speed. The event's clock is
    // performance.now()'s; one far from it (an old browser's epoch time) is not trusted.
    const double now = emscripten_get_now() / 1000.0;
    const double t = std::abs(e->timestamp / 1000.0 - now) < 10 ? e->timestamp / 1000.0 : now;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& touch = e->touches[i];
        if (!touch.isChanged) continue;
        const float x = static_cast<float>(touch.targetX), y = static_cast<float>(touch.targetY);
        switch (type) {
        case EMSCRIPTEN_EVENT_TOUCHSTART:
            g_pinch.down(touch.identifier, x, y);
            g_touch.start(touch.identifier, x, y, t, !g_touch_over_text);
            break;
        case EMSCRIPTEN_EVENT_TOUCHMOVE:
            g_pinch.move(touch.identifier, x, y);
            g_touch.move(touch.identifier, x, y, t);
            break;
        case EMSCRIPTEN_EVENT_TOUCHEND:
            g_pinch.up(touch.identifier);
            g_touch.end(touch.identifier, t);
            break;
        default:
            g_pinch.up(touch.identifier);
            g_touch.cancel(touch.identifier);
            break;
        }
    }
    g_touch_over_text = false;
    // A second finger makes it a pinch: the first one neither taps, drags nor scrolls any more.
    if (g_pinch.take_started()) {
        for (int i = 0; i < e->numTouches; ++i)
            g_touch.cancel(e->touches[i].identifier);
        g_pinch_base = 0; // taken from the interface's scale in the next frame
    }
    request_frame();
    return EM_TRUE; // no emulated mouse events after a touch, and no browser scrolling or zoom
}

// JavaScript: kept away from clang-format, which would split operators like !==.
// clang-format off
EM_JS(void, set_canvas_cursor, (const char* cursor), {
    const canvas = Module["canvas"];
    const value = UTF8ToString(cursor);
    if (canvas.style.cursor !== value) canvas.style.cursor = value;
});
// clang-format on

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void orchard_touch_over_text() {
    g_touch_over_text = true;
}

void install_pointer_input() {
    const char* canvas = "#canvas";
    // Moves and releases are followed on the whole window so that a drag may leave the canvas.
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                      on_mouse_move);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse_up);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse_down);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
}

void apply_pointer_input(float font_size, float page_height) {
    ImGuiIO& io = ImGui::GetIO();
    const PointerState state = g_queue.next_frame();
    const float zoom = static_cast<float>(page_zoom()); // CSS pixels to the interface's
    io.MousePos =
        state.inside ? ImVec2(state.x / zoom, state.y / zoom) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (int i = 0; i < 3; ++i)
        io.MouseDown[i] = state.down[i];
    for (int i = 3; i < IM_ARRAYSIZE(io.MouseDown); ++i)
        io.MouseDown[i] = false;
    io.MouseWheel = state.wheel_y + wheel_units(g_wheel_dy, g_wheel_mode, font_size, page_height);
    io.MouseWheelH = state.wheel_x + wheel_units(g_wheel_dx, g_wheel_mode, font_size, page_height);
    g_wheel_dx = g_wheel_dy = 0;
    // Everything queued is applied, and a finger is waiting: the pointer is where it landed.
    g_touch_probe = g_queue.empty() && g_touch.awaiting_target();
}

void apply_touch_scroll(double now) {
    if (g_touch_probe) g_touch_window = window_under_pointer();
    g_touch.check_long_press(now);
    g_touch_scroll_carry += g_touch.take_scroll(now) / static_cast<float>(page_zoom());
    const float whole = std::trunc(g_touch_scroll_carry);
    if (whole == 0) return;
    g_touch_scroll_carry -= whole;
    if (!scroll_window_by(g_touch_window, whole)) {
        g_touch.stop_momentum(); // the content's end: nothing left to glide through
        g_touch_scroll_carry = 0;
    }
}

std::optional<double> pinch_scale(double current) {
    if (!g_pinch.pinching()) return std::nullopt;
    if (g_pinch_base == 0) g_pinch_base = current;
    return g_pinch_base * g_pinch.factor();
}

void end_pointer_frame(bool drag_target_hovered, bool menu_target_hovered) {
    if (g_touch_probe) g_touch.target_found(drag_target_hovered, menu_target_hovered);
    g_touch_probe = false;
}

bool pointer_wants_frames() {
    return !g_queue.empty() || g_touch.gliding() || g_touch.may_long_press();
}

void update_cursor_shape() {
    const char* css = "default";
    switch (ImGui::GetMouseCursor()) {
    case ImGuiMouseCursor_None:
        css = "none";
        break;
    case ImGuiMouseCursor_TextInput:
        css = "text";
        break;
    case ImGuiMouseCursor_ResizeAll:
        css = "move";
        break;
    case ImGuiMouseCursor_ResizeNS:
        css = "ns-resize";
        break;
    case ImGuiMouseCursor_ResizeEW:
        css = "ew-resize";
        break;
    case ImGuiMouseCursor_ResizeNESW:
        css = "nesw-resize";
        break;
    case ImGuiMouseCursor_ResizeNWSE:
        css = "nwse-resize";
        break;
    case ImGuiMouseCursor_Hand:
        css = "pointer";
        break;
    case ImGuiMouseCursor_NotAllowed:
        css = "not-allowed";
        break;
    default:
        break;
    }
    set_canvas_cursor(css);
}

} // namespace orchard::platform

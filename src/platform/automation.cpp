#include "platform/automation.h"

#include "platform/frame_scheduler.h"
#include "platform/page_zoom.h"
#include "ui/fonts.h"
#include "ui/text.h"
#include "ui/widget_registry.h"

#include <emscripten/emscripten.h>
#include <string>

namespace orchard::platform {

namespace {
std::function<nlohmann::json()> g_app_state;
}

void set_automation_state(std::function<nlohmann::json()> app_state) {
    g_app_state = std::move(app_state);
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* orchard_state_json() {
    static std::string text;
    nlohmann::json state = g_app_state ? g_app_state() : nlohmann::json::object();
    state["frames_rendered"] = frames_rendered();
    state["frame_pending"] = frame_pending();
    nlohmann::json widgets = nlohmann::json::object();
    // Rectangles in CSS pixels, where a test's mouse and fingers land.
    const float zoom = static_cast<float>(page_zoom());
    for (const auto& [id, rect] : ui::widgets().last_frame()) {
        nlohmann::json entry = {
            {"x", rect.x * zoom}, {"y", rect.y * zoom}, {"w", rect.w * zoom}, {"h", rect.h * zoom}};
        if (!rect.text.empty()) entry["text"] = rect.text;
        if (rect.text_w > 0) entry["tw"] = rect.text_w * zoom;
        widgets[id] = std::move(entry);
    }
    state["widgets"] = std::move(widgets);
    nlohmann::json numbers = nlohmann::json::object();
    for (const auto& [name, value] : ui::widgets().last_numbers())
        numbers[name] = value;
    state["values"] = std::move(numbers);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : ui::text::browser_lines_last_frame())
        lines.push_back({{"text", line.text},
                         {"font", line.font},
                         {"x", line.x * zoom},
                         {"y", line.y * zoom},
                         {"w", line.width * zoom},
                         {"h", line.height * zoom}});
    state["browser_text"] = std::move(lines);
    text = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE int orchard_atlas_covers(const char* text) {
    return ui::text::atlas_covers(ui::fonts().body, text) ? 1 : 0;
}

} // namespace orchard::platform

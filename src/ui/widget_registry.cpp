#include "ui/widget_registry.h"

#include <algorithm>
#include <imgui_internal.h>

namespace orchard::ui {

WidgetRegistry& widgets() {
    static WidgetRegistry registry;
    return registry;
}

void WidgetRegistry::track(const std::string& id, std::string text) {
    track_rect(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), std::move(text));
}

void WidgetRegistry::track_rect(const std::string& id, ImVec2 min, ImVec2 max, std::string text) {
    // Clip to the window's visible area: a widget scrolled out of view cannot be clicked.
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float x0 = std::max(min.x, clip.Min.x), y0 = std::max(min.y, clip.Min.y);
    const float x1 = std::min(max.x, clip.Max.x), y1 = std::min(max.y, clip.Max.y);
    if (x1 - x0 < 1 || y1 - y0 < 1) return;
    current_[id] = {x0, y0, x1 - x0, y1 - y0, std::move(text), disabled_depth_ > 0};
}

void WidgetRegistry::set_text_width(const std::string& id, float width) {
    if (auto found = current_.find(id); found != current_.end()) found->second.text_w = width;
}

void WidgetRegistry::landmark(PageLandmark::Kind kind, std::string text, int level) {
    if (text.empty()) return;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    current_landmarks_.push_back(
        {kind, level, std::move(text), min.x, min.y, max.x - min.x, max.y - min.y});
}

} // namespace orchard::ui

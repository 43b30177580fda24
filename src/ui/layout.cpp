#include "ui/layout.h"

#include <algorithm>

namespace orchard::ui {

Column content_column(bool compact, float max_width) {
    const float margin = compact ? 16 : 32;
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(max_width, available - 2 * margin);
    return {ImGui::GetCursorScreenPos().x + (available - width) / 2, width};
}

void move_to(const Column& column, float y_gap) {
    ImGui::SetCursorScreenPos(ImVec2(column.x, ImGui::GetCursorScreenPos().y + y_gap));
}

} // namespace orchard::ui

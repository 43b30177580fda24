#include "ui/form_rows.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include <algorithm>

namespace orchard::ui {

bool danger_button(const char* label, const char* id, float width) {
    const Palette& p = current_palette();
    ImVec4 hover = p.danger;
    hover.w = 0.85f;
    ImGui::PushStyleColor(ImGuiCol_Button, p.danger);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, hover);
    ImGui::PushStyleColor(ImGuiCol_Border, p.danger);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = secondary_button(label, id, width);
    ImGui::PopStyleColor(5);
    return pressed;
}

bool field_and_button(const char* field_id, std::string& text, const TextFieldOptions& options,
                      const char* button, const char* button_id, bool ready, float inner,
                      bool compact) {
    const float button_w = std::max(button_width(button), 140.0f);
    const bool stacked = compact || inner < 460;
    const float field_w = stacked ? inner : inner - button_w - 12;
    const bool enter = text_field(field_id, text, ImVec2(field_w, 0), options).submit;
    if (!stacked) ImGui::SameLine(0, 12);
    const bool pressed = disabled_if(
        !ready, [&] { return primary_button(button, button_id, stacked ? inner : button_w); });
    return ready && (pressed || enter);
}

} // namespace orchard::ui

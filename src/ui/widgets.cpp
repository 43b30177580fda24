#include "ui/widgets.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

#include <algorithm>
#include <vector>

namespace orchard::ui {

namespace {

struct OpenCard {
    ImVec2 origin;
    float width;
    float padding;
    float min_height;
};
std::vector<OpenCard> g_cards;

bool styled_button(const char* label, const char* id, float width, bool primary) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = current_palette();
    ImGui::PushFont(fonts().strong);
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
        ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
    ImGui::PushID(id);
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 size(width > 0 ? width : text.x + style.FramePadding.x * 2 + 8, kTouchTarget);
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopID();
    if (primary) ImGui::PopStyleColor(5);
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    widgets().track(id, label);
    return pressed;
}

} // namespace

bool primary_button(const char* label, const char* id, float width) {
    return styled_button(label, id, width, true);
}

bool secondary_button(const char* label, const char* id, float width) {
    return styled_button(label, id, width, false);
}

void wrapped_text(ImFont* font, const ImVec4& colour, const char* text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void begin_card(float width, float padding, float min_height) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    g_cards.push_back({origin, width, padding, min_height});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1); // content above, background drawn below once its size is known
    ImGui::SetCursorScreenPos(ImVec2(origin.x + padding, origin.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
}

void end_card() {
    const OpenCard card = g_cards.back();
    g_cards.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom =
        std::max(ImGui::GetItemRectMax().y + card.padding, card.origin.y + card.min_height);
    const ImVec2 max(card.origin.x + card.width, bottom);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    const Palette& p = current_palette();
    draw->AddRectFilled(card.origin, max, to_u32(p.surface), 14);
    draw->AddRect(card.origin, max, to_u32(p.border), 14);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
}

} // namespace orchard::ui

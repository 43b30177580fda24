#include "ui/root_view.h"

#include "ui/fonts.h"
#include "ui/home_view.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace orchard::ui {

namespace {

constexpr float kTopBarHeight = 60;
constexpr float kCompactWidth = 640; // below this, layouts use one column

void draw_logo(ImVec2 at, float size) {
    // Two leaves on a stem, in the accent colour: Orchard's mark, drawn rather than shipped.
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c(at.x + size / 2, at.y + size / 2);
    draw->AddCircleFilled(ImVec2(c.x - size * 0.16f, c.y - size * 0.08f), size * 0.26f,
                          to_u32(p.accent), 24);
    draw->AddCircleFilled(ImVec2(c.x + size * 0.18f, c.y - size * 0.16f), size * 0.2f,
                          to_u32(p.accent_hover), 24);
    draw->AddLine(ImVec2(c.x, c.y), ImVec2(c.x, c.y + size * 0.45f), to_u32(p.text_muted), 2.5f);
}

bool draw_top_bar(const client::AppState& state, float width, bool compact) {
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + kTopBarHeight),
                        to_u32(p.surface));
    draw->AddLine(ImVec2(origin.x, origin.y + kTopBarHeight - 1),
                  ImVec2(origin.x + width, origin.y + kTopBarHeight - 1), to_u32(p.border));

    const float margin = compact ? 16 : 32;
    draw_logo(ImVec2(origin.x + margin, origin.y + 16), 28);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin + 38, origin.y + 16));
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Orchard");
    ImGui::PopFont();

    const char* label = state.theme == client::Theme::Light ? "Dark theme" : "Light theme";
    ImGui::PushFont(fonts().strong);
    const float button_width = ImGui::CalcTextSize(label).x + 36;
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - margin - button_width,
                                     origin.y + (kTopBarHeight - kTouchTarget) / 2));
    const bool toggle = secondary_button(label, "theme_toggle", button_width);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kTopBarHeight));
    return toggle;
}

} // namespace

RootViewActions draw_root(const RootViewInput& input) {
    RootViewActions actions;
    const ImGuiIO& io = ImGui::GetIO();
    const bool compact = io.DisplaySize.x < kCompactWidth;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Orchard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    actions.toggle_theme = draw_top_bar(input.state, io.DisplaySize.x, compact);

    ImGui::BeginChild("main", ImVec2(0, 0), false);
    switch (input.state.screen) {
    case client::Screen::Home: {
        const auto home = draw_home({input.state, input.page_origin, compact});
        actions.retry = home.retry;
        break;
    }
    }
    widgets().set_number("main_scroll_y", ImGui::GetScrollY());
    widgets().set_number("main_scroll_max_y", ImGui::GetScrollMaxY());
    ImGui::EndChild();
    ImGui::End();
    return actions;
}

} // namespace orchard::ui

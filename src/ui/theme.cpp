#include "ui/theme.h"

namespace orchard::ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f,
                  (hex & 0xFF) / 255.0f, alpha);
}

// A calm, paper-like light theme and a deep slate dark theme, both with an orchard-leaf green
// for what matters. Text contrast is at least 7:1 on the page colour in both.
const Palette kLight{.background = rgb(0xF5F6F2),
                     .surface = rgb(0xFFFFFF),
                     .surface_alt = rgb(0xEEF1EA),
                     .border = rgb(0xDCE0D6),
                     .text = rgb(0x1D2320),
                     .text_muted = rgb(0x5B645E),
                     .accent = rgb(0x2E7D4F),
                     .accent_hover = rgb(0x256A42),
                     .accent_text = rgb(0xFFFFFF),
                     .success = rgb(0x2E7D4F),
                     .warning = rgb(0xA86200),
                     .danger = rgb(0xB3261E)};

const Palette kDark{.background = rgb(0x14181B),
                    .surface = rgb(0x1D2226),
                    .surface_alt = rgb(0x262C31),
                    .border = rgb(0x333B41),
                    .text = rgb(0xE7ECE8),
                    .text_muted = rgb(0xA3ADA7),
                    .accent = rgb(0x5CC18A),
                    .accent_hover = rgb(0x79D3A2),
                    .accent_text = rgb(0x0E1A13),
                    .success = rgb(0x5CC18A),
                    .warning = rgb(0xF0A444),
                    .danger = rgb(0xF2766B)};

ImVec4 with_alpha(ImVec4 colour, float alpha) {
    colour.w = alpha;
    return colour;
}

const Palette* g_current = &kLight;

} // namespace

const Palette& current_palette() {
    return *g_current;
}

const Palette& palette(client::Theme theme) {
    return theme == client::Theme::Dark ? kDark : kLight;
}

ImU32 to_u32(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

void apply_theme(client::Theme theme) {
    const Palette& p = palette(theme);
    g_current = &p;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = ImVec2(14, 10);
    style.FrameRounding = 8;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 12;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.PopupRounding = 8;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = with_alpha(p.background, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = with_alpha(p.border, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface_alt;
    c[ImGuiCol_FrameBgActive] = p.surface_alt;
    c[ImGuiCol_Button] = p.surface;
    c[ImGuiCol_ButtonHovered] = p.surface_alt;
    c[ImGuiCol_ButtonActive] = p.border;
    c[ImGuiCol_Header] = p.surface_alt;
    c[ImGuiCol_HeaderHovered] = p.surface_alt;
    c[ImGuiCol_HeaderActive] = p.border;
    c[ImGuiCol_ScrollbarBg] = with_alpha(p.background, 0);
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.text_muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.text_muted;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent_hover;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_TextSelectedBg] = with_alpha(p.accent, 0.30f);
    c[ImGuiCol_NavHighlight] = p.accent;
}

} // namespace orchard::ui

// Orchard's light and dark themes: one palette each, applied to ImGui's style.
#pragma once

#include "client/app.h"

#include <imgui.h>

namespace orchard::ui {

struct Palette {
    ImVec4 background;  // the page behind everything
    ImVec4 surface;     // cards
    ImVec4 surface_alt; // code blocks, hovered rows
    ImVec4 border;
    ImVec4 text;
    ImVec4 text_muted;
    ImVec4 accent; // primary actions, links, focus
    ImVec4 accent_hover;
    ImVec4 accent_text; // text on accent
    ImVec4 success;
    ImVec4 warning;
    ImVec4 danger;
};

const Palette& palette(client::Theme theme);
// Sets ImGui's colours and metrics for `theme`, and makes it the current palette.
void apply_theme(client::Theme theme);
const Palette& current_palette();
ImU32 to_u32(const ImVec4& colour);

} // namespace orchard::ui

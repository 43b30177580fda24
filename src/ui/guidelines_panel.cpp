#include "ui/guidelines_panel.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/guidelines_text.h"
#include "ui/markdown_view.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {
struct PanelState {
    bool open = false;
    std::string file;
    std::string title;
};
PanelState g_panel;
} // namespace

void open_guidelines(const char* file, const char* title) {
    g_panel = {true, file, title};
}

void close_guidelines() {
    g_panel.open = false;
}

bool guidelines_open() {
    return g_panel.open;
}

void draw_guidelines_panel(bool compact) {
    if (!g_panel.open) return;
    const ImGuiIO& io = ImGui::GetIO();
    const Palette& p = current_palette();
    const float width = compact ? io.DisplaySize.x : std::min(600.0f, io.DisplaySize.x * 0.5f);
    const float x = io.DisplaySize.x - width;

    // Dim what is behind, so the panel reads as on top.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, compact ? 0.0f : 0.35f));
    ImGui::Begin("guidelines_backdrop", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0) && io.MousePos.x < x)
        close_guidelines();
    ImGui::End();
    ImGui::PopStyleColor();

    ImGui::SetNextWindowPos(ImVec2(x, 0));
    ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
    ImGui::Begin("guidelines_panel", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    const float margin = compact ? 16 : 28;
    ImGui::SetCursorPos(ImVec2(margin, 12));
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    text::unformatted(tr("guidelines.heading"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const char* close = tr("guidelines.close");
    const float close_w = button_width(close, "Esc");
    ImGui::SetCursorPos(ImVec2(width - margin - close_w, 8));
    if (secondary_button(close, "Esc", "guidelines_close", close_w) || shortcut_pressed(kKeyEscape))
        close_guidelines();
    ImGui::SetCursorPos(ImVec2(margin, 60));
    ImGui::BeginChild("guidelines_text", ImVec2(width - margin, 0), false);
    const std::string& text = guidelines_text(g_panel.file);
    draw_markdown(("guidelines_" + g_panel.file).c_str(), text, width - 2 * margin - 12,
                  {.lang = i18n::active().language(), .on_panel = true});
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::EndChild();
    widgets().track_rect("guidelines_panel", ImVec2(x, 0),
                         ImVec2(io.DisplaySize.x, io.DisplaySize.y), g_panel.title);
    ImGui::End();
    ImGui::PopStyleColor();
}

} // namespace orchard::ui

#include "ui/root_view.h"

#include "i18n/translator.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/guidelines_panel.h"
#include "ui/kiosk_view.h"
#include "ui/layout.h"
#include "ui/navigation.h"
#include "ui/screen_views.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

namespace orchard::ui {

using i18n::tr;

namespace {

constexpr float kTopBarHeight = 60;

float g_content_height = 0;

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

void draw_top_bar(client::App& app, double now, float width, bool compact) {
    const client::AppState& state = app.state();
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + kTopBarHeight),
                        to_u32(p.surface));
    draw->AddLine(ImVec2(origin.x, origin.y + kTopBarHeight - 1),
                  ImVec2(origin.x + width, origin.y + kTopBarHeight - 1), to_u32(p.border));

    const float margin = compact ? 12 : 32;
    draw_logo(ImVec2(origin.x + margin, origin.y + 16), 28);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin + 38, origin.y + 16));
    ImGui::PushFont(fonts().heading);
    text::unformatted("Orchard");
    const float title_w = ImGui::GetItemRectSize().x;
    ImGui::PopFont();
    // The logo and name lead home from any screen but sign-in.
    if (state.account && state.screen != client::Screen::Dashboard) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, origin.y + 8));
        const bool pressed = ImGui::InvisibleButton("home", ImVec2(150, kTopBarHeight - 16));
        if (keyboard_control("home", 8, -2) || pressed) app.back_to_dashboard(now);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        widgets().track("home", "Orchard");
    }

    // Right side, from the right edge: theme, sign out, the menu (narrow windows), the person's
    // name and score. Left, after the name: the screens as tabs (wide windows).
    const float y = origin.y + (kTopBarHeight - kTouchTarget) / 2;
    float right = origin.x + width - margin;
    const bool navigation = navigation_available(state);
    const float tabs_start = origin.x + margin + 38 + title_w + 24;
    // Tabs only where they, the name and score and the buttons all fit, measured from the
    // labels: narrower bars get the menu, so nothing in the bar is ever cut or hidden. The
    // theme button says "Dark theme" where there is room, else the short "Dark".
    const auto bar_width = [&](const char* theme) {
        return tabs_start - origin.x + navigation_tabs_width(state) + 16 +
               score_summary_width(state) + 16 + button_width(tr("root.sign_out")) + 8 +
               button_width(theme) + margin;
    };
    const bool tabs = navigation && !compact && bar_width(tr("root.theme.light_short")) <= width;
    bool short_theme = compact || (tabs && bar_width(tr("root.theme.light")) > width);
    const char* theme_label =
        state.theme == client::Theme::Light
            ? (short_theme ? tr("root.theme.dark_short") : tr("root.theme.dark"))
            : (short_theme ? tr("root.theme.light_short") : tr("root.theme.light"));
    const float theme_w = button_width(theme_label);
    right -= theme_w;
    ImGui::SetCursorScreenPos(ImVec2(right, y));
    if (secondary_button(theme_label, "theme_toggle", theme_w)) app.toggle_theme();
    if (!state.account) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kTopBarHeight));
        return;
    }
    const float popup_right = right + theme_w;
    if (!compact || !navigation) {
        // At a kiosk, signing out is finishing the visit.
        const char* sign_out = state.kiosk.event.empty() ? tr("root.sign_out") : tr("kiosk.finish");
        const float sign_out_w = button_width(sign_out);
        right -= sign_out_w + 8;
        ImGui::SetCursorScreenPos(ImVec2(right, y));
        if (secondary_button(sign_out, "sign_out", sign_out_w)) app.sign_out();
    }
    if (navigation && !tabs) {
        const float menu_w = navigation_menu_button_width();
        right -= menu_w + 8;
        ImGui::SetCursorScreenPos(ImVec2(right, y));
        draw_navigation_menu(app, now, menu_w, compact, popup_right, origin.y + kTopBarHeight + 4);
    }
    float tabs_end = origin.x + margin + 38 + title_w;
    if (tabs) tabs_end = draw_navigation_tabs(app, now, tabs_start, origin.y, kTopBarHeight);
    if (!compact && right - 16 - score_summary_width(state) > tabs_end + 16)
        draw_score_summary(app, now, right - 16, origin.y, kTopBarHeight);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + kTopBarHeight));
}

// A strip under the top bar while the server cannot be reached: what is wrong, that work is
// kept, and a way to try at once.
void draw_connection_banner(client::App& app, double now, float width, bool compact) {
    const client::AppState& state = app.state();
    if (state.connection == client::Connection::Connected ||
        state.connection == client::Connection::Checking || !state.account)
        return;
    const Palette& p = current_palette();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float margin = compact ? 12 : 32;
    const std::string text = tr("root.connection_banner", {{"problem", state.problem}});
    const char* try_again = tr("root.try_again");
    const float button_w = button_width(try_again);
    ImGui::PushFont(fonts().body);
    const float text_w = compact ? width - 2 * margin : width - 3 * margin - button_w;
    const float text_h = text::size(text.c_str(), text_w).y;
    ImGui::PopFont();
    const float height = compact ? text_h + kTouchTarget + 36 : std::max(text_h, kTouchTarget) + 24;
    ImVec4 tint = p.danger;
    tint.w = 0.14f;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                                              to_u32(tint));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, origin.y + 12));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    ImGui::PushFont(fonts().body);
    text::unformatted(text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    widgets().track("connection_banner", text);
    ImGui::SetCursorScreenPos(compact ? ImVec2(origin.x + margin, origin.y + 24 + text_h)
                                      : ImVec2(origin.x + width - margin - button_w,
                                               origin.y + (height - kTouchTarget) / 2));
    if (secondary_button(try_again, "retry", button_w)) app.retry_now(now);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

} // namespace

void draw_root(const RootViewInput& input) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool compact = io.DisplaySize.x < kCompactWidth;
    client::App& app = input.app;
    if (input.view.session != app.state().sessions_ended) {
        // Signed out: nothing the views kept, nor any text typed into a field, waits for the
        // next person.
        input.view = ViewState{.session = app.state().sessions_ended};
        clear_text_fields();
    }

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Orchard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    // The bar is laid out from its right edge inwards; Tab goes through it left to right. In
    // another site's frame, that site's own header is the page's top: Orchard's would repeat it.
    if (!app.state().embedded) {
        begin_focus_row();
        draw_top_bar(app, input.now, io.DisplaySize.x, compact);
        end_focus_row();
    }
    draw_connection_banner(app, input.now, io.DisplaySize.x, compact);

    ImGui::BeginChild("main", ImVec2(0, 0), false);
    // A new screen starts at its top, not where the last one was scrolled to; so does the next
    // task after a submission (its title and the notice of what the last one earned are there).
    ViewState& view = input.view;
    const auto& task = app.state().task.task;
    const std::string task_id = task ? task->id : std::string();
    if (app.state().screen != view.shown || task_id != view.shown_task) {
        view.shown = app.state().screen;
        view.shown_task = task_id;
        ImGui::SetScrollY(0);
    }
    draw_screen({app, view, input.now, compact, input.page_origin});
    // The lowest point anything was laid out at, from the top of the window (the window starts
    // at 0; what is scrolled out of sight above counts too).
    const ImGuiWindow* main = ImGui::GetCurrentWindow();
    g_content_height = main->DC.CursorMaxPos.y + main->Scroll.y + ImGui::GetStyle().WindowPadding.y;
    widgets().set_number("content_height", g_content_height);
    widgets().set_number("main_scroll_y", ImGui::GetScrollY());
    widgets().set_number("main_scroll_max_y", ImGui::GetScrollMaxY());
    draw_kiosk_countdown(app, input.now);
    ImGui::EndChild();
    ImGui::End();
    draw_guidelines_panel(compact);
    // Whether a popup or panel covers the page (tests wait for it to close).
    widgets().set_number("page_covered", page_covered() ? 1 : 0);
}

float content_height() {
    return g_content_height;
}

bool page_covered() {
    return guidelines_open() || GImGui->OpenPopupStack.Size > 0;
}

} // namespace orchard::ui

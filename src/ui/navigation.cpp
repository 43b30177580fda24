#include "ui/navigation.h"

#include "i18n/translator.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/rewards_widgets.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>
#include <vector>

namespace orchard::ui {

using i18n::tr;

namespace {

// The screens with an entry in the navigation, from the screens table, and the entry's widget
// id ("nav_" and the screen's name).
struct Destination {
    client::Screen screen;
    std::string id;
    // The entry's text in the interface's language (the table's nav_label is its key).
    const char* label() const;
};

const char* Destination::label() const {
    return tr(client::screen_row(screen).nav_label);
}

const std::vector<Destination>& destinations() {
    static const std::vector<Destination> list = [] {
        std::vector<Destination> out;
        for (const auto& row : client::screen_rows())
            if (row.nav_label) out.push_back({row.screen, std::string("nav_") + row.name});
        return out;
    }();
    return list;
}

// Whether the person's navigation has the entry: the moderators' screens are for staff only.
bool shown_to(const client::AppState& state, const Destination& d) {
    return !client::screen_row(d.screen).staff_only || client::is_staff(state);
}

// Space on each side of a tab's label.
constexpr float kTabPadding = 10;

// Some screens light another's entry: a task's is "Tasks".
bool is_current(const client::AppState& state, client::Screen screen) {
    return client::screen_row(state.screen).nav_entry.value_or(state.screen) == screen;
}

std::string score_line(const client::AppState& state) {
    if (!state.rewards.stats) return {};
    const auto& total = state.rewards.stats->total;
    return tr("navigation.score_line",
              {{"level", i18n::active().number(static_cast<double>(total.level))},
               {"points", points_text(total.leader_score)}});
}

std::string full_display_name(const client::AppState& state) {
    if (!state.account) return {};
    if (!state.account->guest) return state.account->display_name;
    return tr("navigation.guest_name", {{"name", state.account->display_name}});
}

// The name as the top bar shows it: shortened to the summary's widest.
std::string display_name(const client::AppState& state) {
    ImGui::PushFont(fonts().small);
    std::string name = text::fit(full_display_name(state), kScoreSummaryMaxWidth);
    ImGui::PopFont();
    return name;
}

} // namespace

bool navigation_available(const client::AppState& state) {
    return state.account && state.account->terms_accepted &&
           client::screen_row(state.screen).signed_in;
}

float draw_navigation_tabs(client::App& app, double now, float x, float top, float bar_height) {
    const auto& state = app.state();
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float pad = kTabPadding;
    for (const auto& d : destinations()) {
        if (!shown_to(state, d)) continue;
        const char* label = d.label();
        const bool current = is_current(state, d.screen);
        // Each tab is as wide as its bold label, so the tabs stay put when the current one
        // changes (the current tab's label is bold, the others' regular, centred in the tab).
        ImGui::PushFont(fonts().strong);
        const float w = text::width(label) + 2 * pad;
        ImGui::PopFont();
        ImGui::PushFont(current ? fonts().strong : fonts().body);
        const ImVec2 label_size = text::size(label);
        ImGui::SetCursorScreenPos(ImVec2(x, top));
        ImGui::PushID(d.id.c_str());
        bool pressed = ImGui::InvisibleButton("##tab", ImVec2(w, bar_height - 1));
        ImGui::PopID();
        pressed |= keyboard_control(d.id.c_str(), 8, -6); // inside: the bar's edge would cut it
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const ImVec4 colour = current ? p.accent : hovered ? p.text : p.text_muted;
        text::draw(draw, ImVec2(x + (w - label_size.x) / 2, top + (bar_height - label_size.y) / 2),
                   to_u32(colour), label);
        if (current)
            draw->AddRectFilled(ImVec2(x + pad - 4, top + bar_height - 4),
                                ImVec2(x + w - pad + 4, top + bar_height - 1), to_u32(p.accent), 2);
        ImGui::PopFont();
        widgets().track(d.id, current ? std::string(label) + " (current)" : label);
        widgets().describe(d.id, {"tab", label, "aria-selected", current});
        if (pressed && state.screen != d.screen) app.show_screen(d.screen, now);
        x += w;
    }
    return x;
}

float navigation_tabs_width(const client::AppState& state) {
    float w = 0;
    ImGui::PushFont(fonts().strong);
    for (const auto& d : destinations())
        if (shown_to(state, d)) w += text::width(d.label()) + 2 * kTabPadding;
    ImGui::PopFont();
    return w;
}

float navigation_menu_button_width() {
    return button_width(tr("navigation.menu"));
}

void draw_navigation_menu(client::App& app, double now, float button_w, bool with_sign_out,
                          float popup_right, float popup_top) {
    const auto& state = app.state();
    if (secondary_button(tr("navigation.menu"), "nav_menu", button_w))
        ImGui::OpenPopup("navigation");
    const float menu_w = std::min(300.0f, ImGui::GetIO().DisplaySize.x - 24);
    ImGui::SetNextWindowPos(ImVec2(popup_right - menu_w, popup_top));
    ImGui::SetNextWindowSize(ImVec2(menu_w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    if (ImGui::BeginPopup("navigation", ImGuiWindowFlags_NoMove)) {
        if (shortcut_pressed(kKeyEscape)) ImGui::CloseCurrentPopup();
        const float inner = menu_w - 24;
        const std::string name = full_display_name(state);
        const std::string score = score_line(state);
        if (!name.empty()) {
            ImGui::PushFont(fonts().strong);
            text::unformatted(text::fit(name, inner).c_str());
            ImGui::PopFont();
            widgets().track("menu_name", name);
            if (!score.empty()) {
                wrapped_text(fonts().body, current_palette().text_muted, score.c_str());
                widgets().track("menu_score", score);
            }
            ImGui::Dummy(ImVec2(inner, 2));
        }
        for (const auto& d : destinations()) {
            if (!shown_to(state, d)) continue;
            if (choice_button(d.label(), d.id.c_str(), is_current(state, d.screen), inner, 48)) {
                ImGui::CloseCurrentPopup();
                if (state.screen != d.screen) app.show_screen(d.screen, now);
            }
        }
        if (with_sign_out) {
            ImGui::Dummy(ImVec2(inner, 2));
            if (secondary_button(tr("navigation.sign_out"), "sign_out", inner)) {
                ImGui::CloseCurrentPopup();
                app.sign_out();
            }
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

float score_summary_width(const client::AppState& state) {
    const std::string name = display_name(state);
    // Until the score arrives, the room of the least it will say ("Level 1 · 0 points"), so that
    // its arrival does not turn the tabs into the menu under the person's pointer.
    const std::string score =
        state.rewards.stats ? score_line(state)
                            : tr("navigation.score_line", {{"level", i18n::active().number(1)},
                                                           {"points", points_text(0LL)}});
    ImGui::PushFont(fonts().small);
    float w = text::width(name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts().strong);
    w = std::max(w, text::width(score.c_str()));
    ImGui::PopFont();
    return w;
}

float draw_score_summary(client::App& app, double now, float right, float top, float bar_height) {
    const auto& state = app.state();
    const Palette& p = current_palette();
    const std::string name = display_name(state);
    const std::string score = score_line(state);
    if (name.empty()) return 0;
    const float w = score_summary_width(state);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts().small);
    const float name_h = ImGui::GetFontSize();
    ImGui::PopFont();
    ImGui::PushFont(fonts().strong);
    const float score_h = score.empty() ? 0 : ImGui::GetFontSize();
    ImGui::PopFont();
    const float y = top + (bar_height - name_h - score_h) / 2;
    ImGui::SetCursorScreenPos(ImVec2(right - w, top + 4));
    ImGui::PushID("score_summary");
    bool pressed = ImGui::InvisibleButton("##summary", ImVec2(w, bar_height - 8));
    ImGui::PopID();
    pressed |= keyboard_control("my_score", 8, 1);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PushFont(fonts().small);
    const float name_w = text::width(name.c_str());
    text::draw(draw, ImVec2(right - name_w, y), to_u32(p.text_muted), name.c_str());
    ImGui::PopFont();
    if (!score.empty()) {
        ImGui::PushFont(fonts().strong);
        const float score_w = text::width(score.c_str());
        text::draw(draw, ImVec2(right - score_w, y + name_h), to_u32(hovered ? p.accent : p.text),
                   score.c_str());
        ImGui::PopFont();
    }
    widgets().track("my_score", score.empty() ? name : score);
    widgets().track_rect("account_name", ImVec2(right - name_w, y), ImVec2(right, y + name_h),
                         name);
    if (pressed && state.screen != client::Screen::Profile)
        app.show_screen(client::Screen::Profile, now);
    return w;
}

} // namespace orchard::ui

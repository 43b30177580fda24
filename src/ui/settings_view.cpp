#include "ui/settings_view.h"

#include "i18n/languages.h"
#include "i18n/translator.h"
#include "ui/account_fields.h"
#include "ui/claim_form.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/form_rows.h"
#include "ui/layout.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

using client::SettingsSection;

// The notice or problem of the last change, under the section it belongs to.
void draw_outcome(const client::SettingsState& s, SettingsSection section) {
    if (s.outcome != section) return;
    if (!s.notice.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        notice_text(s.notice.c_str());
        widgets().track("settings_notice", s.notice);
    }
    if (!s.problem.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        problem_text(s.problem.c_str());
        widgets().track("settings_problem", s.problem);
    }
}

// A switch with its label and an explanation: the whole row is the touch target.
bool switch_row(const char* id, const char* label, const char* detail, bool on, float width) {
    const Palette& p = current_palette();
    constexpr float kSwitchW = 52, kSwitchH = 30, kGap = 20;
    const float text_w = width - kSwitchW - kGap;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts().strong);
    const float label_h = text::size(label, text_w).y;
    ImGui::PopFont();
    ImGui::PushFont(fonts().body);
    const float detail_h = text::size(detail, text_w).y;
    ImGui::PopFont();
    const float height = std::max(kTouchTarget, label_h + 4 + detail_h);
    ImGui::PushID(id);
    bool pressed = ImGui::InvisibleButton("##switch", ImVec2(width, height));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    pressed |= keyboard_control(id, 10, 10); // clear of the text it frames
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts().strong);
    text::draw(draw, ImGui::GetFont(), ImGui::GetFontSize(), at, to_u32(p.text), label, text_w);
    ImGui::PopFont();
    ImGui::PushFont(fonts().body);
    text::draw(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x, at.y + label_h + 4),
               to_u32(p.text_muted), detail, text_w);
    ImGui::PopFont();
    // The switch: a pill, filled in the accent colour when on, with its knob at that end.
    const ImVec2 s0(at.x + width - kSwitchW, at.y + std::min(8.0f, (height - kSwitchH) / 2));
    const ImVec2 s1(s0.x + kSwitchW, s0.y + kSwitchH);
    ImVec4 track = on ? (hovered ? p.accent_hover : p.accent) : p.surface_alt;
    track.w *= ImGui::GetStyle().Alpha;
    draw->AddRectFilled(s0, s1, to_u32(track), kSwitchH / 2);
    if (!on)
        draw->AddRect(s0, s1, to_u32(hovered ? p.text_muted : p.border), kSwitchH / 2, 0, 1.5f);
    const float r = kSwitchH / 2 - 4;
    const ImVec2 knob(on ? s1.x - 4 - r : s0.x + 4 + r, s0.y + kSwitchH / 2);
    draw->AddCircleFilled(knob, r, to_u32(on ? p.accent_text : p.text_muted), 24);
    widgets().track(id, std::string(label) + (on ? " (on)" : " (off)"));
    widgets().describe(id, {"switch", label, "aria-checked", on});
    return pressed;
}

void draw_name_card(client::App& app, double now, float width, float padding, bool compact) {
    client::SettingsForm& f = app.forms().settings;
    const auto& s = app.state().settings;
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    heading_text(tr("settings.name.title"));
    muted_text(tr("settings.name.intro"));
    ImGui::Dummy(ImVec2(0, 2));
    field_label(tr("settings.name.label"));
    const bool busy = s.busy == SettingsSection::Name;
    const bool changed = f.display_name != app.state().account->display_name;
    if (field_and_button(
            "settings_display_name", f.display_name,
            {.kind = TextFieldKind::SingleLine,
             .placeholder = tr("settings.name.placeholder"),
             .max_chars = kDisplayNameMaxChars,
             .autocomplete = "nickname",
             .label = tr("settings.name.label")},
            busy ? tr("settings.saving") : tr("settings.name.save"), "settings_save_name",
            changed && !f.display_name.empty() && s.busy == SettingsSection::None, inner, compact))
        app.save_display_name(f.display_name, now);
    draw_outcome(s, SettingsSection::Name);
    end_card();
}

void draw_leaderboard_card(client::App& app, double now, float width, float padding) {
    const auto& state = app.state();
    const auto& s = state.settings;
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    heading_text(tr("settings.leaderboard.title"));
    ImGui::Dummy(ImVec2(0, 2));
    const bool on = s.pending_show.value_or(state.account->show_on_leaderboard);
    const bool busy = s.busy != SettingsSection::None;
    const bool toggled = disabled_if(busy, [&] {
        return switch_row("settings_show_on_leaderboard", tr("settings.leaderboard.show"),
                          tr("settings.leaderboard.show_detail"), on, inner);
    });
    if (toggled && !busy) app.set_show_on_leaderboard(!on, now);
    draw_outcome(s, SettingsSection::Leaderboard);
    end_card();
}

// A card of one choice among buttons: its title and a sentence, then the row the buttons go in.
ChoiceRow begin_choice_card(const char* title, const char* intro, float width, float padding) {
    begin_card(width, padding);
    heading_text(title);
    muted_text(intro);
    ImGui::Dummy(ImVec2(0, 4));
    return ChoiceRow(width - 2 * padding);
}

// The interface's language: one toggle per language Orchard ships, each named in itself, so that
// a person finds theirs whatever language the screen is in now.
void draw_language_card(client::App& app, float width, float padding) {
    ChoiceRow row = begin_choice_card(tr("settings.language.title"), tr("settings.language.intro"),
                                      width, padding);
    for (const auto& language : i18n::interface_languages()) {
        if (language.pseudo) continue;
        const bool selected = app.state().interface_language == language.tag;
        const std::string name(language.name);
        const std::string id = "settings_language_" + std::string(language.tag);
        if (row.add(name.c_str(), id.c_str(), selected) && !selected)
            app.set_interface_language(std::string(language.tag));
    }
    end_card();
}

// How large everything is drawn (client/ui_scale.h): for eyes that need it, and for touch screens
// read from a distance. The same as pinching the screen, kept for the next visit.
void draw_size_card(client::App& app, float width, float padding) {
    ChoiceRow row =
        begin_choice_card(tr("settings.size.title"), tr("settings.size.intro"), width, padding);
    for (const double scale : client::kUiScales) {
        const int percent = static_cast<int>(scale * 100 + 0.5);
        const std::string label =
            tr("settings.size.percent", {{"percent", std::to_string(percent)}});
        const std::string id = "settings_size_" + std::to_string(percent);
        const bool selected = app.state().ui_scale == scale;
        if (row.add(label.c_str(), id.c_str(), selected) && !selected) app.set_ui_scale(scale);
    }
    end_card();
}

void draw_password_card(client::App& app, double now, float width, float padding, bool compact) {
    client::SettingsForm& f = app.forms().settings;
    const auto& state = app.state();
    const auto& s = state.settings;
    const float inner = width - 2 * padding;
    const float field_w = compact ? inner : std::min(inner, 440.0f);
    begin_card(width, padding);
    heading_text(tr("settings.password.title"));
    if (!state.account->username) {
        muted_text(tr("settings.password.none"));
        end_card();
        return;
    }
    const std::string who =
        tr("settings.password.signed_in_as", {{"username", *state.account->username}});
    muted_text(who.c_str());
    ImGui::Dummy(ImVec2(0, 2));
    bool enter = false;
    field_label(tr("settings.password.current"));
    enter |= text_field("settings_current_password", f.current_password, ImVec2(field_w, 0),
                        {.kind = TextFieldKind::Password,
                         .max_chars = kPasswordMaxChars,
                         .autocomplete = "current-password",
                         .label = tr("settings.password.current")})
                 .submit;
    field_label(tr("settings.password.new"));
    enter |= text_field("settings_new_password", f.new_password, ImVec2(field_w, 0),
                        {.kind = TextFieldKind::Password,
                         .placeholder = new_password_hint(),
                         .max_chars = kPasswordMaxChars,
                         .autocomplete = "new-password",
                         .label = tr("settings.password.new")})
                 .submit;
    field_label(tr("settings.password.repeat"));
    enter |= text_field("settings_repeat_password", f.repeated_password, ImVec2(field_w, 0),
                        {.kind = TextFieldKind::Password,
                         .max_chars = kPasswordMaxChars,
                         .autocomplete = "new-password",
                         .label = tr("settings.password.repeat")})
                 .submit;
    ImGui::Dummy(ImVec2(0, 4));
    const bool busy = s.busy == SettingsSection::Password;
    const bool ready = !f.current_password.empty() && !f.new_password.empty() &&
                       !f.repeated_password.empty() && s.busy == SettingsSection::None;
    const bool pressed = disabled_if(!ready, [&] {
        return primary_button(busy ? tr("settings.saving") : tr("settings.password.change"),
                              "settings_change_password",
                              compact ? inner : button_width(tr("settings.password.change")) + 24);
    });
    if (ready && (pressed || enter))
        app.change_password(f.current_password, f.new_password, f.repeated_password, now);
    draw_outcome(s, SettingsSection::Password);
    end_card();
}

void draw_sessions_card(client::App& app, double now, float width, float padding, bool compact) {
    const auto& s = app.state().settings;
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    heading_text(tr("settings.sessions.title"));
    muted_text(tr("settings.sessions.intro"));
    ImGui::Dummy(ImVec2(0, 2));
    const bool busy = s.busy == SettingsSection::Sessions;
    const bool idle = s.busy == SettingsSection::None;
    const char* label =
        busy ? tr("settings.sessions.signing_out") : tr("settings.sessions.sign_out_everywhere");
    const bool pressed = disabled_if(!idle, [&] {
        return secondary_button(
            label, "settings_sign_out_everywhere",
            compact ? inner : button_width(tr("settings.sessions.sign_out_everywhere")) + 24);
    });
    if (pressed && idle) app.sign_out_everywhere(now);
    draw_outcome(s, SettingsSection::Sessions);
    end_card();
}

void draw_delete_card(client::App& app, double now, float width, float padding, bool compact) {
    client::SettingsForm& f = app.forms().settings;
    const auto& s = app.state().settings;
    const Palette& p = current_palette();
    const float inner = width - 2 * padding;
    begin_card(width, padding);
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    heading_text(tr("settings.delete.title"));
    ImGui::PopStyleColor();
    muted_text(tr("settings.delete.intro"));
    const char* consequences[] = {
        "settings.delete.consequence_texts",
        "settings.delete.consequence_points",
        "settings.delete.consequence_sign_in",
    };
    for (const char* key : consequences) {
        const char* line = tr(key);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushFont(fonts().body);
        const float line_h = ImGui::GetFontSize();
        ImGui::PopFont();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 6, at.y + line_h / 2), 3,
                                                    to_u32(p.text_muted), 12);
        ImGui::SetCursorScreenPos(ImVec2(at.x + 20, at.y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - 20);
        wrapped_text(fonts().body, p.text, line);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
    }
    ImGui::Dummy(ImVec2(0, 4));
    const bool idle = s.busy == SettingsSection::None;
    if (!f.confirm_delete) {
        if (secondary_button(tr("settings.delete.start"), "settings_delete_start",
                             compact ? inner : button_width(tr("settings.delete.start")) + 24))
            f.confirm_delete = true;
    } else {
        // The word to type is the language's own, so the label says which one.
        const std::string word = tr("settings.delete.confirm_word");
        const std::string confirm_label = tr("settings.delete.confirm_label", {{"word", word}});
        field_label(confirm_label.c_str());
        const bool enter = text_field("settings_delete_word", f.delete_word,
                                      ImVec2(compact ? inner : std::min(inner, 440.0f), 0),
                                      {.kind = TextFieldKind::SingleLine,
                                       .placeholder = word.c_str(),
                                       .max_chars = 20,
                                       .autofocus = true,
                                       .autocomplete = "off",
                                       .label = confirm_label.c_str()})
                               .submit;
        ImGui::Dummy(ImVec2(0, 4));
        const bool ready = f.delete_word == word && idle;
        const char* label = s.busy == SettingsSection::Delete ? tr("settings.delete.deleting")
                                                              : tr("settings.delete.confirm");
        const float delete_w = compact ? inner : button_width(tr("settings.delete.confirm")) + 24;
        const bool pressed = disabled_if(
            !ready, [&] { return danger_button(label, "settings_delete_confirm", delete_w); });
        if (!compact) ImGui::SameLine(0, 12);
        if (secondary_button(tr("settings.delete.cancel"), "settings_delete_cancel",
                             compact ? inner : button_width(tr("settings.delete.cancel")) + 24)) {
            f.confirm_delete = false;
            f.delete_word.clear();
        }
        if (ready && (pressed || enter)) app.delete_account(now);
    }
    draw_outcome(s, SettingsSection::Delete);
    end_card();
}

} // namespace

void draw_settings(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    if (!state.account) return;
    client::SettingsForm& f = app.forms().settings;
    if (f.opened != state.settings.opened) {
        // A fresh screen: the fields show the account as it is now.
        f = client::SettingsForm{.opened = state.settings.opened,
                                 .password_changes = state.settings.password_changes,
                                 .display_name = state.account->display_name};
    }
    if (f.password_changes != state.settings.password_changes) {
        f.password_changes = state.settings.password_changes;
        f.current_password.clear();
        f.new_password.clear();
        f.repeated_password.clear();
    }

    const bool compact = input.compact;
    const Column column = content_column(compact, 720);
    const float padding = compact ? 20 : 28;
    const float gap = compact ? 12 : 20;
    move_to(column, compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("settings.title"), compact);
    const std::string who =
        state.account->guest
            ? tr("settings.intro_guest", {{"name", state.account->display_name}})
            : tr("settings.intro_account", {{"name", state.account->display_name}});
    muted_text(who.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    move_to(column, gap);
    draw_name_card(app, input.now, column.width, padding, compact);
    move_to(column, gap);
    draw_leaderboard_card(app, input.now, column.width, padding);
    move_to(column, gap);
    if (state.account->guest)
        draw_claim_form(app, ClaimFormPlace::Settings, column.width, padding, compact);
    else
        draw_password_card(app, input.now, column.width, padding, compact);
    move_to(column, gap);
    draw_sessions_card(app, input.now, column.width, padding, compact);
    move_to(column, gap);
    draw_language_card(app, column.width, padding);
    move_to(column, gap);
    draw_size_card(app, column.width, padding);
    move_to(column, gap);
    draw_delete_card(app, input.now, column.width, padding, compact);
    move_to(column, compact ? 24 : 48);
    ImGui::Dummy(ImVec2(column.width, 0));
}

} // namespace orchard::ui

#include "ui/kiosk_view.h"

#include "i18n/translator.h"
#include "ui/account_fields.h"
#include "ui/animation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <cmath>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// Strangers at a touch screen: a button a thumb cannot miss.
constexpr float kKioskButtonWidth = 260;

void draw_board(const client::KioskState& kiosk, float width) {
    const Palette& p = current_palette();
    heading_text(tr("kiosk.board_title", {{"event", kiosk.event}}).c_str());
    if (!kiosk.board || kiosk.board->rows.empty()) {
        muted_text(tr("kiosk.board_empty"));
        return;
    }
    int index = 0;
    for (const auto& row : kiosk.board->rows) {
        const std::string id = "kiosk_board_" + std::to_string(index++);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::PushFont(fonts().body);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        text::unformatted(i18n::active().number(static_cast<double>(row.rank.value_or(index))));
        ImGui::PopStyleColor();
        ImGui::SameLine(48);
        text::unformatted(row.display_name.c_str());
        const std::string points = points_text(row.leader_score);
        ImGui::PushFont(fonts().strong);
        ImGui::SameLine(width - text::size(points.c_str()).x);
        ImGui::PushTextWrapPos(-1.0f); // on one line, at the right edge
        text::unformatted(points.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::PopFont();
        widgets().track_rect(id, top, ImVec2(top.x + width, ImGui::GetCursorScreenPos().y),
                             row.display_name + " " + points);
        ImGui::Dummy(ImVec2(0, 4));
    }
}

void draw_news(const client::KioskState& kiosk) {
    if (kiosk.news.empty()) return;
    heading_text(tr("kiosk.news_title"));
    int index = 0;
    for (const auto& item : kiosk.news) {
        wrapped_text(fonts().body, current_palette().text, item.text.c_str());
        widgets().track("kiosk_news_" + std::to_string(index++), item.text);
        ImGui::Dummy(ImVec2(0, 6));
    }
}

} // namespace

void draw_kiosk_welcome(const ScreenInput& input) {
    client::App& app = input.app;
    const client::KioskState& kiosk = app.state().kiosk;
    const Column column = content_column(input.compact, 860);
    const float padding = input.compact ? 20 : 40;
    const float inner = column.width - 2 * padding;

    move_to(column, input.compact ? 20 : 48);
    begin_card(column.width, padding);
    const std::string title = tr("kiosk.title", {{"event", kiosk.event}});
    page_title(title.c_str(), input.compact);
    widgets().track("kiosk_title", title);
    wrapped_text(fonts().body, current_palette().text_muted, tr("kiosk.intro"));
    ImGui::Dummy(ImVec2(0, 8));
    field_label(tr("kiosk.nickname"));
    std::string& nickname = app.forms().sign_in.display_name;
    const bool submit = text_field("kiosk_nickname", nickname, ImVec2(inner, 0),
                                   {.kind = TextFieldKind::SingleLine,
                                    .placeholder = tr("kiosk.nickname_placeholder"),
                                    .max_chars = kDisplayNameMaxChars,
                                    .autocomplete = "off",
                                    .label = tr("kiosk.nickname")})
                            .submit;
    ImGui::Dummy(ImVec2(0, 8));
    const bool ready = !nickname.empty() && !app.state().sign_in.busy;
    const bool pressed = disabled_if(!ready, [&] {
        return primary_button(tr("kiosk.start"), "kiosk_start", std::min(inner, kKioskButtonWidth));
    });
    if ((pressed || submit) && ready) app.start_kiosk_visit(nickname, input.now);
    if (const std::string& problem = app.state().sign_in.problem; !problem.empty()) {
        problem_text(problem.c_str());
        widgets().track("sign_in_problem", problem);
    }
    ImGui::Dummy(ImVec2(0, 6));
    wrapped_text(fonts().small, current_palette().text_muted, tr("kiosk.terms"));
    end_card();

    move_to(column, 16);
    begin_card(column.width, padding);
    draw_board(kiosk, inner);
    end_card();
    if (!kiosk.news.empty()) {
        move_to(column, 16);
        begin_card(column.width, padding);
        draw_news(kiosk);
        end_card();
    }
    ImGui::Dummy(ImVec2(0, 24));
}

void draw_kiosk_countdown(client::App& app, double now) {
    const client::KioskState& kiosk = app.state().kiosk;
    constexpr const char* kPopup = "kiosk_countdown";
    if (!kiosk.ends_at) {
        if (ImGui::IsPopupOpen(kPopup)) {
            if (ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoDecoration)) {
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        return;
    }
    if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    const ImGuiIO& io = ImGui::GetIO();
    const float width = std::min(520.0f, io.DisplaySize.x - 32);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    // A card over the dimmed screen, as the other cards look.
    const Palette& p = current_palette();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32, 28));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    const bool open = ImGui::BeginPopupModal(
        kPopup, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    if (!open) return;
    const int seconds = std::max(0, static_cast<int>(std::ceil(*kiosk.ends_at - now)));
    ImGui::PushFont(fonts().heading);
    text::wrapped(tr("kiosk.still_there"));
    ImGui::PopFont();
    const std::string ending = tr("kiosk.ending", {{"seconds", std::to_string(seconds)}});
    wrapped_text(fonts().body, current_palette().text, ending.c_str());
    widgets().track("kiosk_countdown", ending);
    ImGui::Dummy(ImVec2(0, 8));
    if (primary_button(tr("kiosk.stay"), "kiosk_stay")) app.note_activity(now);
    ImGui::SameLine();
    if (secondary_button(tr("kiosk.end_now"), "kiosk_end")) app.end_kiosk_visit();
    ImGui::EndPopup();
    keep_animating(); // the seconds count down
}

} // namespace orchard::ui

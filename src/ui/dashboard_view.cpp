#include "ui/dashboard_view.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "protocol/text.h"
#include "ui/claim_form.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/guidelines_panel.h"
#include "ui/layout.h"
#include "ui/rewards_widgets.h"
#include "ui/shortcuts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <imgui_internal.h>
#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

using protocol::TaskType;

long long count_of(const client::AppState& state, const char* name) {
    auto it = state.dashboard.counts.find(name);
    return it == state.dashboard.counts.end() ? 0 : it->second;
}

std::string count_text(const client::AppState& state, const char* name) {
    if (!state.dashboard.loaded) return tr("dashboard.counting");
    const long long n = count_of(state, name);
    if (n == 0) return tr("dashboard.none_right_now");
    return tr_count("dashboard.available", static_cast<double>(n));
}

void draw_language_picker(client::App& app, double now, float width) {
    const auto& state = app.state();
    const auto& languages = client::data_languages();
    const char* current = state.lang.c_str();
    for (const auto& language : languages)
        if (state.lang == language.code) current = language.name;
    ImGui::PushFont(fonts().body);
    ImGui::AlignTextToFramePadding();
    text::unformatted(tr("dashboard.texts_in"));
    ImGui::SameLine(0, 10);
    ImGui::SetNextItemWidth(std::min(220.0f, width));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 12));
    const ImGuiID combo_id = ImGui::GetID("##language");
    // The names are drawn by ui/text.h over the combo's own (empty) labels: ImGui's would show
    // only the scripts of its atlas.
    // The frame's place and the window's draw list are taken first: an open combo makes its list
    // the current window.
    ImDrawList* window_draw = ImGui::GetWindowDrawList();
    const ImVec2 frame_min = ImGui::GetCursorScreenPos();
    const ImVec2 frame_max(frame_min.x + ImGui::CalcItemWidth(),
                           frame_min.y + ImGui::GetFrameHeight());
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const bool open = ImGui::BeginCombo("##language", "");
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    window_draw->PushClipRect(frame_min,
                              ImVec2(frame_max.x - (frame_max.y - frame_min.y), frame_max.y), true);
    text::draw(window_draw, ImVec2(frame_min.x + padding.x, frame_min.y + padding.y), ink, current);
    window_draw->PopClipRect();
    // BeginCombo's last item is its frame whether or not the list is open.
    if (keyboard_control("language", ImGui::GetStyle().FrameRounding) && !open)
        ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, combo_id)); // as a click on it does
    if (open) {
        if (shortcut_pressed(kKeyEscape)) ImGui::CloseCurrentPopup();
        const ImVec2 list_at = ImGui::GetWindowPos();
        const ImVec2 list_size = ImGui::GetWindowSize();
        widgets().track_rect("language_list", list_at,
                             ImVec2(list_at.x + list_size.x, list_at.y + list_size.y));
        for (const auto& language : languages) {
            const bool selected = state.lang == language.code;
            const std::string option = std::string("language_") + language.code;
            const bool chosen =
                ImGui::Selectable(("##" + option).c_str(), selected, 0, ImVec2(0, 36));
            const ImVec2 item = ImGui::GetItemRectMin();
            if (ImGui::IsItemVisible())
                text::draw(ImGui::GetWindowDrawList(),
                           ImVec2(item.x, item.y + (36 - ImGui::GetFontSize()) / 2),
                           ImGui::GetColorU32(ImGuiCol_Text), language.name);
            if (keyboard_control(option.c_str(), 6, -1) || chosen) {
                app.set_lang(language.code, now);
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    widgets().track("language", current);
    ImGui::PopFont();
}

// One card per task kind: what it is, how many are waiting, start it, read its guidelines.
void draw_kind_card(client::App& app, double now, const client::TaskKindInfo& kind, int number,
                    float width, float min_height, float& natural_height) {
    const auto& state = app.state();
    const Palette& p = current_palette();
    const char* name = protocol::to_string(kind.type);
    const long long available = count_of(state, name);
    const float top = ImGui::GetCursorScreenPos().y;
    begin_card(width, 20, min_height);
    ImGui::PushFont(fonts().heading);
    text::wrapped(tr(kind.title));
    ImGui::PopFont();
    wrapped_text(fonts().body, p.text_muted, tr(kind.description));
    const std::string count = count_text(state, name);
    wrapped_text(fonts().strong, available > 0 ? p.success : p.text_muted, count.c_str());
    widgets().track(std::string("count_") + name, count);
    const std::string start_id = std::string("start_") + name;
    const std::string key = std::to_string(number);
    const bool disabled = state.dashboard.loaded && available == 0;
    const char* start_label = tr("dashboard.start");
    const float start_w = button_width(start_label, key.c_str());
    const bool start = disabled_if(disabled, [&] {
        return primary_button(start_label, key.c_str(), start_id.c_str(), start_w);
    });
    if (start && !disabled) app.open_task(name, now);
    ImGui::SameLine(0, 16);
    if (link_button(tr("dashboard.guidelines"), (std::string("guidelines_") + name).c_str()))
        open_guidelines(kind.guidelines, tr(kind.title));
    natural_height = ImGui::GetItemRectMax().y - top + 20;
    end_card();
}

// The person's standing: level and the way to the next, points today and in all, the streak.
// Work left on a task: offered first, so that nothing typed is lost by walking away from it.
void draw_unsent_card(client::App& app, double now, float width, bool compact,
                      bool& confirm_discard) {
    const auto& unsent = *app.state().unsent;
    const Palette& p = current_palette();
    begin_card(width, compact ? 20 : 24);
    heading_text(tr("dashboard.unsent.title"));
    widgets().track("unsent_work", unsent.preview);
    const client::TaskKindInfo& kind = client::task_kind(unsent.type);
    wrapped_text(fonts().body, p.text_muted, tr(kind.title));
    if (!unsent.preview.empty()) wrapped_text(fonts().body, p.text, unsent.preview.c_str());
    const float inner = width - (compact ? 40 : 48);
    if (confirm_discard) {
        wrapped_text(fonts().strong, p.warning, tr("dashboard.unsent.confirm_discard"));
        // The default (first, Enter) keeps the work.
        if (primary_button(tr("dashboard.unsent.keep"), "unsent_keep", compact ? inner : 0))
            confirm_discard = false;
        if (!compact) ImGui::SameLine(0, 12);
        if (secondary_button(tr("dashboard.unsent.discard"), "unsent_discard_confirm",
                             compact ? inner : 0)) {
            confirm_discard = false;
            app.discard_unsent();
        }
    } else {
        if (primary_button(tr("dashboard.unsent.continue"), "unsent_continue", compact ? inner : 0))
            app.resume_unsent(now);
        if (!compact) ImGui::SameLine(0, 12);
        if (secondary_button(tr("dashboard.unsent.discard_ask"), "unsent_discard",
                             compact ? inner : 0))
            confirm_discard = true;
    }
    end_card();
}

void draw_progress_card(client::App& app, double now, float width, bool compact) {
    const auto& state = app.state();
    const Palette& p = current_palette();
    const float padding = compact ? 20 : 24;
    begin_card(width, padding);
    const float inner = width - 2 * padding;
    if (!state.rewards.stats) {
        muted_text(tr("dashboard.progress.empty"));
        end_card();
        return;
    }
    const auto& stats = *state.rewards.stats;
    level_bar(stats.total, inner, "my_level");
    // On phones the streak gets its own line rather than breaking mid-phrase.
    const std::string line =
        tr(compact ? "dashboard.progress.line_compact" : "dashboard.progress.line",
           {{"total", points_text(stats.total.leader_score)},
            {"today", points_text(stats.day.leader_score)},
            {"streak", streak_text(stats.total.streak_days)}});
    wrapped_text(fonts().body, p.text_muted, line.c_str());
    widgets().track("my_points", line);
    const float links_x = ImGui::GetCursorScreenPos().x;
    if (link_button(tr("dashboard.progress.see_leaderboard"), "dashboard_leaderboard"))
        app.show_screen(client::Screen::Leaderboard, now);
    // Side by side when both fit in the card, else one under the other.
    ImGui::PushFont(fonts().strong);
    const float profile_w = text::width(tr("dashboard.progress.my_profile"));
    ImGui::PopFont();
    if (ImGui::GetItemRectMax().x - links_x + 24 + profile_w <= inner) ImGui::SameLine(0, 24);
    if (link_button(tr("dashboard.progress.my_profile"), "dashboard_profile"))
        app.show_screen(client::Screen::Profile, now);
    end_card();
}

void draw_top_today_card(client::App& app, float width, bool compact, float min_height,
                         float& natural_height) {
    const auto& state = app.state();
    const float padding = compact ? 20 : 24;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = origin.y;
    begin_card(width, padding, min_height);
    heading_text(tr("dashboard.top_today.title"));
    const auto& board = state.dashboard.top_today;
    if (!board) {
        muted_text(tr("common.loading"));
    } else if (board->rows.empty()) {
        const char* empty = tr("dashboard.top_today.empty");
        muted_text(empty);
        widgets().track("top_today_empty", empty);
    } else {
        score_rows(board->rows, state.account ? state.account->id : "", width - 2 * padding,
                   compact, "top_today");
    }
    natural_height = ImGui::GetItemRectMax().y - top + padding;
    end_card();
    widgets().track_rect("top_today_card", origin,
                         ImVec2(origin.x + width, ImGui::GetItemRectMax().y),
                         tr("dashboard.top_today.title"));
}

// A news line short enough for two or three lines of the card: cut at a word before `max`
// bytes, with "…".
std::string news_excerpt(const std::string& text) {
    constexpr std::size_t kMax = 120;
    if (text.size() <= kMax) return text;
    std::size_t cut = text.rfind(' ', kMax);
    if (cut == std::string::npos || cut < kMax / 2) return protocol::excerpt(text, kMax);
    return text.substr(0, cut) + "…";
}

void draw_news_card(const client::AppState& state, float width, bool compact, float min_height,
                    float& natural_height) {
    const Palette& p = current_palette();
    const float padding = compact ? 20 : 24;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float top = origin.y;
    begin_card(width, padding, min_height);
    heading_text(tr("dashboard.news.title"));
    if (state.dashboard.news.empty()) muted_text(tr("dashboard.news.empty"));
    // The newest few, each in a line or three, so the card stays beside the top five rather
    // than running down the page.
    constexpr int kShown = 4;
    int index = 0;
    for (const auto& item : state.dashboard.news) {
        if (index == kShown) break;
        if (index > 0) ImGui::Dummy(ImVec2(0, 2));
        const std::string text = news_excerpt(item.text);
        wrapped_text(fonts().body, p.text, text.c_str());
        widgets().track("news_" + std::to_string(index), item.text);
        const std::string when = i18n::active().date(item.created_date);
        if (!when.empty()) wrapped_text(fonts().small, p.text_muted, when.c_str());
        ++index;
    }
    natural_height = ImGui::GetItemRectMax().y - top + padding;
    end_card();
    widgets().track_rect("news_card", origin, ImVec2(origin.x + width, ImGui::GetItemRectMax().y),
                         tr("dashboard.news.title"));
}

} // namespace

void draw_dashboard(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    const Palette& p = current_palette();
    const Column column = content_column(input.compact, 960);

    move_to(column, input.compact ? 16 : 32);
    // One group for the whole screen: new lines start at the column's left edge, and text wraps
    // at its right edge.
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("dashboard.title"), input.compact);
    draw_language_picker(app, input.now, column.width);
    if (!state.dashboard.problem.empty()) problem_text(state.dashboard.problem.c_str());
    if (state.unsent) {
        move_to(column, 8);
        draw_unsent_card(app, input.now, column.width, input.compact,
                         input.view.confirm_discard_unsent);
    }
    move_to(column, 8);
    draw_progress_card(app, input.now, column.width, input.compact);

    // "I'm feeling lucky": the server picks what is needed most.
    move_to(column, 8);
    begin_card(column.width, input.compact ? 20 : 24);
    ImGui::PushFont(fonts().heading);
    text::unformatted(tr("dashboard.lucky.title"));
    ImGui::PopFont();
    wrapped_text(fonts().body, p.text_muted, tr("dashboard.lucky.description"));
    const std::string lucky_count = count_text(state, "random");
    widgets().track("count_random", lucky_count);
    const bool none = state.dashboard.loaded && count_of(state, "random") == 0;
    const char* lucky_label = tr("dashboard.lucky.button");
    const float lucky_w = input.compact ? column.width - 40 : button_width(lucky_label, "R");
    const bool lucky = disabled_if(
        none, [&] { return primary_button(lucky_label, "R", "start_random", lucky_w); });
    if (lucky && !none) app.open_task("random", input.now);
    if (!input.compact) ImGui::SameLine(0, 16);
    ImGui::AlignTextToFramePadding();
    wrapped_text(fonts().strong, none ? p.text_muted : p.success, lucky_count.c_str());
    end_card();

    // The eight kinds: two per row on wide screens, one on phones.
    move_to(column, 16);
    const float gap = 16;
    const int per_row = input.compact ? 1 : 2;
    const float card_w =
        (column.width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    auto& natural = input.view.kind_card_heights;
    float row_top = ImGui::GetCursorScreenPos().y;
    float row_bottom = row_top;
    int index = 0;
    for (auto type : protocol::kAllTaskTypes) {
        const int col = index % per_row;
        if (col == 0 && index > 0) row_top = row_bottom + gap;
        float row_height = 0;
        for (int j = index - col; j < index - col + per_row && j < 8; ++j)
            row_height = std::max(row_height, natural[static_cast<std::size_t>(j)]);
        ImGui::SetCursorScreenPos(
            ImVec2(column.x + static_cast<float>(col) * (card_w + gap), row_top));
        draw_kind_card(app, input.now, client::task_kind(type), index + 1, card_w, row_height,
                       natural[static_cast<std::size_t>(index)]);
        row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
        ++index;
    }
    ImGui::SetCursorScreenPos(ImVec2(column.x, row_bottom + 16));
    // Today's top five and the news: side by side on wide screens, of equal height.
    {
        float& natural_top = input.view.top_today_height;
        float& natural_news = input.view.news_height;
        const float w = input.compact ? column.width : (column.width - gap) / 2;
        const float shared = input.compact ? 0 : std::max(natural_top, natural_news);
        const float row_start = ImGui::GetCursorScreenPos().y;
        draw_top_today_card(app, w, input.compact, shared, natural_top);
        float bottom = ImGui::GetItemRectMax().y;
        if (input.compact) {
            ImGui::SetCursorScreenPos(ImVec2(column.x, bottom + gap)); // the grid's gap
        } else {
            ImGui::SetCursorScreenPos(ImVec2(column.x + w + gap, row_start));
        }
        draw_news_card(state, w, input.compact, shared, natural_news);
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        ImGui::SetCursorScreenPos(ImVec2(column.x, bottom + 16));
    }
    if (state.account && state.account->guest) {
        draw_claim_form(app, ClaimFormPlace::Dashboard, column.width, input.compact ? 20 : 24,
                        input.compact);
        move_to(column, 8);
    }
    ImGui::Dummy(ImVec2(column.width, 8));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    // Shortcuts: 1–8 start a kind, R a random task.
    if (!guidelines_open()) {
        int key_index = 0;
        for (auto type : protocol::kAllTaskTypes) {
            if (shortcut_pressed('1' + key_index) &&
                (!state.dashboard.loaded || count_of(state, protocol::to_string(type)) > 0))
                app.open_task(protocol::to_string(type), input.now);
            ++key_index;
        }
        if (shortcut_pressed('R') && !none) app.open_task("random", input.now);
    }
}

} // namespace orchard::ui

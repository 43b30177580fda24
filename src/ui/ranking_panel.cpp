#include "i18n/translator.h"
#include "ui/animation.h"
#include "ui/conversation_view.h"
#include "ui/fonts.h"
#include "ui/shortcuts.h"
#include "ui/task_panels.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch_targets.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <imgui_internal.h>
#include <set>
#include <string>
#include <vector>

namespace orchard::ui {

using i18n::tr;

namespace {

constexpr float kCollapsedHeight = 150; // about six lines of a reply before "Show all"
constexpr float kRankColumn = 56;       // the rank number and drag handle left of each reply

void draw_handle(ImVec2 at, float height, int rank, bool selected) {
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 c(at.x + kRankColumn / 2, at.y + 26);
    draw->AddCircleFilled(c, 18, to_u32(selected ? p.accent : p.surface_alt), 24);
    ImGui::PushFont(fonts().strong);
    const std::string text = std::to_string(rank);
    const ImVec2 size = text::size(text.c_str());
    text::draw(draw, ImVec2(c.x - size.x / 2, c.y - size.y / 2),
               to_u32(selected ? p.accent_text : p.text), text.c_str());
    ImGui::PopFont();
    // Six dots: the grip that says "drag me".
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 2; ++col)
            draw->AddCircleFilled(ImVec2(c.x - 4 + 8 * col, at.y + 60 + 8 * row), 2,
                                  to_u32(p.text_muted), 8);
    (void)height;
}

} // namespace

void draw_ranking_panel(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& t = app.state().task;
    const auto& replies = t.task->reply_messages;
    const auto& order = t.ranking.order();
    // What the panel remembers between frames belongs to one task: a new one starts afresh.
    RankingView& view = input.view.ranking;
    if (view.task_id != t.task->id) view = RankingView{.task_id = t.task->id};
    const int count = static_cast<int>(order.size());
    view.selected_position = std::clamp(view.selected_position, 0, std::max(0, count - 1));
    view.centres.resize(order.size());
    const Palette& p = current_palette();

    ImGui::PushFont(fonts().strong);
    text::wrapped(tr("ranking.intro"));
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    const std::string keys =
        tr("ranking.keys", {{"last", i18n::active().number(static_cast<double>(count))}});
    ImGui::TextWrapped("%s", keys.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();

    int move_from = -1, move_to = -1;
    for (int position = 0; position < count; ++position) {
        const int reply = order[static_cast<std::size_t>(position)];
        const bool selected = position == view.selected_position;
        const bool expanded = view.expanded.contains(reply);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const std::string id = "reply_" + std::to_string(reply);

        // The card, indented by the rank column.
        ImGui::SetCursorScreenPos(ImVec2(top.x + kRankColumn, top.y));
        ImGui::BeginGroup();
        const auto result =
            draw_message_card(replies[static_cast<std::size_t>(reply)],
                              {.id = id.c_str(),
                               .width = width - kRankColumn,
                               .compact = input.compact,
                               .highlighted = selected,
                               .collapsed_height = expanded ? 0 : kCollapsedHeight});
        if (!result.react.empty())
            app.react(replies[static_cast<std::size_t>(reply)].id, result.react);
        if (result.truncated || expanded) {
            if (link_button(expanded ? tr("ranking.show_less") : tr("ranking.show_all"),
                            (id + "_expand").c_str())) {
                if (expanded)
                    view.expanded.erase(reply);
                else
                    view.expanded.insert(reply);
            }
        }
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y;

        // The rank column: number, grip, and up/down buttons; it is the drag handle.
        draw_handle(top, bottom - top.y, position + 1, selected);
        ImGui::SetCursorScreenPos(top);
        ImGui::InvisibleButton((id + "_handle").c_str(), ImVec2(kRankColumn, 96));
        note_drag_target(); // a finger on the handle drags the reply, not the page
        if (ImGui::IsItemHovered() || ImGui::IsItemActive())
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
        if (ImGui::IsItemActivated()) {
            view.selected_position = position;
            view.dragging = position;
        }
        widgets().track(id + "_handle", std::to_string(position + 1));
        if (ImGui::IsItemActive() && view.dragging == position) {
            // Dragged past a neighbour's centre: swap places, the list follows the pointer.
            const float y = ImGui::GetIO().MousePos.y;
            if (position > 0 && y < view.centres[static_cast<std::size_t>(position - 1)])
                move_from = position, move_to = position - 1;
            else if (position + 1 < count &&
                     y > view.centres[static_cast<std::size_t>(position + 1)])
                move_from = position, move_to = position + 1;
        }
        // Clicking anywhere on the card selects it.
        if (ImGui::IsMouseClicked(0) &&
            ImGui::IsMouseHoveringRect(top, ImVec2(top.x + width, bottom)) &&
            !ImGui::IsAnyItemActive())
            view.selected_position = position;
        ImGui::SetCursorScreenPos(
            ImVec2(top.x + (kRankColumn - kTouchTarget) / 2 - 4, top.y + 100));
        if (position > 0) {
            if (arrow_button((id + "_up").c_str(), Arrow::Up, tr("ranking.move_up")))
                move_from = position, move_to = position - 1;
        }
        if (position + 1 < count) {
            if (position > 0)
                ImGui::SetCursorScreenPos(
                    ImVec2(top.x + (kRankColumn - kTouchTarget) / 2 - 4, top.y + 150));
            if (arrow_button((id + "_down").c_str(), Arrow::Down, tr("ranking.move_down")))
                move_from = position, move_to = position + 1;
        }
        view.centres[static_cast<std::size_t>(position)] = (top.y + bottom) / 2;
        const float next_y = std::max(bottom, ImGui::GetItemRectMax().y) + 12;
        widgets().track_rect("rank_position_" + std::to_string(position + 1), top,
                             ImVec2(top.x + width, bottom), std::to_string(reply));
        if (selected && view.reveal_selected) {
            // The keys moved the selection off screen perhaps: scroll just enough to show the
            // whole card (its top, when it is taller than the window), as a web page would.
            view.reveal_selected = false;
            const float room = ImGui::GetWindowHeight() - 24;
            const ImRect card(ImVec2(top.x, top.y - 12),
                              ImVec2(top.x + width, std::min(bottom, top.y + room) + 12));
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), card, ImGuiScrollFlags_KeepVisibleEdgeY);
            keep_animating();
        }
        if (selected) {
            // Unclipped, unlike the tracked rects: tests check the whole card is on screen.
            widgets().set_number("rank_drawn_selected", position + 1);
            widgets().set_number("rank_selected_top", top.y);
            widgets().set_number("rank_selected_bottom", bottom);
        }
        ImGui::SetCursorScreenPos(ImVec2(top.x, next_y));
    }
    if (!ImGui::IsMouseDown(0)) view.dragging = -1;
    if (view.dragging >= 0) {
        // Near the top or bottom edge while dragging, the page scrolls to bring more places
        // into reach, faster the closer the pointer is to the edge.
        const float y = ImGui::GetIO().MousePos.y;
        const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
        constexpr float kEdge = 80;
        float step = 0;
        if (y > bottom - kEdge)
            step = (y - (bottom - kEdge)) / kEdge * 16 + 2;
        else if (y < top + kEdge)
            step = -((top + kEdge - y) / kEdge * 16 + 2);
        const float scroll = std::clamp(ImGui::GetScrollY() + step, 0.0f, ImGui::GetScrollMaxY());
        if (scroll != ImGui::GetScrollY()) { // at the end of the page there is nothing to animate
            ImGui::SetScrollY(scroll);
            keep_animating();
        }
    }

    // Keyboard: select, move, put at a place, expand.
    // A selection changed by key is scrolled into view (next frame, where its card is drawn);
    // a pointer selects or moves what it can already see.
    const int selected_before = view.selected_position;
    bool by_key = false;
    if (shortcut_pressed(kKeyUp) || shortcut_pressed('K'))
        view.selected_position = std::max(0, view.selected_position - 1), by_key = true;
    if (shortcut_pressed(kKeyDown) || shortcut_pressed('J'))
        view.selected_position = std::min(count - 1, view.selected_position + 1), by_key = true;
    if (shift_shortcut_pressed(kKeyUp) && view.selected_position > 0)
        move_from = view.selected_position, move_to = view.selected_position - 1, by_key = true;
    if (shift_shortcut_pressed(kKeyDown) && view.selected_position + 1 < count)
        move_from = view.selected_position, move_to = view.selected_position + 1, by_key = true;
    for (int place = 1; place <= std::min(count, 9); ++place)
        if (shortcut_pressed('0' + place))
            move_from = view.selected_position, move_to = place - 1, by_key = true;
    if (shortcut_pressed('E') && count > 0) {
        const int reply = order[static_cast<std::size_t>(view.selected_position)];
        if (!view.expanded.erase(reply)) view.expanded.insert(reply);
    }
    if (move_from >= 0 && move_to >= 0 && move_from != move_to) {
        app.move_reply(static_cast<std::size_t>(move_from), static_cast<std::size_t>(move_to));
        if (view.dragging == move_from) view.dragging = move_to;
        view.selected_position = move_to;
    }
    if (by_key && view.selected_position != selected_before) view.reveal_selected = true;
    widgets().set_number("rank_selected", view.selected_position + 1);

    ImGui::Dummy(ImVec2(0, 4));
    bool not_rankable = t.draft.not_rankable;
    if (choice_button(not_rankable ? tr("ranking.not_rankable_selected")
                                   : tr("ranking.not_rankable"),
                      "not_rankable", not_rankable))
        app.set_not_rankable(!not_rankable);
    if (ImGui::IsItemHovered()) tooltip_text(tr("ranking.not_rankable_help"));
}

} // namespace orchard::ui

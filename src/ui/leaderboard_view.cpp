#include "ui/leaderboard_view.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// What an empty board says: nobody is on it yet, and how to be the first.
const char* empty_board_text(protocol::TimeFrame frame) {
    switch (frame) {
    case protocol::TimeFrame::Day:
        return tr("leaderboard.empty_today");
    case protocol::TimeFrame::Week:
        return tr("leaderboard.empty_week");
    case protocol::TimeFrame::Month:
        return tr("leaderboard.empty_month");
    case protocol::TimeFrame::Total:
        break;
    }
    return tr("leaderboard.empty_total");
}

// "You are 12th of 40 this week with 42 points", from the person's own stats.
std::string my_standing(const client::AppState& state, protocol::TimeFrame frame) {
    if (!state.rewards.stats) return {};
    const auto& mine = state.rewards.stats->in(frame);
    if (!mine.rank) return tr("leaderboard.not_on_board");
    return tr("leaderboard.my_standing",
              {{"rank", i18n::active().number(static_cast<double>(*mine.rank))},
               {"points", points_text(mine.leader_score)}});
}

} // namespace

void draw_leaderboard(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    const auto& board = state.leaderboard;
    const Column column = content_column(input.compact, 820);

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("leaderboard.title"), input.compact);
    muted_text(tr("leaderboard.intro"));

    move_to(column, 8);
    protocol::TimeFrame frame = board.frame;
    if (frame_tabs(frame, column.width, input.compact)) app.set_leaderboard_frame(frame, input.now);

    move_to(column, 8);
    // An empty board says it in its card; the person's standing would only repeat it.
    const bool empty_board = board.page && board.page->rows.empty() && board.problem.empty();
    const std::string standing = empty_board ? "" : my_standing(state, board.frame);
    if (!standing.empty()) {
        wrapped_text(fonts().strong, current_palette().text, standing.c_str());
        widgets().track("my_standing", standing);
    }

    move_to(column, 4);
    // Rows run almost edge to edge; a message gets a card's usual padding.
    const bool has_rows = board.problem.empty() && board.page && !board.page->rows.empty();
    const float padding = has_rows ? (input.compact ? 8 : 16) : (input.compact ? 20 : 24);
    begin_card(column.width, padding);
    if (!board.problem.empty()) {
        problem_text(board.problem.c_str());
        widgets().track("leaderboard_problem", board.problem);
    } else if (!board.page) {
        muted_text(tr("common.loading"));
    } else if (board.page->rows.empty()) {
        const std::string empty = board.around_me ? std::string(tr("leaderboard.not_on_board"))
                                                  : empty_board_text(board.frame);
        wrapped_text(fonts().body, current_palette().text, empty.c_str());
        widgets().track("leaderboard_empty", empty);
        if (primary_button(tr("leaderboard.find_task"), "leaderboard_find_task",
                           input.compact ? column.width - 2 * padding : 0))
            app.show_screen(client::Screen::Dashboard, input.now);
    } else {
        score_rows(board.page->rows, state.account ? state.account->id : "",
                   column.width - 2 * padding, input.compact, "leaderboard_row");
    }
    end_card();

    // Paging: Previous / Next by twenty, and the window around the person's own rank; nothing
    // to page through on an empty board.
    if (empty_board && !board.around_me) {
        ImGui::Dummy(ImVec2(column.width, 40));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return;
    }
    move_to(column, 12);
    const bool has_page = board.page.has_value();
    const long long total = has_page ? board.page->total_count : 0;
    const bool can_previous = board.around_me || board.offset > 0;
    const bool can_next =
        !board.around_me && has_page && board.offset + client::kLeaderboardPageSize < total;
    const float gap = 12;
    const float button_w =
        input.compact ? (column.width - gap) / 2 : button_width(tr("leaderboard.show_my_position"));
    const bool previous = disabled_if(!can_previous, [&] {
        return secondary_button(board.around_me ? tr("leaderboard.back_to_list")
                                                : tr("leaderboard.previous"),
                                "leaderboard_previous", button_w);
    });
    if (previous && can_previous) app.leaderboard_page(board.around_me ? 0 : -1, input.now);
    ImGui::SameLine(0, gap);
    const bool next = disabled_if(!can_next, [&] {
        return secondary_button(tr("leaderboard.next"), "leaderboard_next", button_w);
    });
    if (next && can_next) app.leaderboard_page(1, input.now);
    if (input.compact)
        move_to(column, 0);
    else
        ImGui::SameLine(0, gap);
    if (primary_button(board.around_me ? tr("leaderboard.showing_my_position")
                                       : tr("leaderboard.show_my_position"),
                       "leaderboard_mine", input.compact ? column.width : button_w + 40))
        app.show_my_position(input.now);
    if (has_page && !board.around_me && total > 0) {
        const long long last = std::min(total, board.offset + client::kLeaderboardPageSize);
        const auto& words = i18n::active();
        const std::string range =
            tr("leaderboard.range", {{"first", words.number(static_cast<double>(board.offset + 1))},
                                     {"last", words.number(static_cast<double>(last))},
                                     {"total", words.number(static_cast<double>(total))}});
        move_to(column, 0);
        muted_text(range.c_str());
        widgets().track("leaderboard_range", range);
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

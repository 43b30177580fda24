#include "ui/prizes_view.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

void draw_prize(const protocol::Prize& prize, const std::string& id, float width, bool compact) {
    const Palette& p = current_palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, compact ? 20 : 24);
    heading_text(prize.title.c_str());
    const std::string when = tr_count("prizes.when", static_cast<double>(prize.winners_count),
                                      {{"start", i18n::active().date(prize.starts_at)},
                                       {"end", i18n::active().date(prize.ends_at)}});
    wrapped_text(fonts().small, p.text_muted, when.c_str());
    if (!prize.description.empty()) wrapped_text(fonts().body, p.text, prize.description.c_str());
    if (prize.awarded) {
        if (prize.winners.empty()) muted_text(tr("prizes.no_winners"));
        for (const auto& winner : prize.winners) {
            const std::string line =
                tr("prizes.winner",
                   {{"place", i18n::active().number(static_cast<double>(winner.place))},
                    {"name", winner.display_name},
                    {"points", points_text(winner.score)}});
            wrapped_text(winner.place == 1 ? fonts().strong : fonts().body, p.text, line.c_str());
        }
    } else {
        muted_text(tr("prizes.how_to_win"));
    }
    end_card();
    widgets().track_rect(id, top, ImGui::GetItemRectMax(), prize.title);
}

} // namespace

void draw_prizes(const ScreenInput& input) {
    const auto& state = input.app.state().prizes;
    const Column column = content_column(input.compact, 820);

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("prizes.title"), input.compact);
    if (!state.problem.empty()) problem_text(state.problem.c_str());
    if (!state.prizes) {
        muted_text(tr("common.loading"));
    } else {
        move_to(column, 8);
        heading_text(tr("prizes.now"));
        if (state.prizes->current.empty()) muted_text(tr("prizes.none_running"));
        int index = 0;
        for (const auto& prize : state.prizes->current) {
            move_to(column, 8);
            draw_prize(prize, "prize_current_" + std::to_string(index++), column.width,
                       input.compact);
        }
        if (!state.prizes->past.empty()) {
            move_to(column, 24);
            heading_text(tr("prizes.past"));
            index = 0;
            for (const auto& prize : state.prizes->past) {
                move_to(column, 8);
                draw_prize(prize, "prize_past_" + std::to_string(index++), column.width,
                           input.compact);
            }
        }
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

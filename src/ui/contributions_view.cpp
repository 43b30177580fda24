#include "ui/contributions_view.h"

#include "i18n/translator.h"
#include "protocol/text.h"

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

// The first lines of a message: up to 280 bytes.
std::string excerpt(const std::string& text) {
    return protocol::excerpt(text, 280);
}

void draw_contribution(const protocol::Contribution& c, int index, float width, bool compact) {
    const Palette& p = current_palette();
    const float padding = compact ? 16 : 20;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, padding);
    const bool prompt = c.parent_id.empty() && c.role == "prompter";
    const char* what = prompt                  ? tr("contributions.kind.prompt")
                       : c.role == "assistant" ? tr("contributions.kind.assistant_reply")
                                               : tr("contributions.kind.user_reply");
    // The kind and, on the same baseline, the date in smaller type.
    auto ascent = [](ImFont* font) {
        ImGui::PushFont(font);
        const float a = font->Ascent * ImGui::GetFontSize() / font->FontSize;
        ImGui::PopFont();
        return a;
    };
    ImGui::PushFont(fonts().strong);
    text::unformatted(what);
    ImGui::PopFont();
    ImGui::SameLine(0, 12);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ascent(fonts().strong) - ascent(fonts().small));
    const std::string date = i18n::active().date(c.created_date);
    wrapped_text(fonts().small, p.text_muted, date.c_str());
    const std::string shown = c.deleted ? tr("contributions.deleted") : excerpt(c.text);
    wrapped_text(fonts().body, c.deleted ? p.text_muted : p.text, shown.c_str());
    // Review, rank and replies as badges in one line.
    const ImVec4 review_colour = c.review_result == "accepted"   ? p.success
                                 : c.review_result == "rejected" ? p.danger
                                                                 : p.warning;
    const std::string review = c.review_result == "accepted" ? tr("contributions.review.accepted")
                               : c.review_result == "rejected"
                                   ? tr("contributions.review.rejected")
                                   : tr("contributions.review.in_review");
    badge(review.c_str(), review_colour);
    std::string status = review;
    if (c.rank) {
        ImGui::SameLine(0, 8);
        const std::string rank =
            tr("contributions.ranked",
               {{"rank", i18n::active().number(static_cast<double>(*c.rank + 1))}});
        badge(rank.c_str(), p.accent);
        status += ", " + rank;
    }
    ImGui::SameLine(0, 8);
    const std::string replies = tr_count("contributions.replies", static_cast<double>(c.replies));
    badge(replies.c_str(), p.text_muted);
    status += ", " + replies;
    end_card();
    widgets().track_rect("contribution_" + std::to_string(index), top, ImGui::GetItemRectMax(),
                         std::string(what) + ": " + status);
}

} // namespace

void draw_contributions(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& c = app.state().contributions;
    const Column column = content_column(input.compact, 820);

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("contributions.title"), input.compact);
    muted_text(tr("contributions.intro"));
    if (!c.problem.empty()) problem_text(c.problem.c_str());

    if (!c.loaded) {
        move_to(column, 8);
        muted_text(tr("common.loading"));
    } else if (c.items.empty()) {
        move_to(column, 8);
        muted_text(tr("contributions.empty"));
    }
    int index = 0;
    for (const auto& item : c.items) {
        move_to(column, index == 0 ? 12 : 12);
        draw_contribution(item, index, column.width, input.compact);
        ++index;
    }
    if (c.next) {
        move_to(column, 12);
        if (secondary_button(c.loading_more ? tr("common.loading") : tr("contributions.show_older"),
                             "contributions_more"))
            app.load_more_contributions(input.now);
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

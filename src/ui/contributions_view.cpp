#include "ui/contributions_view.h"

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
    const char* what = prompt ? "Prompt" : c.role == "assistant" ? "Assistant reply" : "User reply";
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
    const std::string date = protocol::short_date(c.created_date);
    wrapped_text(fonts().small, p.text_muted, date.c_str());
    const std::string shown = c.deleted ? "(deleted)" : excerpt(c.text);
    wrapped_text(fonts().body, c.deleted ? p.text_muted : p.text, shown.c_str());
    // Review, rank and replies as badges in one line.
    const ImVec4 review_colour = c.review_result == "accepted"   ? p.success
                                 : c.review_result == "rejected" ? p.danger
                                                                 : p.warning;
    const std::string review = c.review_result == "accepted"   ? "Accepted"
                               : c.review_result == "rejected" ? "Not accepted"
                                                               : "In review";
    badge(review.c_str(), review_colour);
    std::string status = review;
    if (c.rank) {
        ImGui::SameLine(0, 8);
        const std::string rank = "Ranked " + std::to_string(*c.rank + 1);
        badge(rank.c_str(), p.accent);
        status += ", " + rank;
    }
    ImGui::SameLine(0, 8);
    const std::string replies =
        std::to_string(c.replies) + (c.replies == 1 ? " reply" : " replies");
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
    ImGui::PushFont(input.compact ? fonts().heading : fonts().title);
    text::wrapped("My contributions");
    ImGui::PopFont();
    muted_text("What you wrote, newest first, and how others received it.");
    if (!c.problem.empty()) problem_text(c.problem.c_str());

    if (!c.loaded) {
        move_to(column, 8);
        muted_text("Loading…");
    } else if (c.items.empty()) {
        move_to(column, 8);
        muted_text("Nothing yet. Prompts and replies you write appear here.");
    }
    int index = 0;
    for (const auto& item : c.items) {
        move_to(column, index == 0 ? 12 : 12);
        draw_contribution(item, index, column.width, input.compact);
        ++index;
    }
    if (c.next) {
        move_to(column, 12);
        if (secondary_button(c.loading_more ? "Loading…" : "Show older", "contributions_more"))
            app.load_more_contributions(input.now);
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

#include "ui/profile_view.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// Points in each time frame, with the rank there: four tiles, two by two on phones.
void draw_frame_tiles(const protocol::UserStats& stats, float width, bool compact) {
    const Palette& p = current_palette();
    const float gap = 12;
    const int per_row = compact ? 2 : 4;
    const float tile_w =
        (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    const float left = ImGui::GetCursorScreenPos().x;
    float top = ImGui::GetCursorScreenPos().y;
    float bottom = top;
    int index = 0;
    for (auto frame : protocol::kAllTimeFrames) {
        const int col = index % per_row;
        if (col == 0 && index > 0) top = bottom + gap;
        ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(col) * (tile_w + gap), top));
        const auto& score = stats.in(frame);
        begin_card(tile_w, 16);
        wrapped_text(fonts().small, p.text_muted, frame_title(frame));
        ImGui::PushFont(fonts().heading);
        text::unformatted(std::to_string(score.leader_score).c_str());
        ImGui::PopFont();
        const std::string rank =
            score.rank ? tr("profile.rank",
                            {{"rank", i18n::active().number(static_cast<double>(*score.rank))}})
                       : std::string(tr("profile.no_rank"));
        wrapped_text(fonts().small, p.text_muted, rank.c_str());
        end_card();
        widgets().track_rect(std::string("points_") + protocol::to_string(frame),
                             ImVec2(left + static_cast<float>(col) * (tile_w + gap), top),
                             ImVec2(left + static_cast<float>(col) * (tile_w + gap) + tile_w,
                                    ImGui::GetItemRectMax().y),
                             std::to_string(score.leader_score));
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
        ++index;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, bottom));
    ImGui::Dummy(ImVec2(width, 0));
}

// "12 Apr" from "2024-04-12".
std::string day_label(const std::string& date) {
    const std::string full = i18n::active().date(date);
    const auto space = full.rfind(' ');
    return space == std::string::npos ? full : full.substr(0, space);
}

// Points per day as bars over the last 30 days, with a labelled axis.
void draw_activity_chart(const std::vector<protocol::ActivityDay>& days, float width) {
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    double top_value = 0, sum = 0;
    for (const auto& day : days) {
        top_value = std::max(top_value, day.points);
        sum += day.points;
    }
    // A round top for the axis: 1, 2, 5, 10, 20, 50, ...
    double axis_max = 1;
    for (double step = 1; axis_max < top_value; step *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            axis_max = m * step;
            if (axis_max >= top_value) break;
        }
    }
    ImGui::PushFont(fonts().small);
    const float label_h = ImGui::GetFontSize();
    // The axis labels: the top, the middle and the baseline ("5", "2.5", "0"); the axis is as
    // wide as the widest, so that none reaches past the card's padding.
    std::string axis_labels[3];
    float axis_w = 0;
    for (int i = 0; i <= 2; ++i) {
        const double value = axis_max * (2 - i) / 2;
        char text[32];
        std::snprintf(text, sizeof text, value == std::floor(value) ? "%.0f" : "%.1f", value);
        axis_labels[i] = text;
        axis_w = std::max(axis_w, text::width(text) + 10);
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float plot_h = 150;
    const float plot_top = at.y + label_h / 2;
    const float plot_x = at.x + axis_w;
    const float plot_w = width - axis_w;
    const float base = plot_top + plot_h;
    // Grid: the top, the middle and the baseline, labelled.
    for (int i = 0; i <= 2; ++i) {
        const float gy = plot_top + plot_h * static_cast<float>(i) / 2;
        draw->AddLine(ImVec2(plot_x, gy), ImVec2(plot_x + plot_w, gy), to_u32(p.border));
        const char* text = axis_labels[i].c_str();
        const float tw = text::width(text);
        text::draw(draw, ImVec2(plot_x - 10 - tw, gy - label_h / 2), to_u32(p.text_muted), text);
    }
    // No points in the whole window: say so in the empty plot rather than show bare lines.
    if (sum <= 0) {
        ImGui::PushFont(fonts().body);
        const char* empty = tr("profile.chart.empty");
        const ImVec2 size = text::size(empty, plot_w - 24);
        const ImVec2 centre(plot_x + plot_w / 2, plot_top + plot_h / 4); // between two lines
        const ImVec2 text_at(centre.x - size.x / 2, centre.y - size.y / 2);
        text::draw(draw, text_at, to_u32(p.text_muted), empty, plot_w - 24);
        ImGui::PopFont();
        widgets().track_rect("activity_empty", text_at,
                             ImVec2(text_at.x + size.x, text_at.y + size.y), empty);
    }
    const std::size_t n = std::max<std::size_t>(days.size(), 1);
    const float slot = plot_w / static_cast<float>(n);
    const float bar_w = std::max(2.0f, slot * 0.7f);
    for (std::size_t i = 0; i < days.size(); ++i) {
        const float h = static_cast<float>(days[i].points / axis_max) * plot_h;
        if (h <= 0) continue;
        const float x = plot_x + slot * static_cast<float>(i) + (slot - bar_w) / 2;
        draw->AddRectFilled(ImVec2(x, base - std::max(h, 2.0f)), ImVec2(x + bar_w, base),
                            to_u32(i + 1 == days.size() ? p.accent_hover : p.accent), 3,
                            ImDrawFlags_RoundCornersTop);
    }
    // Dates under the first, middle and last bars.
    if (!days.empty()) {
        const std::size_t marks[] = {0, days.size() / 2, days.size() - 1};
        for (std::size_t k = 0; k < 3; ++k) {
            const std::size_t i = marks[k];
            const std::string text = k == 2 ? tr("profile.chart.today") : day_label(days[i].date);
            const float tw = text::width(text.c_str());
            float x = plot_x + slot * (static_cast<float>(i) + 0.5f) - tw / 2;
            x = std::clamp(x, plot_x, plot_x + plot_w - tw);
            text::draw(draw, ImVec2(x, base + 6), to_u32(p.text_muted), text.c_str());
        }
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, plot_h + label_h * 2 + 8));
    char summary[64];
    std::snprintf(summary, sizeof summary, "%zu days, %.1f points", days.size(), sum);
    widgets().track_rect("activity_chart", at, ImVec2(at.x + width, base), summary);
}

void draw_ledger(client::App& app, double now, float width) {
    const auto& profile = app.state().profile;
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (profile.ledger.empty()) {
        muted_text(tr("profile.ledger.empty"));
        return;
    }
    int index = 0;
    for (const auto& entry : profile.ledger) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (index > 0)
            draw->AddLine(ImVec2(at.x, at.y - 6), ImVec2(at.x + width, at.y - 6), to_u32(p.border));
        char points[32];
        std::snprintf(points, sizeof points,
                      entry.points == std::floor(entry.points) ? "+%.0f" : "+%.1f", entry.points);
        ImGui::PushFont(fonts().strong);
        const float points_w = text::width(points);
        text::draw(draw, ImVec2(at.x + width - points_w, at.y), to_u32(p.success), points);
        const std::string what =
            text::fit(client::ledger_kind_text(entry.kind), width - points_w - 16);
        text::unformatted(what.c_str());
        ImGui::PopFont();
        const std::string when = i18n::active().date(entry.created_date);
        wrapped_text(fonts().small, p.text_muted, when.c_str());
        widgets().track_rect("ledger_" + std::to_string(index), at,
                             ImVec2(at.x + width, ImGui::GetItemRectMax().y),
                             client::ledger_kind_text(entry.kind) + " " + points);
        ImGui::Dummy(ImVec2(width, 4));
        ++index;
    }
    if (profile.ledger_next) {
        if (secondary_button(profile.loading_more ? tr("common.loading")
                                                  : tr("profile.ledger.show_older"),
                             "ledger_more"))
            app.load_more_ledger(now);
    }
}

} // namespace

void draw_profile(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    const Palette& p = current_palette();
    const Column column = content_column(input.compact, 820);
    const float padding = input.compact ? 20 : 24;

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(state.account ? state.account->display_name.c_str() : tr("profile.title"),
               input.compact);
    if (!state.profile.problem.empty()) problem_text(state.profile.problem.c_str());

    move_to(column, 8);
    if (!state.rewards.stats) {
        muted_text(tr("common.loading"));
    } else {
        const auto& stats = *state.rewards.stats;
        begin_card(column.width, padding);
        level_bar(stats.total, column.width - 2 * padding, "profile_level");
        const std::string line =
            tr("profile.summary", {{"points", points_text(stats.total.leader_score)},
                                   {"streak", streak_text(stats.total.streak_days)}});
        wrapped_text(fonts().body, p.text_muted, line.c_str());
        widgets().track("profile_total", std::to_string(stats.total.leader_score));
        end_card();
        move_to(column, 12);
        draw_frame_tiles(stats, column.width, input.compact);
    }

    move_to(column, 16);
    begin_card(column.width, padding);
    heading_text(tr("profile.chart.title"));
    muted_text(tr("profile.chart.intro"));
    ImGui::Dummy(ImVec2(0, 4));
    draw_activity_chart(state.profile.activity, column.width - 2 * padding);
    end_card();

    move_to(column, 16);
    begin_card(column.width, padding);
    heading_text(tr("profile.ledger.title"));
    if (!state.profile.loaded)
        muted_text(tr("common.loading"));
    else
        draw_ledger(app, input.now, column.width - 2 * padding);
    end_card();

    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

#include "ui/rewards_widgets.h"

#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

std::string points_text(long long points) {
    return tr_count("rewards.points", static_cast<double>(points));
}

std::string points_text(double points) {
    if (std::fabs(points - std::round(points)) < 1e-9)
        return points_text(static_cast<long long>(std::llround(points)));
    // A fraction of a point shows with one decimal: "2.5 points".
    return tr_count("rewards.points", std::round(points * 10) / 10);
}

const char* frame_title(protocol::TimeFrame frame) {
    switch (frame) {
    case protocol::TimeFrame::Day:
        return tr("rewards.frame.today");
    case protocol::TimeFrame::Week:
        return tr("rewards.frame.this_week");
    case protocol::TimeFrame::Month:
        return tr("rewards.frame.this_month");
    case protocol::TimeFrame::Total:
        break;
    }
    return tr("rewards.frame.all_time");
}

std::string streak_text(int days) {
    if (days <= 0) return tr("rewards.no_streak");
    return tr_count("rewards.streak", static_cast<double>(days));
}

void level_bar(const protocol::UserScore& total, float width, const char* id) {
    const Palette& p = current_palette();
    const auto& words = i18n::active();
    const std::string level =
        tr("rewards.level", {{"level", words.number(static_cast<double>(total.level))}});
    std::string detail;
    if (total.level_next_score)
        detail = tr_count("rewards.points_to_level",
                          static_cast<double>(*total.level_next_score - total.leader_score),
                          {{"level", words.number(static_cast<double>(total.level + 1))}});
    else
        detail = tr("rewards.highest_level");
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts().heading);
    text::unformatted(level.c_str());
    const float level_h = ImGui::GetFontSize();
    const float level_w = text::width(level);
    ImGui::PopFont();
    ImGui::PushFont(fonts().body);
    const float detail_w = text::width(detail.c_str());
    if (level_w + 16 + detail_w <= width) {
        // Beside the level, at the right edge.
        text::draw(ImGui::GetWindowDrawList(),
                   ImVec2(at.x + width - detail_w, at.y + (level_h - ImGui::GetFontSize()) / 2 + 2),
                   to_u32(p.text_muted), detail.c_str());
    } else {
        // A longer language or a narrow card: under it, where it has the whole width.
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text::wrapped(detail);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    const ImVec2 bar(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + 2);
    const float h = 12;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bar, ImVec2(bar.x + width, bar.y + h), to_u32(p.surface_alt), h / 2);
    const float fraction = static_cast<float>(protocol::level_progress(total));
    if (fraction > 0)
        draw->AddRectFilled(bar, ImVec2(bar.x + std::max(h, width * fraction), bar.y + h),
                            to_u32(p.accent), h / 2);
    ImGui::Dummy(ImVec2(width, h + 4));
    widgets().track_rect(id, at, ImVec2(at.x + width, bar.y + h), level + ", " + detail);
}

void score_rows(const std::vector<protocol::UserScore>& rows, const std::string& my_id, float width,
                bool compact, const char* id_prefix) {
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float row_h = 48;
    // Rank, name, level and points; narrow lists (phones, the dashboard's half-width card)
    // leave the level out so that names keep their room.
    const float rank_w = compact ? 44 : 56;
    const float level_w = compact || width < 560 ? 0 : 88;
    const float score_w = 80;
    const float pad = 12;
    // Column names over the rows, in the columns' own alignment.
    if (!rows.empty()) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushFont(fonts().small);
        const float header_h = ImGui::GetFontSize();
        const float y = at.y;
        const ImU32 colour = to_u32(p.text_muted);
        text::draw(draw, ImVec2(at.x + pad, y), colour, tr("rewards.column.rank"));
        text::draw(draw, ImVec2(at.x + pad + rank_w, y), colour, tr("rewards.column.name"));
        if (level_w > 0)
            text::draw(draw, ImVec2(at.x + width - pad - score_w - level_w, y), colour,
                       tr("rewards.column.level"));
        const char* points_header = tr("rewards.column.points");
        const float points_w = text::width(points_header);
        text::draw(draw, ImVec2(at.x + width - pad - points_w, y), colour, points_header);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(width, header_h));
    }
    int index = 0;
    for (const auto& row : rows) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool mine = row.highlighted || (!my_id.empty() && row.user_id == my_id);
        if (mine) {
            ImVec4 tint = p.accent;
            tint.w = 0.14f;
            draw->AddRectFilled(at, ImVec2(at.x + width, at.y + row_h), to_u32(tint), 8);
        } else if (index > 0) {
            draw->AddLine(ImVec2(at.x + 8, at.y), ImVec2(at.x + width - 8, at.y), to_u32(p.border));
        }
        ImGui::PushFont(fonts().strong);
        const float y = at.y + (row_h - ImGui::GetFontSize()) / 2;
        const std::string rank = row.rank ? std::to_string(*row.rank) : "–";
        text::draw(draw, ImVec2(at.x + pad, y), to_u32(mine ? p.accent : p.text_muted),
                   rank.c_str());
        const std::string score = std::to_string(row.leader_score);
        const float score_text_w = text::width(score.c_str());
        text::draw(draw, ImVec2(at.x + width - pad - score_text_w, y), to_u32(p.text),
                   score.c_str());
        ImGui::PopFont();
        ImGui::PushFont(mine ? fonts().strong : fonts().body);
        const float name_w = width - 2 * pad - rank_w - level_w - score_w;
        const std::string name = text::fit(
            mine ? tr("rewards.you", {{"name", row.display_name}}) : row.display_name, name_w);
        text::draw(draw, ImVec2(at.x + pad + rank_w, y), to_u32(p.text), name.c_str());
        ImGui::PopFont();
        if (level_w > 0) {
            ImGui::PushFont(fonts().body);
            const std::string level = std::to_string(row.level);
            text::draw(draw, ImVec2(at.x + width - pad - score_w - level_w, y),
                       to_u32(p.text_muted), level.c_str());
            ImGui::PopFont();
        }
        ImGui::Dummy(ImVec2(width, row_h));
        widgets().track(std::string(id_prefix) + "_" + std::to_string(index),
                        rank + ". " + row.display_name + ": " + score);
        ++index;
    }
}

bool frame_tabs(protocol::TimeFrame& frame, float width, bool compact) {
    bool changed = false;
    const float gap = 8;
    // Four equal tabs in a row; two rows of two at phone width, where the names would not fit.
    const int per_row = compact ? 2 : 4;
    const float tab_w =
        (width - static_cast<float>(per_row - 1) * gap) / static_cast<float>(per_row);
    const float left = ImGui::GetCursorScreenPos().x;
    int index = 0;
    for (auto f : protocol::kAllTimeFrames) {
        if (index % per_row != 0)
            ImGui::SameLine(0, gap);
        else if (index > 0)
            ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y - 4));
        ++index;
        const std::string id = std::string("frame_") + protocol::to_string(f);
        if (choice_button(frame_title(f), id.c_str(), f == frame, tab_w) && f != frame) {
            frame = f;
            changed = true;
        }
    }
    return changed;
}

void badge(const char* text, const ImVec4& colour) {
    ImGui::PushFont(fonts().small);
    const ImVec2 size = text::size(text);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 pad(10, 4);
    ImVec4 fill = colour;
    fill.w = 0.15f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x + 2 * pad.x, at.y + size.y + 2 * pad.y),
                        to_u32(fill), (size.y + 2 * pad.y) / 2);
    text::draw(draw, ImVec2(at.x + pad.x, at.y + pad.y), to_u32(colour), text);
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
    ImGui::PopFont();
}

} // namespace orchard::ui

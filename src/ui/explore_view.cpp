#include "ui/explore_view.h"

#include "client/explore_tree.h"
#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "protocol/rewards.h"
#include "protocol/text.h"
#include "ui/animation.h"
#include "ui/conversation_view.h"
#include "ui/explore_moderation.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/label_questions.h"
#include "ui/layout.h"
#include "ui/markdown_document.h"
#include "ui/marked_text.h"
#include "ui/report_form.h"
#include "ui/rewards_widgets.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

constexpr float kRowHeight = kTouchTarget;
constexpr float kIndent = 18;

// A whole number in the language's digits, for a sentence.
std::string number_text(long long n) {
    return i18n::active().number(static_cast<double>(n));
}

const char* role_name(const std::string& role, bool prompt) {
    if (prompt) return tr("explore.role.prompt");
    return role == "assistant" ? tr("explore.role.assistant") : tr("explore.role.user");
}

// A message's text as a row shows it: plain (no Markdown marks) on one line, kept by message id
// so that a tree's rows are not parsed again every frame.
const std::string& one_line(const std::string& id, const std::string& text) {
    static std::unordered_map<std::string, std::string> lines;
    if (lines.size() > 2000) lines.clear();
    auto found = lines.find(id);
    if (found == lines.end())
        found = lines.emplace(id, protocol::excerpt(markdown::plain_line(text), 400)).first;
    return found->second;
}

std::string review_name(const std::optional<bool>& result) {
    if (!result) return tr("explore.review.in_review");
    return *result ? tr("explore.review.accepted") : tr("explore.review.not_accepted");
}

void draw_search_row(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const char* search = tr("explore.search.button");
    const float button_w = button_width(search);
    ImGui::PushID("explore_search_row");
    const auto field =
        text_field("explore_search", app.forms().explore.query, ImVec2(width - button_w - 10, 0),
                   {.kind = TextFieldKind::SingleLine,
                    .placeholder = tr("explore.search.placeholder"),
                    .max_chars = 200,
                    .label = tr("explore.search.placeholder")});
    ImGui::PopID();
    ImGui::SameLine(0, 10);
    if (primary_button(search, "explore_search_button", button_w) || field.submit)
        app.search_explorer(input.now);
}

void draw_hit(client::App& app, double now, const protocol::SearchHit& hit, int index, float width,
              bool compact) {
    const Palette& p = current_palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, compact ? 14 : 18);
    const std::string what =
        tr("explore.hit_line", {{"role", role_name(hit.role, false)},
                                {"lang", hit.lang},
                                {"date", i18n::active().date(hit.created_date)}});
    wrapped_text(fonts().small, p.text_muted, what.c_str());
    {
        const text::LanguageScope language(hit.lang);
        marked_text(hit.excerpt, fonts().body, width - (compact ? 28 : 36));
    }
    std::string text;
    for (const auto& segment : hit.excerpt)
        text += segment.text;
    if (end_clickable_card("explore_hit_" + std::to_string(index), top, width, text))
        app.open_tree(hit.message_id, now);
}

void draw_tree_card(client::App& app, double now, const protocol::TreeCard& card, int index,
                    float width, bool compact) {
    const Palette& p = current_palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, compact ? 14 : 18);
    const std::string what =
        tr_count("explore.tree_card_line", static_cast<double>(card.message_count),
                 {{"state", client::tree_state_name(card.state)},
                  {"date", i18n::active().date(card.created_date)}});
    wrapped_text(fonts().small, p.text_muted, what.c_str());
    {
        const text::LanguageScope language(card.lang);
        wrapped_text(fonts().body, p.text, protocol::excerpt(card.prompt_excerpt, 300).c_str());
    }
    if (end_clickable_card("explore_tree_" + std::to_string(index), top, width,
                           card.prompt_excerpt))
        app.open_tree(card.message_tree_id, now);
}

void draw_list(const ScreenInput& input, const Column& column) {
    client::App& app = input.app;
    const auto& e = app.state().explore;
    move_to(column, 16);
    const std::string heading = e.searched.empty()
                                    ? std::string(tr("explore.list.newest"))
                                    : tr("explore.list.search_results", {{"words", e.searched}});
    heading_text(heading.c_str());
    if (!e.loaded) {
        muted_text(tr("common.loading"));
        return;
    }
    if (e.searched.empty() ? e.trees.empty() : e.hits.empty())
        muted_text(e.searched.empty() ? tr("explore.list.no_conversations")
                                      : tr("explore.list.no_hits"));
    int index = 0;
    for (const auto& hit : e.hits) {
        move_to(column, 10);
        draw_hit(app, input.now, hit, index++, column.width, input.compact);
    }
    index = 0;
    for (const auto& card : e.trees) {
        move_to(column, 10);
        draw_tree_card(app, input.now, card, index++, column.width, input.compact);
    }
    if (e.next) {
        move_to(column, 12);
        if (secondary_button(e.loading ? tr("common.loading") : tr("explore.list.show_more"),
                             "explore_more"))
            app.load_more_explorer(input.now);
    }
}

// One line of the tree: the toggle for its replies, who speaks, the start of the text, and its
// rank and review; the path to the chosen message on a tinted background.
void draw_tree_row(client::App& app, double now, const protocol::TreeMessage& message,
                   const client::TreeRow& row, int index, float width, bool compact, bool chosen) {
    const Palette& p = current_palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float indent = kIndent * static_cast<float>(std::min(row.depth, compact ? 5 : 10));
    if (row.on_path) {
        ImVec4 tint = p.accent;
        tint.w = chosen ? 0.24f : 0.10f;
        draw->AddRectFilled(top, ImVec2(top.x + width, top.y + kRowHeight), to_u32(tint), 6);
        draw->AddRectFilled(ImVec2(top.x + indent, top.y + 6),
                            ImVec2(top.x + indent + 3, top.y + kRowHeight - 6), to_u32(p.accent),
                            2);
    }
    float x = top.x + indent + 8;
    const std::string id = "tree_row_" + std::to_string(index);
    if (row.replies > 0) {
        const std::string toggle_id = "tree_toggle_" + std::to_string(index);
        ImGui::SetCursorScreenPos(ImVec2(x, top.y));
        ImGui::PushID(toggle_id.c_str());
        bool pressed = ImGui::InvisibleButton("##toggle", ImVec2(32, kRowHeight));
        ImGui::PopID();
        pressed |= keyboard_control(toggle_id.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // A drawn triangle: right when the replies are hidden, down when shown.
        const ImVec2 c(x + 14, top.y + kRowHeight / 2);
        if (row.collapsed)
            draw->AddTriangleFilled(ImVec2(c.x - 4, c.y - 6), ImVec2(c.x - 4, c.y + 6),
                                    ImVec2(c.x + 5, c.y), to_u32(p.text_muted));
        else
            draw->AddTriangleFilled(ImVec2(c.x - 6, c.y - 4), ImVec2(c.x + 6, c.y - 4),
                                    ImVec2(c.x, c.y + 5), to_u32(p.text_muted));
        const std::string what =
            row.collapsed ? tr_count("explore.tree.show_replies", static_cast<double>(row.replies))
                          : tr_count("explore.tree.hide_replies", static_cast<double>(row.replies));
        widgets().track_rect(toggle_id, ImVec2(x, top.y), ImVec2(x + 32, top.y + kRowHeight), what);
        if (pressed) app.toggle_replies(message.message.id);
    }
    x += 34;
    // The rest of the row chooses the message.
    const float right = top.x + width;
    ImGui::SetCursorScreenPos(ImVec2(x, top.y));
    ImGui::PushID(id.c_str());
    bool pressed = ImGui::InvisibleButton("##row", ImVec2(std::max(1.0f, right - x), kRowHeight));
    ImGui::PopID();
    pressed |= keyboard_control(id.c_str());
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    // The rank among siblings, and the review where it is not simply accepted.
    std::string badges;
    if (message.rank) badges = tr("explore.badge.rank", {{"rank", number_text(*message.rank + 1)}});
    // Only moderators are sent deleted messages: marked, whatever else the row says.
    if (message.deleted) badges = tr("explore_moderation.deleted_badge");
    if (!message.deleted && message.review_result != std::optional(true)) {
        const char* review = message.review_result ? tr("explore.badge.not_accepted")
                                                   : tr("explore.badge.in_review");
        badges = badges.empty()
                     ? std::string(review)
                     : tr("explore.badge.review_and_rank", {{"review", review}, {"rank", badges}});
    }
    const char* role =
        role_name(message.message.is_assistant ? "assistant" : "prompter", !message.parent_id);
    ImGui::PushFont(fonts().strong);
    const float role_w = text::width(role);
    const float text_y = top.y + (kRowHeight - ImGui::GetFontSize()) / 2;
    text::draw(draw, ImVec2(x, text_y), to_u32(message.message.is_assistant ? p.accent : p.text),
               role);
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    float badge_w = 0;
    if (!badges.empty()) {
        badge_w = text::width(badges.c_str()) + 12;
        const ImVec4 colour = message.deleted                                ? p.danger
                              : message.review_result == std::optional(true) ? p.success
                              : message.review_result                        ? p.danger
                                                                             : p.warning;
        text::draw(draw, ImVec2(right - badge_w, top.y + (kRowHeight - ImGui::GetFontSize()) / 2),
                   to_u32(colour), badges.c_str());
    }
    ImGui::PopFont();
    ImGui::PushFont(fonts().body);
    const float text_x = x + role_w + 10;
    const std::string line = text::fit(one_line(message.message.id, message.message.text),
                                       std::max(0.0f, right - badge_w - text_x - 8));
    text::draw(draw, ImVec2(text_x, top.y + (kRowHeight - ImGui::GetFontSize()) / 2),
               to_u32(hovered || chosen ? p.text : p.text_muted), line.c_str());
    ImGui::PopFont();
    // What the row says to a listener and to tests: who, the text, its badges, its place.
    std::string spoken = badges.empty() ? tr("explore.tree.row", {{"role", role}, {"text", line}})
                                        : tr("explore.tree.row_with_badges",
                                             {{"role", role}, {"text", line}, {"badges", badges}});
    if (row.on_path)
        spoken =
            tr(chosen ? "explore.tree.row_chosen" : "explore.tree.row_on_path", {{"row", spoken}});
    widgets().track_rect(id, top, ImVec2(right, top.y + kRowHeight), spoken);
    if (pressed) app.choose_message(message.message.id, now);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + kRowHeight));
    ImGui::Dummy(ImVec2(width, 2));
}

void label_line(const std::string& name, const protocol::LabelSummary& summary, float width) {
    const Palette& p = current_palette();
    const std::string title = client::label_name(name);
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.2f", summary.value);
    const std::string value = tr_count("explore.details.label_mean",
                                       static_cast<double>(summary.count), {{"mean", mean}});
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts().body);
    const float h = ImGui::GetTextLineHeightWithSpacing();
    const float name_w = std::min(width * 0.4f, 180.0f);
    const float bar_w = std::max(40.0f, width - name_w - 150);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::draw(draw, at, to_u32(p.text), text::fit(title, name_w - 8).c_str());
    const ImVec2 bar(at.x + name_w, at.y + h / 2 - 4);
    draw->AddRectFilled(bar, ImVec2(bar.x + bar_w, bar.y + 8), to_u32(p.surface_alt), 4);
    const float filled = bar_w * static_cast<float>(std::clamp(summary.value, 0.0, 1.0));
    // A mean of 0 is an empty bar (a rounded rectangle 0 px wide would still show a sliver).
    if (filled >= 1)
        draw->AddRectFilled(bar, ImVec2(bar.x + filled, bar.y + 8), to_u32(p.accent), 4);
    ImGui::PopFont();
    ImGui::PushFont(fonts().small);
    text::draw(draw, ImVec2(bar.x + bar_w + 10, at.y + 2), to_u32(p.text_muted), value.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + 2));
    widgets().track_rect("label_mean_" + name, at, ImVec2(at.x + width, at.y + h),
                         title + " " + value);
}

// The chosen message's labeling form: the questions its role takes, Send and Cancel.
void draw_labeling(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& e = app.state().explore;
    const float padding = input.compact ? 14 : 18;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, padding);
    heading_text(tr("explore.labeling.title"));
    muted_text(tr("explore.labeling.intro"));
    draw_label_questions(
        e.labeling->labels(), *e.labeling,
        {.set = [&](const std::string& name, double value) { app.set_explore_label(name, value); },
         .toggle_flag = [&](const std::string& name) { app.toggle_explore_flag(name); }},
        input.view.explained_flag, width - 2 * padding);
    ImGui::Dummy(ImVec2(0, 6));
    const bool send = disabled_if(e.labeling->values().empty() || e.labels_sending, [&] {
        return primary_button(e.labels_sending ? tr("explore.labeling.sending")
                                               : tr("explore.labeling.send"),
                              "labels_send");
    });
    if (send) app.send_explore_labels(input.now);
    ImGui::SameLine(0, 12);
    if (secondary_button(tr("explore.labeling.cancel"), "labels_cancel"))
        app.close_explore_labels();
    end_card();
    widgets().track_rect("labeling_form", top, ImGui::GetItemRectMax());
}

void draw_details(const ScreenInput& input, const protocol::TreeMessage& message, float width) {
    client::App& app = input.app;
    const bool compact = input.compact;
    const Palette& p = current_palette();
    const auto& details = app.state().explore.details;
    const auto result = draw_message_card(
        message.message, {.id = "chosen_message",
                          .width = width,
                          .compact = compact,
                          .highlighted = true,
                          .highlight_label = tr("explore.details.chosen_message")});
    if (!result.react.empty()) app.explore_react(message.message.id, result.react);
    if (result.report) app.forms().report = {message.message.id, -1, {}};
    ImGui::Dummy(ImVec2(0, 6));
    draw_report_form(app, width);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(width, compact ? 14 : 18);
    heading_text(tr("explore.details.title"));
    if (!details || details->message_id != message.message.id) {
        muted_text(tr("common.loading"));
    } else {
        const std::string by = tr("explore.details.written_by",
                                  {{"name", details->author_display_name.empty()
                                                ? std::string(tr("explore.details.someone"))
                                                : details->author_display_name},
                                   {"date", i18n::active().date(details->created_date)},
                                   {"lang", details->lang}});
        wrapped_text(fonts().body, p.text, by.c_str());
        std::string standing =
            tr_count("explore.details.reviews", static_cast<double>(details->review_count),
                     {{"review", review_name(details->review_result)}});
        if (details->rank)
            standing = tr("explore.details.ranked",
                          {{"standing", standing}, {"rank", number_text(*details->rank + 1)}});
        standing =
            tr("explore.details.tree_state",
               {{"standing", standing}, {"state", client::tree_state_name(details->tree_state)}});
        wrapped_text(fonts().small, p.text_muted, standing.c_str());
        ImGui::Dummy(ImVec2(0, 4));
        if (!details->labels_shown) {
            muted_text(tr("explore.details.labels_hidden"));
        } else if (details->labels.empty()) {
            muted_text(tr("explore.details.no_labels"));
        } else {
            for (const auto& [name, summary] : details->labels)
                label_line(name, summary, width - (compact ? 28 : 36));
        }
        if (!details->user_is_author && !app.state().explore.labeling) {
            ImGui::Dummy(ImVec2(0, 4));
            if (secondary_button(tr("explore.details.label_this"), "label_open"))
                app.open_explore_labels(input.now);
        }
    }
    end_card();
    widgets().track_rect("message_details", top, ImGui::GetItemRectMax(),
                         details ? details->author_display_name : "");
    if (app.state().explore.labeling) {
        ImGui::Dummy(ImVec2(0, 6));
        draw_labeling(input, width);
    }
    if (client::is_staff(app.state())) {
        ImGui::Dummy(ImVec2(0, 6));
        draw_explore_moderation(input, message, width);
    }
}

void draw_tree(const ScreenInput& input, const Column& column) {
    client::App& app = input.app;
    const auto& e = app.state().explore;
    move_to(column, 12);
    if (link_button(tr("explore.tree.back"), "explore_back")) {
        app.close_tree();
        return;
    }
    if (!e.tree) {
        muted_text(tr("common.loading"));
        return;
    }
    const auto rows = client::tree_rows(*e.tree, e.chosen_id, e.collapsed);
    move_to(column, 8);
    const std::string title =
        tr_count("explore.tree.title", static_cast<double>(e.tree->messages.size()));
    heading_text(title.c_str());
    move_to(column, 4);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_card(column.width, input.compact ? 8 : 12);
    const float inner = column.width - (input.compact ? 16 : 24);
    int index = 0;
    for (const auto& row : rows) {
        const auto& message = e.tree->messages[row.index];
        const bool chosen = message.message.id == e.chosen_id;
        // A tree opened at a message deep in it shows that message's row, once.
        if (chosen && input.view.explore_revealed_tree != e.opened_trees) {
            input.view.explore_revealed_tree = e.opened_trees;
            const float y = ImGui::GetCursorScreenPos().y;
            const float window_top = ImGui::GetWindowPos().y;
            if (y + kRowHeight > window_top + ImGui::GetWindowHeight() || y < window_top + 64) {
                ImGui::SetScrollHereY(0.35f);
                keep_animating();
            }
        }
        draw_tree_row(app, input.now, message, row, index++, inner, input.compact, chosen);
    }
    end_card();
    widgets().track_rect("explore_tree", top, ImGui::GetItemRectMax(), e.tree->message_tree_id);
    for (const auto& message : e.tree->messages)
        if (message.message.id == e.chosen_id) {
            move_to(column, 16);
            ImGui::BeginGroup();
            draw_details(input, message, column.width);
            ImGui::EndGroup();
        }
}

} // namespace

void draw_explore(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    const auto& e = state.explore;
    const Column column = content_column(input.compact, 860);

    move_to(column, input.compact ? 16 : 32);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    page_title(tr("explore.title"), input.compact);
    muted_text(tr("explore.intro"));
    if (client::is_admin(state)) {
        if (link_button(tr("explore.open_datasets"), "open_datasets"))
            app.show_screen(client::Screen::Datasets, input.now);
    }
    move_to(column, 12);
    draw_search_row(input, column.width);
    if (!e.problem.empty()) {
        move_to(column, 8);
        problem_text(e.problem.c_str());
    }
    if (!e.notice.empty()) {
        move_to(column, 8);
        notice_text(e.notice.c_str());
    }
    if (e.tree || e.tree_loading)
        draw_tree(input, column);
    else
        draw_list(input, column);
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

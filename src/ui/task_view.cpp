#include "ui/task_view.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "ui/conversation_view.h"
#include "ui/fonts.h"
#include "ui/guidelines_panel.h"
#include "ui/layout.h"
#include "ui/report_form.h"
#include "ui/shortcuts.h"
#include "ui/task_panels.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

using protocol::TaskType;

const char* highlight_for(TaskType type) {
    switch (type) {
    case TaskType::AssistantReply:
    case TaskType::PrompterReply:
        return tr("task.highlight.to_answer");
    case TaskType::LabelInitialPrompt:
    case TaskType::LabelAssistantReply:
    case TaskType::LabelPrompterReply:
        return tr("task.highlight.to_label");
    case TaskType::RankAssistantReplies:
    case TaskType::RankPrompterReplies:
        return tr("task.highlight.replies_below");
    case TaskType::InitialPrompt:
        break;
    }
    return nullptr;
}

// The report form belongs to a message of this task: one opened on another task (left, skipped or
// sent meanwhile) is closed.
void close_report_form_of_another_task(client::App& app, const protocol::Task& task) {
    client::ReportForm& form = app.forms().report;
    const auto& messages = task.conversation;
    if (!form.message_id.empty() &&
        std::none_of(messages.begin(), messages.end(),
                     [&](const auto& message) { return message.id == form.message_id; }))
        form = {};
}

void draw_conversation(client::App& app, const protocol::Task& task, float width, bool compact) {
    const auto& messages = task.conversation;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const bool last = i + 1 == messages.size();
        const std::string id = "message_" + std::to_string(i);
        const auto result = draw_message_card(
            messages[i], {.id = id.c_str(),
                          .width = width,
                          .compact = compact,
                          .highlighted = last,
                          .highlight_label = last ? highlight_for(task.type) : nullptr});
        if (!result.react.empty()) app.react(messages[i].id, result.react);
        if (result.report) app.forms().report = {messages[i].id, -1, {}};
        ImGui::Dummy(ImVec2(0, 2));
    }
}

void draw_header(client::App& app, double now, const client::TaskKindInfo* kind, float width,
                 bool compact) {
    const auto& state = app.state();
    const Palette& p = current_palette();
    page_title(kind ? tr(kind->title) : tr("task.next_task"), compact);
    widgets().track("task_title", kind ? tr(kind->title) : "");
    if (kind) wrapped_text(fonts().body, p.text_muted, tr(kind->instruction));
    if (kind && link_button(tr("task.read_guidelines"), "open_guidelines"))
        open_guidelines(kind->guidelines, tr(kind->title));
    if (kind && !guidelines_open() && shortcut_pressed('G'))
        open_guidelines(kind->guidelines, tr(kind->title));
    if (state.task.task && state.task.task->type != TaskType::InitialPrompt && !compact) {
        ImGui::SameLine(0, 24);
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        ImGui::AlignTextToFramePadding();
        text::unformatted(tr("task.guidelines_shortcut"));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    (void)now;
    (void)width;
}

// "No task of this kind right now": offer the kinds that have work.
void draw_no_task(client::App& app, double now, float width) {
    const auto& state = app.state();
    begin_card(width, 24);
    heading_text(tr("task.no_task.title"));
    muted_text(tr("task.no_task.pick_another"));
    widgets().track("no_task", "no task");
    int shown = 0;
    for (auto type : protocol::kAllTaskTypes) {
        const char* name = protocol::to_string(type);
        auto it = state.dashboard.counts.find(name);
        if (it == state.dashboard.counts.end() || it->second <= 0 || name == state.task.kind)
            continue;
        const std::string label =
            tr("task.no_task.other_kind",
               {{"kind", tr(client::task_kind(type).title)},
                {"count", i18n::active().number(static_cast<double>(it->second))}});
        if (secondary_button(label.c_str(), (std::string("other_") + name).c_str()))
            app.open_task(name, now);
        ++shown;
    }
    if (shown == 0 && state.dashboard.loaded) muted_text(tr("task.no_task.nothing_else"));
    if (primary_button(tr("task.back_to_dashboard"), "back_to_dashboard"))
        app.back_to_dashboard(now);
    end_card();
}

} // namespace

void draw_task(const ScreenInput& input) {
    client::App& app = input.app;
    const auto& state = app.state();
    const auto& t = state.task;
    const Column column = content_column(input.compact, 820);
    const client::TaskKindInfo* kind =
        t.task ? &client::task_kind(t.task->type) : client::task_kind(t.kind);

    move_to(column, input.compact ? 16 : 28);
    // One group for the whole screen: new lines start at the column's left edge, and text wraps
    // at its right edge.
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column.width);
    draw_header(app, input.now, kind, column.width, input.compact);

    if (!t.notice.empty()) {
        move_to(column, 4);
        notice_text(t.notice.c_str());
        widgets().track("task_notice", t.notice);
    }
    if (!state.storage_problem.empty()) {
        move_to(column, 4);
        problem_text(state.storage_problem.c_str());
    }

    move_to(column, 12);
    switch (t.phase) {
    case client::TaskPhase::Requesting:
    case client::TaskPhase::Acking:
        muted_text(t.retry_at ? tr("task.waiting_for_server") : tr("task.finding_task"));
        widgets().track("task_loading", "loading");
        break;
    case client::TaskPhase::NoTask:
        draw_no_task(app, input.now, column.width);
        break;
    case client::TaskPhase::Failed:
        begin_card(column.width, 24);
        problem_text(t.problem.c_str());
        widgets().track("task_problem", t.problem);
        if (primary_button(tr("task.get_another_task"), "next_task"))
            app.open_task(t.kind, input.now);
        ImGui::SameLine(0, 12);
        if (secondary_button(tr("task.back_to_dashboard"), "back_to_dashboard"))
            app.back_to_dashboard(input.now);
        end_card();
        break;
    case client::TaskPhase::Working:
    case client::TaskPhase::Submitting:
        if (!t.task) break;
        draw_conversation(app, *t.task, column.width, input.compact);
        move_to(column, 4);
        close_report_form_of_another_task(app, *t.task);
        draw_report_form(app, column.width);
        move_to(column, 8);
        if (protocol::is_writing(t.task->type))
            draw_writing_panel(input, column.width);
        else if (protocol::is_labeling(t.task->type))
            draw_labeling_panel(input, column.width);
        else
            draw_ranking_panel(input, column.width);
        move_to(column, 8);
        draw_task_actions(input, column.width);
        break;
    }
    ImGui::Dummy(ImVec2(column.width, 40));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace orchard::ui

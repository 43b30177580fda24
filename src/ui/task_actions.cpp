#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "ui/confirmation.h"
#include "ui/fonts.h"
#include "ui/guidelines_panel.h"
#include "ui/shortcuts.h"
#include "ui/task_panels.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace orchard::ui {

using i18n::tr;

namespace {

// "Still to answer: Is this spam?": the mandatory questions of a label task not yet answered.
std::string still_to_answer(const client::LabelAnswers& answers) {
    std::string titles;
    for (const std::string& missing : answers.missing()) {
        if (!titles.empty()) titles += tr("task.list_separator");
        // missing() names each question by the server's words; shown in the interface's.
        const auto& labels = answers.labels();
        const auto label = std::find_if(labels.begin(), labels.end(), [&](const auto& described) {
            return described.display_text == missing;
        });
        titles += label == labels.end() ? missing.c_str() : client::label_title(*label);
    }
    return tr("task.still_to_answer", {{"labels", titles}});
}

} // namespace

void draw_task_actions(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& t = app.state().task;
    const double now = input.now;
    const bool writing = protocol::is_writing(t.task->type);
    const bool submitting = t.phase == client::TaskPhase::Submitting;

    if (!t.problem.empty()) {
        problem_text(t.problem.c_str());
        widgets().track("task_problem", t.problem);
    }
    if (submitting) {
        muted_text(t.retry_at ? tr("task.not_sent_yet") : tr("task.sending"));
        widgets().track("submitting", "submitting");
        return;
    }
    if (t.confirm_skip) {
        bool keep = false, discard = false;
        draw_confirmation(
            writing ? tr("task.confirm_skip.question_writing")
                    : tr("task.confirm_skip.question_answers"),
            writing ? tr("task.confirm_skip.keep_writing") : tr("task.confirm_skip.keep_working"),
            "cancel_skip", tr("task.confirm_skip.discard"), "confirm_skip", width, keep, discard);
        if (discard)
            app.confirm_skip(now);
        else if (keep)
            app.cancel_confirmation();
        return;
    }
    if (t.confirm_unchanged_ranking) {
        bool reorder = false, submit = false;
        draw_confirmation(tr("task.confirm_order.question"), tr("task.confirm_order.reorder"),
                          "cancel_order", tr("task.confirm_order.submit"), "confirm_order", width,
                          reorder, submit);
        if (submit)
            app.confirm_unchanged_ranking(now);
        else if (reorder)
            app.cancel_confirmation();
        return;
    }

    const char* command = command_key_name();
    const std::string submit_keys = std::string(command) + "+Enter";
    const bool narrow = width < 520;
    const auto blockers = app.submit_blockers();
    const bool ready = blockers.empty();
    const bool command_enter = shortcut_pressed(kKeyEnter, true);

    if (writing && t.reviewing) {
        const char* submit = tr("task.submit");
        const float submit_w = narrow ? width : button_width(submit, submit_keys.c_str());
        if (primary_button(submit, submit_keys.c_str(), "submit", submit_w) || command_enter)
            app.submit(now);
        if (!narrow) ImGui::SameLine(0, 12);
        const char* edit = tr("task.edit");
        const float edit_w = narrow ? width : button_width(edit, "Esc");
        if (secondary_button(edit, "Esc", "edit", edit_w) || shortcut_pressed(kKeyEscape))
            app.back_to_editing();
        return;
    }

    const char* label = writing ? tr("task.review") : tr("task.submit");
    const float main_w = narrow ? width : button_width(label, submit_keys.c_str());
    const bool pressed = disabled_if(!ready, [&] {
        return primary_button(label, submit_keys.c_str(), writing ? "review" : "submit", main_w);
    });
    if ((pressed || command_enter) && !guidelines_open()) {
        if (writing)
            app.start_review();
        else
            app.submit(now);
    }
    if (!narrow) ImGui::SameLine(0, 12);
    const char* skip = tr("task.skip");
    const float skip_w = narrow ? width : button_width(skip, "S");
    if (secondary_button(skip, "S", "skip", skip_w) || shortcut_pressed('S')) app.skip(now);
    if (!ready && !writing) {
        const std::string missing = still_to_answer(t.answers);
        muted_text(missing.c_str());
        widgets().track("submit_blockers", missing);
    }
    if (!narrow) {
        ImGui::Dummy(ImVec2(0, 4));
        if (link_button(tr("task.back_to_dashboard"), "back_to_dashboard"))
            app.back_to_dashboard(now);
    } else if (secondary_button(tr("task.back_to_dashboard"), "back_to_dashboard", width)) {
        app.back_to_dashboard(now);
    }
}

} // namespace orchard::ui

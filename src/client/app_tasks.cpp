// App: working on a task, from the request through ack, editing, labels and ranking to the
// submission, skip, reactions and reports; the draft is saved at every step.
#include "client/app.h"

#include "client/reactions.h"
#include "client/task_kinds.h"
#include "client/task_submission.h"
#include "i18n/translator.h"
#include "protocol/errors.h"
#include "protocol/text.h"
#include "protocol/uuid.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace orchard::client {

using i18n::tr;
using i18n::tr_count;

// ---- Tasks -------------------------------------------------------------------------------

bool has_entered_work(const TaskState& t) {
    return protocol::has_content(t.draft.text) || !t.draft.labels.empty() ||
           !t.ranking.unchanged() || t.draft.not_rankable;
}

void App::request_task(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Requesting;
    const unsigned generation = ++task_generation_;
    api_.request_task(t.kind, state_.lang, [this, now, generation](ApiResult<ReceivedTask> result) {
        if (generation != task_generation_) return;
        auto& current = state_.task;
        if (auto* received = std::get_if<ReceivedTask>(&result)) {
            adopt_task(std::move(*received), now);
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (has_code(error, protocol::ErrorCode::TaskTypeNotAvailable)) {
            current.phase = TaskPhase::NoTask;
            current.problem.clear();
            refresh_dashboard(now);
            return;
        }
        if (handle_common_error(error, now)) return;
        current.phase = TaskPhase::Failed;
        current.problem = describe(error);
    });
}

void App::adopt_task(ReceivedTask received, double now) {
    auto& t = state_.task;
    t.task = std::move(received.task);
    t.answers = LabelAnswers(*t.task);
    t.ranking = RankingOrder(t.task->reply_messages.size());
    t.draft = Draft{.task_json = std::move(received.json),
                    .lang = state_.lang,
                    .ack_id = new_frontend_id(),
                    .reply_id = new_frontend_id()};
    t.draft.ranking = t.ranking.order();
    t.confirm_skip = false;
    t.confirm_unchanged_ranking = false;
    save_draft();
    send_ack(now);
}

void App::send_ack(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Acking;
    const unsigned generation = ++task_generation_;
    api_.ack(t.task->id, t.draft.ack_id, [this, now, generation](ApiResult<Empty> result) {
        if (generation != task_generation_) return;
        auto& current = state_.task;
        if (std::holds_alternative<Empty>(result)) {
            current.draft.acked = true;
            current.phase = TaskPhase::Working;
            save_draft();
            return;
        }
        const auto& error = std::get<ClientError>(result);
        if (handle_common_error(error, now)) return;
        // The task can no longer be taken (expired, or done elsewhere): fetch another.
        current.phase = TaskPhase::Failed;
        current.problem = describe(error);
        if (state_.account) drafts_.clear(state_.account->id);
    });
}

void App::edit_text(const std::string& text) {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working || t.draft.text == text) return;
    t.draft.text = text;
    t.confirm_skip = false;
    t.problem.clear();
    save_draft();
}

bool App::start_review() {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working) return false;
    const auto blockers = submit_blockers();
    if (!blockers.empty()) {
        t.problem = blockers.front();
        return false;
    }
    t.problem.clear();
    t.reviewing = true;
    return true;
}

void App::back_to_editing() {
    state_.task.reviewing = false;
}

void App::set_label(const std::string& name, double value) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.answers.set(name, value);
    t.draft.labels = t.answers.values();
    save_draft();
}

void App::toggle_flag(const std::string& name) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.answers.toggle_flag(name);
    t.draft.labels = t.answers.values();
    save_draft();
}

void App::move_reply(std::size_t from, std::size_t to) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.ranking.move(from, to);
    t.draft.ranking = t.ranking.order();
    t.confirm_unchanged_ranking = false;
    save_draft();
}

void App::set_not_rankable(bool not_rankable) {
    auto& t = state_.task;
    if (t.phase != TaskPhase::Working) return;
    t.draft.not_rankable = not_rankable;
    save_draft();
}

std::vector<std::string> App::submit_blockers() const {
    std::vector<std::string> blockers;
    const auto& t = state_.task;
    if (!t.task) return {tr("task_messages.no_task_to_submit")};
    if (protocol::is_writing(t.task->type)) {
        if (!protocol::has_content(t.draft.text))
            blockers.push_back(tr("task_messages.write_something_first"));
        const auto characters = protocol::character_count(t.draft.text);
        if (characters > state_.max_reply_characters)
            blockers.push_back(tr_count(
                "task_messages.shorten_text",
                static_cast<double>(characters - state_.max_reply_characters),
                {{"limit",
                  i18n::active().number(static_cast<double>(state_.max_reply_characters))}}));
    } else if (protocol::is_labeling(t.task->type)) {
        // missing() names each question by the server's words; the person reads the interface's.
        const auto& labels = t.answers.labels();
        for (const auto& missing : t.answers.missing()) {
            const auto label = std::find_if(labels.begin(), labels.end(), [&](const auto& known) {
                return known.display_text == missing;
            });
            blockers.push_back(tr(
                "task_messages.answer_label",
                {{"label", label == labels.end() ? missing : std::string(label_title(*label))}}));
        }
    }
    return blockers;
}

bool App::submit(double now) {
    auto& t = state_.task;
    if (!t.task || t.phase != TaskPhase::Working) return false;
    const auto blockers = submit_blockers();
    if (!blockers.empty()) {
        t.problem = blockers.front();
        return false;
    }
    if (protocol::is_ranking(t.task->type) && !t.draft.not_rankable && t.ranking.unchanged() &&
        !t.confirm_unchanged_ranking) {
        t.confirm_unchanged_ranking = true; // the view asks "submit the order as shown?"
        return false;
    }
    t.confirm_unchanged_ranking = false;
    if (protocol::is_labeling(t.task->type)) t.draft.labels = t.answers.submission();
    t.draft.ranking = t.ranking.order();
    t.draft.submitting = true;
    t.problem.clear();
    t.notice.clear();
    save_draft();
    send_submission(now);
    return true;
}

void App::confirm_unchanged_ranking(double now) {
    auto& t = state_.task;
    if (!t.confirm_unchanged_ranking) return;
    submit(now);
}

void App::cancel_confirmation() {
    state_.task.confirm_skip = false;
    state_.task.confirm_unchanged_ranking = false;
}

void App::send_submission(double now) {
    auto& t = state_.task;
    t.phase = TaskPhase::Submitting;
    const unsigned generation = ++task_generation_;
    api_.interaction(
        interaction_body(*t.task, t.draft), [this, now, generation](ApiResult<Empty> result) {
            if (generation != task_generation_) return;
            auto& current = state_.task;
            if (std::holds_alternative<Empty>(result)) {
                after_submission(now);
                return;
            }
            const auto& error = std::get<ClientError>(result);
            if (handle_common_error(error, now)) return;
            // Refused: the work stays on screen so the person can fix it.
            current.phase = TaskPhase::Working;
            current.reviewing = false;
            current.draft.submitting = false;
            current.problem = describe(error);
            tell_host("error", {{"kind", "submission_refused"}, {"message", current.problem}});
            save_draft();
        });
}

void App::after_submission(double now) {
    auto& t = state_.task;
    if (state_.account) drafts_.clear(state_.account->id);
    const auto type = t.task->type;
    t.completed += 1;
    const std::string kind = t.kind;
    const int completed = t.completed;
    t = TaskState{.kind = kind, .completed = completed};
    t.notice = protocol::is_writing(type)   ? tr("task_messages.saved_writing")
               : protocol::is_ranking(type) ? tr("task_messages.saved_ranking")
                                            : tr("task_messages.saved_labels");
    // The points it earned are added to the notice once the new score is known.
    refresh_my_stats(now, t.notice, protocol::to_string(type));
    request_task(now);
}

void App::skip(double now) {
    auto& t = state_.task;
    if (!t.task) {
        back_to_dashboard(now);
        return;
    }
    if (has_entered_work(t) && !t.confirm_skip) {
        t.confirm_skip = true; // the view asks before throwing work away
        return;
    }
    confirm_skip(now);
}

void App::confirm_skip(double now) {
    auto& t = state_.task;
    if (!t.task) return;
    const std::string task_id = t.task->id;
    if (state_.account) drafts_.clear(state_.account->id);
    const std::string kind = t.kind;
    const int completed = t.completed;
    t = TaskState{.kind = kind, .completed = completed};
    t.phase = TaskPhase::Requesting;
    ++task_generation_;
    // The next task is asked for once the skip is recorded, so the same one cannot come back.
    api_.nack(task_id, "skipped", [this, now](ApiResult<Empty>) {
        if (state_.screen == Screen::Task && state_.task.phase == TaskPhase::Requesting &&
            !state_.task.task)
            request_task(now);
    });
}

void App::react(const std::string& message_id, const std::string& emoji) {
    auto& t = state_.task;
    if (!t.task) return;
    // Shown at once; the server's count follows with the next task.
    const auto update = [&](protocol::ConversationMessage& message) {
        if (message.id == message_id) toggle_own_reaction(message, emoji);
    };
    for (auto& message : t.task->conversation)
        update(message);
    for (auto& message : t.task->reply_messages)
        update(message);
    api_.react(message_id, emoji, [this](ApiResult<Empty> result) {
        if (auto* error = std::get_if<ClientError>(&result))
            state_.task.problem =
                tr("task_messages.reaction_not_saved", {{"problem", describe(*error)}});
    });
}

void App::report(const std::string& message_id, const std::string& label,
                 const std::string& reason) {
    // The outcome shows on the screen the report was sent from: a task's or the explorer's.
    const bool from_explorer = state_.screen == Screen::Explore;
    api_.report(message_id, label, reason, [this, from_explorer](ApiResult<Empty> result) {
        std::string& problem = from_explorer ? state_.explore.problem : state_.task.problem;
        std::string& notice = from_explorer ? state_.explore.notice : state_.task.notice;
        if (auto* error = std::get_if<ClientError>(&result))
            problem = tr("task_messages.report_not_sent", {{"problem", describe(*error)}});
        else
            notice = tr("task_messages.report_sent");
    });
}

void App::save_draft() {
    if (!state_.account || !state_.task.task) return;
    if (drafts_.save(state_.account->id, state_.task.draft)) {
        state_.storage_problem.clear();
    } else {
        state_.storage_problem = tr("task_messages.draft_not_kept");
    }
}

std::string App::new_frontend_id() {
    // A random UUID: unique per task across reloads and devices.
    std::uniform_int_distribution<unsigned> byte(0, 255);
    std::array<unsigned char, 16> bytes;
    for (auto& value : bytes)
        value = static_cast<unsigned char>(byte(random_));
    return protocol::uuid_v4(bytes);
}

} // namespace orchard::client

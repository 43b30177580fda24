// App: work left on a task. Leaving a task with work in it (by a tab, the logo or "Back to the
// dashboard") keeps its draft in browser storage; the dashboard offers it again, opening any task
// brings it back first, and only an explicit "Discard" gives the task back and forgets the work.
#include "client/app.h"

#include "i18n/translator.h"
#include "protocol/text.h"

namespace orchard::client {

using i18n::tr;

namespace {

constexpr std::size_t kPreviewBytes = 120;

} // namespace

bool App::restore_draft(double now, const char* notice) {
    if (!state_.account) return false;
    auto draft = drafts_.load(state_.account->id);
    if (!draft) return false;
    auto task = protocol::parse_task(draft->task_json);
    if (!task) {
        drafts_.clear(state_.account->id);
        state_.unsent.reset();
        return false;
    }
    auto& t = state_.task;
    t = TaskState{.completed = t.completed};
    t.kind = draft->lang.empty() ? "random" : protocol::to_string(task->type);
    t.task = std::move(*task);
    t.answers = LabelAnswers(*t.task);
    t.answers.restore(draft->labels);
    t.ranking = RankingOrder::is_permutation(draft->ranking, t.task->reply_messages.size())
                    ? RankingOrder(draft->ranking)
                    : RankingOrder(t.task->reply_messages.size());
    t.draft = std::move(*draft);
    // A task that was only opened is simply there again; "restored" is for work.
    if (has_entered_work(t)) t.notice = notice;
    state_.unsent.reset();
    state_.screen = Screen::Task;
    ++task_generation_;
    if (t.draft.submitting)
        send_submission(now);
    else if (!t.draft.acked)
        send_ack(now);
    else
        t.phase = TaskPhase::Working;
    return true;
}

void App::note_unsent() {
    state_.unsent.reset();
    if (!state_.account) return;
    const auto draft = drafts_.load(state_.account->id);
    if (!draft) return;
    const auto task = protocol::parse_task(draft->task_json);
    if (!task) return;
    state_.unsent = UnsentWork{.type = task->type,
                               .preview = protocol::has_content(draft->text)
                                              ? protocol::excerpt(draft->text, kPreviewBytes)
                                              : ""};
}

void App::resume_unsent(double now) {
    if (state_.screen == Screen::Task) leave_task();
    ++screen_generation_;
    restore_draft(now, tr("task_messages.unsent_work_back"));
}

void App::discard_unsent() {
    if (!state_.account) return;
    if (const auto draft = drafts_.load(state_.account->id))
        if (const auto task = protocol::parse_task(draft->task_json))
            api_.nack(task->id, "the person discarded the unsent work", [](ApiResult<Empty>) {});
    drafts_.clear(state_.account->id);
    state_.unsent.reset();
}

} // namespace orchard::client

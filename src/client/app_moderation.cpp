// The moderators' review queue (docs/flag-moderation.md): the list, the selection the keyboard
// acts on, and the decisions.
#include "client/app.h"
#include "i18n/translator.h"

#include <algorithm>

namespace orchard::client {

using i18n::tr;

bool is_staff(const AppState& state) {
    return state.account && (state.account->role == "moderator" || state.account->role == "admin");
}

bool is_admin(const AppState& state) {
    return state.account && state.account->role == "admin";
}

void App::load_moderation(double now, bool more) {
    auto& m = state_.moderation;
    m.loading = true;
    const unsigned generation = screen_generation_;
    api_.flag_queue(
        m.open_only, m.most_flagged, more ? m.next.value_or("") : "", kModerationPageSize,
        [this, generation, more, now](ApiResult<protocol::FlagQueue> result) {
            if (generation != screen_generation_) return;
            auto& shown = state_.moderation;
            shown.loading = false;
            auto* page = std::get_if<protocol::FlagQueue>(&result);
            if (!page) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            if (!more) shown.items.clear();
            shown.items.insert(shown.items.end(), page->items.begin(), page->items.end());
            shown.next = page->next;
            shown.loaded = true;
            shown.problem.clear();
            const bool still_listed =
                std::any_of(shown.items.begin(), shown.items.end(),
                            [&](const auto& item) { return item.message.id == shown.selected; });
            if (!still_listed)
                shown.selected = shown.items.empty() ? "" : shown.items.front().message.id;
        });
}

void App::set_moderation_view(bool open_only, bool most_flagged, double now) {
    auto& m = state_.moderation;
    m = ModerationState{.open_only = open_only, .most_flagged = most_flagged};
    ++screen_generation_; // an answer for the view before is dropped
    load_moderation(now);
}

void App::load_more_moderation(double now) {
    if (state_.moderation.loading || !state_.moderation.next) return;
    load_moderation(now, true);
}

void App::select_flagged(const std::string& message_id) {
    state_.moderation.selected = message_id;
}

void App::select_next_flagged(int direction) {
    auto& m = state_.moderation;
    if (m.items.empty()) return;
    const auto at = std::find_if(m.items.begin(), m.items.end(),
                                 [&](const auto& item) { return item.message.id == m.selected; });
    long index = at == m.items.end() ? 0 : (at - m.items.begin()) + direction;
    index = std::clamp<long>(index, 0, static_cast<long>(m.items.size()) - 1);
    m.selected = m.items[static_cast<std::size_t>(index)].message.id;
}

void App::decide_flagged(const std::string& message_id, const std::string& decision, double now) {
    auto& m = state_.moderation;
    if (!m.busy.empty()) return;
    m.selected = message_id;
    if (decision == "remove") {
        m.confirm_remove = message_id;
        return;
    }
    send_flag_decision(message_id, decision, now);
}

void App::confirm_remove_flagged(double now) {
    auto& m = state_.moderation;
    if (m.confirm_remove.empty()) return;
    const std::string message_id = m.confirm_remove;
    m.confirm_remove.clear();
    send_flag_decision(message_id, "remove", now);
}

void App::cancel_remove_flagged() {
    state_.moderation.confirm_remove.clear();
}

void App::send_flag_decision(const std::string& message_id, const std::string& decision,
                             double now) {
    auto& m = state_.moderation;
    m.busy = message_id;
    m.notice.clear();
    const unsigned generation = screen_generation_;
    api_.decide_flag(message_id, decision,
                     [this, generation, message_id, decision, now](ApiResult<Empty> result) {
                         if (generation != screen_generation_) return;
                         auto& shown = state_.moderation;
                         shown.busy.clear();
                         if (auto* error = std::get_if<ClientError>(&result))
                             return rewards_error(*error, shown.problem, now);
                         shown.problem.clear();
                         shown.notice = decision == "keep"     ? tr("moderation.notice.kept")
                                        : decision == "remove" ? tr("moderation.notice.removed")
                                                               : tr("moderation.notice.handled");
                         const auto at = std::find_if(
                             shown.items.begin(), shown.items.end(),
                             [&](const auto& item) { return item.message.id == message_id; });
                         if (at == shown.items.end()) return;
                         if (!shown.open_only) {
                             // Every item stays listed; this one now shows the decision.
                             at->handled = true;
                             at->decision = decision;
                             if (decision == "keep") at->hidden = false;
                             return;
                         }
                         // Out of the open queue: the next one is selected, ready for the keys.
                         const auto next = shown.items.erase(at);
                         if (next != shown.items.end())
                             shown.selected = next->message.id;
                         else
                             shown.selected =
                                 shown.items.empty() ? "" : shown.items.back().message.id;
                     });
}

} // namespace orchard::client

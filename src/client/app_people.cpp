// The moderators' people screen and the admins' audit log (docs/moderation.md): finding people,
// a person's page, what may be done to them, and the log of what was done.
#include "client/app.h"
#include "i18n/translator.h"
#include "protocol/text.h"

namespace orchard::client {

using i18n::tr;

void App::load_people(double now, bool more) {
    auto& p = state_.people;
    p.loading = true;
    const unsigned generation = screen_generation_;
    api_.people(p.searched, more ? p.next.value_or("") : "", kPeoplePageSize,
                [this, generation, more, now](ApiResult<protocol::PeoplePage> result) {
                    if (generation != screen_generation_) return;
                    auto& shown = state_.people;
                    shown.loading = false;
                    auto* page = std::get_if<protocol::PeoplePage>(&result);
                    if (!page)
                        return rewards_error(std::get<ClientError>(result), shown.problem, now);
                    if (!more) shown.items.clear();
                    shown.items.insert(shown.items.end(), page->items.begin(), page->items.end());
                    shown.next = page->next;
                    shown.loaded = true;
                });
    if (more) return;
    api_.trollboard(kTrollboardRows,
                    [this, generation](ApiResult<std::vector<protocol::TrollRow>> result) {
                        if (generation != screen_generation_) return;
                        if (auto* board = std::get_if<std::vector<protocol::TrollRow>>(&result))
                            state_.people.trollboard = std::move(*board);
                    });
}

void App::search_people(double now) {
    auto& p = state_.people;
    p.searched = protocol::trim(forms_.people.query);
    p.items.clear();
    p.next.reset();
    p.loaded = false;
    ++screen_generation_; // an answer for the last search is no longer wanted
    load_people(now);
}

void App::load_more_people(double now) {
    if (state_.people.loading || !state_.people.next) return;
    load_people(now, true);
}

void App::load_person(double now) {
    auto& p = state_.people;
    if (p.opened.empty()) return;
    const std::string user_id = p.opened;
    const unsigned generation = screen_generation_;
    api_.person_page(
        user_id, [this, generation, user_id, now](ApiResult<protocol::PersonPage> result) {
            if (generation != screen_generation_ || state_.people.opened != user_id) return;
            auto& shown = state_.people;
            auto* page = std::get_if<protocol::PersonPage>(&result);
            if (!page) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            shown.person = std::move(*page);
        });
    api_.contributions(user_id, "", kPersonMessages,
                       [this, generation, user_id](ApiResult<protocol::ContributionPage> result) {
                           if (generation != screen_generation_ || state_.people.opened != user_id)
                               return;
                           if (auto* page = std::get_if<protocol::ContributionPage>(&result))
                               state_.people.messages = std::move(page->items);
                       });
}

void App::open_person(const std::string& user_id, double now) {
    auto& p = state_.people;
    p.opened = user_id;
    p.person.reset();
    p.messages.clear();
    p.busy = p.confirm = PersonAction::None;
    p.purge_plan.reset();
    p.problem.clear();
    p.notice.clear();
    forms_.people.ban_reason.clear();
    forms_.people.note.clear();
    load_person(now);
}

void App::open_author(const std::string& user_id, double now) {
    show_screen(Screen::People, now);
    open_person(user_id, now);
}

void App::close_person() {
    auto& p = state_.people;
    p.opened.clear();
    p.person.reset();
    p.messages.clear();
    p.confirm = PersonAction::None;
    p.purge_plan.reset();
    p.problem.clear();
    p.notice.clear();
}

void App::ask_ban() {
    auto& p = state_.people;
    if (!p.person || p.busy != PersonAction::None) return;
    // The person is shown the reason, so there must be one.
    if (protocol::trim(forms_.people.ban_reason).empty()) {
        p.problem = tr("people.problem.reason_needed");
        return;
    }
    p.problem.clear();
    p.confirm = PersonAction::Ban;
}

void App::ask_role(const std::string& role) {
    auto& p = state_.people;
    if (!p.person || p.busy != PersonAction::None || p.person->user.role == role) return;
    p.new_role = role;
    p.problem.clear();
    p.confirm = PersonAction::Role;
}

void App::ask_purge(double now) {
    auto& p = state_.people;
    if (!p.person || p.busy != PersonAction::None) return;
    p.busy = PersonAction::Purge;
    p.problem.clear();
    p.notice.clear();
    const std::string user_id = p.opened;
    const unsigned generation = screen_generation_;
    api_.purge_preview(
        user_id, [this, generation, user_id, now](ApiResult<protocol::PurgePlan> result) {
            if (generation != screen_generation_ || state_.people.opened != user_id) return;
            auto& shown = state_.people;
            shown.busy = PersonAction::None;
            auto* plan = std::get_if<protocol::PurgePlan>(&result);
            if (!plan) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            shown.purge_plan = std::move(*plan);
            shown.confirm = PersonAction::Purge;
        });
}

void App::cancel_person_action() {
    auto& p = state_.people;
    p.confirm = PersonAction::None;
    p.purge_plan.reset();
}

void App::confirm_person_action(double now) {
    auto& p = state_.people;
    const PersonAction action = p.confirm;
    p.confirm = PersonAction::None;
    switch (action) {
    case PersonAction::Ban:
        change_person(
            PersonAction::Ban,
            {{"enabled", false}, {"disabled_reason", protocol::trim(forms_.people.ban_reason)}},
            "people.notice.banned", now);
        return;
    case PersonAction::Role:
        change_person(PersonAction::Role, {{"role", p.new_role}}, "people.notice.role", now);
        return;
    case PersonAction::Purge: {
        if (!p.purge_plan) return;
        p.busy = PersonAction::Purge;
        const std::string user_id = p.opened;
        const unsigned generation = screen_generation_;
        api_.purge(user_id, p.purge_plan->messages.size(),
                   [this, generation, user_id, now](ApiResult<protocol::PurgePlan> result) {
                       if (generation != screen_generation_ || state_.people.opened != user_id)
                           return;
                       auto& shown = state_.people;
                       shown.busy = PersonAction::None;
                       shown.purge_plan.reset();
                       auto* done = std::get_if<protocol::PurgePlan>(&result);
                       if (!done)
                           return rewards_error(std::get<ClientError>(result), shown.problem, now);
                       shown.notice = i18n::tr_count("people.notice.purged",
                                                     static_cast<double>(done->messages.size()));
                       load_person(now);
                   });
        return;
    }
    default:
        return;
    }
}

void App::unban_person(double now) {
    change_person(PersonAction::Unban, {{"enabled", true}}, "people.notice.unbanned", now);
}

void App::set_person_hidden(bool hidden, double now) {
    change_person(hidden ? PersonAction::Hide : PersonAction::Unhide,
                  {{"hidden_from_leaderboards", hidden}},
                  hidden ? "people.notice.hidden" : "people.notice.unhidden", now);
}

void App::change_person(PersonAction action, const nlohmann::json& change, const char* notice_key,
                        double now) {
    auto& p = state_.people;
    if (!p.person || p.busy != PersonAction::None) return;
    p.busy = action;
    p.problem.clear();
    p.notice.clear();
    const std::string user_id = p.opened;
    const unsigned generation = screen_generation_;
    api_.change_person(
        user_id, change,
        [this, generation, user_id, action, notice_key, now](ApiResult<protocol::Person> result) {
            if (generation != screen_generation_ || state_.people.opened != user_id) return;
            auto& shown = state_.people;
            shown.busy = PersonAction::None;
            auto* person = std::get_if<protocol::Person>(&result);
            if (!person) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            if (shown.person) shown.person->user = *person;
            // The list shows them as they are now too.
            for (auto& listed : shown.items)
                if (listed.id == person->id) listed = *person;
            shown.notice = tr(notice_key);
            if (action == PersonAction::Ban) forms_.people.ban_reason.clear();
        });
}

void App::add_person_note(double now) {
    auto& p = state_.people;
    const std::string text = protocol::trim(forms_.people.note);
    if (!p.person || p.busy != PersonAction::None || text.empty()) return;
    p.busy = PersonAction::Note;
    p.problem.clear();
    p.notice.clear();
    const std::string user_id = p.opened;
    const unsigned generation = screen_generation_;
    api_.add_person_note(
        user_id, text, [this, generation, user_id, now](ApiResult<protocol::ModeratorNote> result) {
            if (generation != screen_generation_ || state_.people.opened != user_id) return;
            auto& shown = state_.people;
            shown.busy = PersonAction::None;
            auto* note = std::get_if<protocol::ModeratorNote>(&result);
            if (!note) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            if (note->author_name.empty() && state_.account)
                note->author_name = state_.account->display_name;
            if (shown.person) shown.person->notes.push_back(std::move(*note));
            forms_.people.note.clear();
            shown.notice = tr("people.notice.noted");
        });
}

void App::load_audit(double now, bool more) {
    auto& a = state_.audit;
    a.loading = true;
    const unsigned generation = screen_generation_;
    api_.audit_log(a.kind, more ? a.next.value_or("") : "", kAuditPageSize,
                   [this, generation, more, now](ApiResult<protocol::AuditPage> result) {
                       if (generation != screen_generation_) return;
                       auto& shown = state_.audit;
                       shown.loading = false;
                       auto* page = std::get_if<protocol::AuditPage>(&result);
                       if (!page)
                           return rewards_error(std::get<ClientError>(result), shown.problem, now);
                       if (!more) shown.rows.clear();
                       shown.rows.insert(shown.rows.end(), page->items.begin(), page->items.end());
                       shown.next = page->next;
                       shown.loaded = true;
                   });
    if (more) return;
    api_.audit_check([this, generation](ApiResult<protocol::AuditCheck> result) {
        if (generation != screen_generation_) return;
        if (auto* check = std::get_if<protocol::AuditCheck>(&result)) state_.audit.check = *check;
    });
}

void App::set_audit_kind(const std::string& kind, double now) {
    state_.audit = AuditState{.kind = kind};
    ++screen_generation_;
    load_audit(now);
}

void App::load_more_audit(double now) {
    if (state_.audit.loading || !state_.audit.next) return;
    load_audit(now, true);
}

} // namespace orchard::client

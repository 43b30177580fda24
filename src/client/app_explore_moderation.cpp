// The explorer's tree view for moderators (docs/moderation.md): on the chosen message, delete
// and undelete, edit with every earlier text kept and listed, and halt or resume its tree. Each
// is one call; the tree is fetched again after it, so it shows what the server now holds.
#include "client/app.h"
#include "i18n/translator.h"
#include "protocol/text.h"

namespace orchard::client {

using i18n::tr;

namespace {

// What was done, as the sentence after it.
const char* notice_key(const std::string& action) {
    if (action == "delete") return "explore_moderation.notice.delete";
    if (action == "undelete") return "explore_moderation.notice.undelete";
    if (action == "edit") return "explore_moderation.notice.edit";
    if (action == "halt") return "explore_moderation.notice.halt";
    return "explore_moderation.notice.resume";
}

} // namespace

void App::load_history(const std::string& message_id, double now) {
    api_.message_history(
        message_id, [this, message_id, now](ApiResult<std::vector<protocol::Revision>> result) {
            auto& e = state_.explore;
            if (e.chosen_id != message_id) return;
            auto* revisions = std::get_if<std::vector<protocol::Revision>>(&result);
            if (!revisions) return rewards_error(std::get<ClientError>(result), e.problem, now);
            e.history = std::move(*revisions);
            e.history_of = message_id;
        });
}

void App::open_in_explorer(const std::string& message_id, double now) {
    show_screen(Screen::Explore, now);
    open_tree(message_id, now);
}

void App::ask_delete_explored() {
    if (state_.explore.moderating.empty()) state_.explore.confirm_delete = true;
}

void App::cancel_delete_explored() {
    state_.explore.confirm_delete = false;
}

void App::confirm_delete_explored(double now) {
    state_.explore.confirm_delete = false;
    moderate_explored("delete", now);
}

void App::undelete_explored(double now) {
    moderate_explored("undelete", now);
}

void App::start_edit_explored() {
    auto& e = state_.explore;
    if (!e.tree) return;
    for (const auto& message : e.tree->messages)
        if (message.message.id == e.chosen_id) forms_.explore.edit = message.message.text;
    e.editing = true;
}

void App::cancel_edit_explored() {
    state_.explore.editing = false;
}

void App::save_edit_explored(double now) {
    if (protocol::trim(forms_.explore.edit).empty()) {
        state_.explore.problem = tr("explore_moderation.problem.empty_edit");
        return;
    }
    moderate_explored("edit", now);
}

void App::set_explored_tree_halted(bool halted, double now) {
    moderate_explored(halted ? "halt" : "resume", now);
}

void App::moderate_explored(const std::string& action, double now) {
    auto& e = state_.explore;
    if (!e.moderating.empty() || e.chosen_id.empty()) return;
    e.moderating = action;
    e.problem.clear();
    e.notice.clear();
    const std::string message_id = e.chosen_id;
    auto done = [this, action, message_id, now](ApiResult<Empty> result) {
        auto& shown = state_.explore;
        shown.moderating.clear();
        if (auto* error = std::get_if<ClientError>(&result))
            return rewards_error(*error, shown.problem, now);
        if (action == "edit") shown.editing = false;
        shown.notice = tr(notice_key(action));
        // The tree again, in place (a moderator still sees a deleted message), with the
        // message's details and history.
        api_.message_tree(message_id,
                          [this, message_id, now](ApiResult<protocol::TreeMessages> tree) {
                              auto& again = state_.explore;
                              if (again.chosen_id != message_id) return;
                              if (auto* fresh = std::get_if<protocol::TreeMessages>(&tree))
                                  again.tree = std::move(*fresh);
                              load_details(message_id, now);
                          });
    };
    if (action == "delete")
        api_.delete_message(message_id, done);
    else if (action == "undelete")
        api_.undelete_message(message_id, done);
    else if (action == "edit")
        api_.edit_message(message_id, forms_.explore.edit, done);
    else
        api_.set_tree_halted(message_id, action == "halt", done);
}

} // namespace orchard::client

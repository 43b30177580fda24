// The data explorer and the admins' Datasets screen (docs/explorer.md, docs/datasets.md).
#include "client/app.h"
#include "client/reactions.h"
#include "i18n/translator.h"
#include "protocol/text.h"

#include <algorithm>

namespace orchard::client {

using i18n::tr;

void App::load_explorer(double now) {
    auto& e = state_.explore;
    e.loading = true;
    const unsigned generation = screen_generation_;
    const auto failed = [this, now](const ClientError& error) {
        state_.explore.loading = false;
        rewards_error(error, state_.explore.problem, now);
    };
    if (e.searched.empty()) {
        api_.explorer_trees(state_.lang, e.next.value_or(""), kExplorePageSize,
                            [this, generation, failed](ApiResult<protocol::TreePage> result) {
                                if (generation != screen_generation_) return;
                                auto* page = std::get_if<protocol::TreePage>(&result);
                                if (!page) return failed(std::get<ClientError>(result));
                                auto& shown = state_.explore;
                                shown.trees.insert(shown.trees.end(), page->items.begin(),
                                                   page->items.end());
                                shown.next = page->next;
                                shown.loaded = true;
                                shown.loading = false;
                                shown.problem.clear();
                            });
        return;
    }
    // Search every language: a word names what it is about whatever the person's language.
    api_.explorer_search(e.searched, "", e.next.value_or(""), kExplorePageSize,
                         [this, generation, failed](ApiResult<protocol::SearchPage> result) {
                             if (generation != screen_generation_) return;
                             auto* page = std::get_if<protocol::SearchPage>(&result);
                             if (!page) return failed(std::get<ClientError>(result));
                             auto& shown = state_.explore;
                             shown.hits.insert(shown.hits.end(), page->items.begin(),
                                               page->items.end());
                             shown.next = page->next;
                             shown.loaded = true;
                             shown.loading = false;
                             shown.problem.clear();
                         });
}

void App::search_explorer(double now) {
    auto& e = state_.explore;
    e.searched = protocol::trim(forms_.explore.query);
    e.trees.clear();
    e.hits.clear();
    e.next.reset();
    e.loaded = false;
    e.notice.clear();
    ++screen_generation_; // an answer for the last search is no longer wanted
    load_explorer(now);
}

void App::load_more_explorer(double now) {
    if (state_.explore.loading || !state_.explore.next) return;
    load_explorer(now);
}

void App::open_tree(const std::string& message_id, double now) {
    auto& e = state_.explore;
    e.tree_loading = true;
    e.chosen_id = message_id;
    e.collapsed.clear();
    e.details.reset();
    e.labeling.reset();
    e.notice.clear();
    api_.message_tree(message_id,
                      [this, message_id, now](ApiResult<protocol::TreeMessages> result) {
                          auto& shown = state_.explore;
                          if (shown.chosen_id != message_id) return; // another was opened meanwhile
                          shown.tree_loading = false;
                          if (auto* tree = std::get_if<protocol::TreeMessages>(&result)) {
                              shown.tree = std::move(*tree);
                              ++shown.opened_trees;
                              shown.problem.clear();
                              load_details(message_id, now);
                              return;
                          }
                          rewards_error(std::get<ClientError>(result), shown.problem, now);
                      });
}

void App::choose_message(const std::string& message_id, double now) {
    auto& e = state_.explore;
    if (e.chosen_id == message_id) return;
    e.chosen_id = message_id;
    e.details.reset();
    e.labeling.reset();
    e.notice.clear();
    e.editing = e.confirm_delete = false;
    load_details(message_id, now);
}

void App::load_details(const std::string& message_id, double now) {
    api_.message_details(message_id,
                         [this, message_id, now](ApiResult<protocol::MessageDetails> result) {
                             auto& e = state_.explore;
                             if (e.chosen_id != message_id) return;
                             if (auto* details = std::get_if<protocol::MessageDetails>(&result)) {
                                 e.details = std::move(*details);
                                 // A moderator sees what the message said before any edit.
                                 if (is_staff(state_)) load_history(message_id, now);
                                 return;
                             }
                             rewards_error(std::get<ClientError>(result), e.problem, now);
                         });
}

void App::toggle_replies(const std::string& message_id) {
    auto& collapsed = state_.explore.collapsed;
    if (auto it = std::find(collapsed.begin(), collapsed.end(), message_id); it != collapsed.end())
        collapsed.erase(it);
    else
        collapsed.push_back(message_id);
}

void App::close_tree() {
    auto& e = state_.explore;
    e.tree.reset();
    e.details.reset();
    e.labeling.reset();
    e.chosen_id.clear();
    e.collapsed.clear();
    e.notice.clear();
}

void App::explore_react(const std::string& message_id, const std::string& emoji) {
    auto& e = state_.explore;
    if (!e.tree) return;
    for (auto& message : e.tree->messages)
        if (message.message.id == message_id) toggle_own_reaction(message.message, emoji);
    if (e.details && e.details->message_id == message_id) {
        // The details show the same counts as the card.
        for (const auto& message : e.tree->messages)
            if (message.message.id == message_id) {
                e.details->emojis = message.message.emojis;
                e.details->user_emojis = message.message.user_emojis;
            }
    }
    api_.react(message_id, emoji, [this](ApiResult<Empty> result) {
        if (auto* error = std::get_if<ClientError>(&result))
            state_.explore.problem =
                tr("explore_messages.reaction_not_saved", {{"reason", describe(*error)}});
    });
}

void App::open_explore_labels(double now) {
    const std::string message_id = state_.explore.chosen_id;
    if (message_id.empty()) return;
    api_.valid_labels(message_id, [this, message_id,
                                   now](ApiResult<std::vector<protocol::LabelDescription>> result) {
        auto& shown = state_.explore;
        if (shown.chosen_id != message_id) return;
        if (auto* labels = std::get_if<std::vector<protocol::LabelDescription>>(&result)) {
            shown.labeling = LabelAnswers(std::move(*labels));
            return;
        }
        rewards_error(std::get<ClientError>(result), shown.problem, now);
    });
}

void App::set_explore_label(const std::string& name, double value) {
    if (state_.explore.labeling) state_.explore.labeling->set(name, value);
}

void App::toggle_explore_flag(const std::string& name) {
    if (state_.explore.labeling) state_.explore.labeling->toggle_flag(name);
}

void App::close_explore_labels() {
    state_.explore.labeling.reset();
}

void App::send_explore_labels(double now) {
    auto& e = state_.explore;
    if (!e.labeling || e.labels_sending) return;
    const auto answers = e.labeling->submission();
    if (e.labeling->values().empty()) {
        e.problem = tr("explore_messages.answer_one_question");
        return;
    }
    e.labels_sending = true;
    const std::string message_id = e.chosen_id;
    api_.free_labels(message_id, answers, [this, message_id, now](ApiResult<Empty> result) {
        auto& shown = state_.explore;
        shown.labels_sending = false;
        if (auto* error = std::get_if<ClientError>(&result)) {
            shown.problem = tr("explore_messages.labels_not_saved", {{"reason", describe(*error)}});
            return;
        }
        shown.problem.clear();
        shown.notice = tr("explore_messages.labels_saved");
        if (shown.chosen_id != message_id) return;
        shown.labeling.reset();
        load_details(message_id, now); // the means now count these answers too
    });
}

void App::load_datasets(double now) {
    const unsigned generation = screen_generation_;
    api_.dataset_counts([this, now, generation](ApiResult<protocol::DatasetCounts> result) {
        if (generation != screen_generation_) return;
        if (auto* counts = std::get_if<protocol::DatasetCounts>(&result)) {
            state_.datasets.counts = std::move(*counts);
            state_.datasets.problem.clear();
            return;
        }
        rewards_error(std::get<ClientError>(result), state_.datasets.problem, now);
    });
}

void App::download_dataset(const std::string& format, double now) {
    auto& d = state_.datasets;
    if (!d.preparing.empty()) return;
    d.preparing = format;
    d.notice.clear();
    api_.export_link(format, [this, now](ApiResult<protocol::DownloadLinkAnswer> result) {
        auto& shown = state_.datasets;
        shown.preparing.clear();
        if (auto* link = std::get_if<protocol::DownloadLinkAnswer>(&result)) {
            // The browser saves the file and stays on the page (the answer is an attachment).
            state_.navigate_to = link->url;
            shown.notice = tr("explore_messages.downloading", {{"file", link->file_name}});
            shown.problem.clear();
            return;
        }
        rewards_error(std::get<ClientError>(result), shown.problem, now);
    });
}

} // namespace orchard::client

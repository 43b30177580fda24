#include "server/domain/flag_moderation.h"

#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/message_service.h"
#include "server/domain/optional_json.h"
#include "server/domain/time_cursor.h"
#include "server/domain/tree_manager.h"
#include "server/store/ledger_store.h"

namespace orchard::domain {

using protocol::ErrorCode;

int flag_weight_quarters(const store::FlaggerStanding& flagger) {
    if (flagger.guest) return 0;
    return flagger.has_accepted_work ? kQuartersPerFlag : 1;
}

void FlagModeration::on_red_flag(const std::string& message_id, const std::string& user_id) {
    // Weighed as the person stands when they flag: work accepted later does not re-weigh it.
    moderation_.set_flag_weight(message_id, user_id,
                                flag_weight_quarters(moderation_.standing(user_id)));
    moderation_.flag(message_id, now_ms_);
    const auto flag = moderation_.find(message_id);
    const auto message = store_.find_message(message_id);
    if (!flag || !message || message->deleted) return; // already out of the tree
    // A moderator kept it: later flags put it back in their queue but do not hide it again.
    if (flag->decision == "keep") return;
    if (flag->weight_quarters < config_.auto_mod_red_flags * kQuartersPerFlag) return;
    hide(*message);
}

void FlagModeration::hide(const store::MessageRecord& message) {
    moderation_.hide_subtree(message.id, now_ms_);
    // Like a deletion, it no longer counts as a child (tasks see fewer replies there).
    if (message.parent_id) store_.add_children_count(*message.parent_id, -1);
}

void FlagModeration::restore_hidden(const store::MessageRecord& message,
                                    const std::optional<std::string>& moderator_id) {
    moderation_.unhide_subtree(message.id);
    if (message.parent_id) store_.add_children_count(*message.parent_id, +1);
    moderation_.decide(message.id, "keep", moderator_id, now_ms_);
}

void FlagModeration::delete_hidden(const store::MessageRecord& message,
                                   const std::optional<std::string>& moderator_id) {
    moderation_.delete_hidden_subtree(message.id);
    moderation_.decide(message.id, "remove", moderator_id, now_ms_);
}

void FlagModeration::decide(const std::string& message_id, const std::string& decision,
                            const std::optional<std::string>& moderator_id) {
    if (decision != "keep" && decision != "remove" && decision != "handled")
        throw bad_input("The decision must be \"keep\", \"remove\" or \"handled\".");
    MessageService messages(store_, config_, now_ms_);
    const auto message = messages.get(message_id);
    if (!moderation_.find(message_id))
        throw DomainError(ErrorCode::MessageNotFound,
                          "Message " + message_id + " is not in the flag queue.");
    if (decision == "keep") {
        if (message.hidden) restore_hidden(message, moderator_id);
        moderation_.decide(message_id, "keep", moderator_id, now_ms_);
        return;
    }
    if (decision == "handled") {
        if (message.hidden)
            throw bad_input("This message is hidden by flags: keep it or remove it.");
        moderation_.decide(message_id, "handled", moderator_id, now_ms_);
        return;
    }
    messages.delete_message(message_id);
    // PROTOCOL.md §5: a prompt taken down by flags ends its tree as low grade.
    if (!message.parent_id) {
        const auto tree = store_.find_tree(message.tree_id);
        if (tree && tree_state::ends_when_prompt_removed(tree->state))
            store_.set_tree_state(tree->id, tree_state::kAbortedLowGrade, now_ms_);
    }
    moderation_.decide(message_id, "remove", moderator_id, now_ms_);
}

const std::vector<std::string>& queue_labels() {
    static const std::vector<std::string> kLabels = {"spam", "not_appropriate", "pii",
                                                     "hate_speech", "sexual_content"};
    return kLabels;
}

void FlagModeration::on_labels(const std::string& message_id,
                               const std::map<std::string, double>& labels, bool is_report) {
    bool flagged = is_report;
    for (const auto& name : queue_labels()) {
        const auto found = labels.find(name);
        // A flag widget sends 1 when set; likert-style values past the middle count too.
        if (found != labels.end() && found->second >= 0.5) flagged = true;
    }
    if (flagged) moderation_.flag(message_id, now_ms_);
}

nlohmann::json FlagModeration::queue_json(store::FlagQueue which, int limit,
                                          const std::optional<std::string>& before,
                                          bool most_flagged) {
    constexpr int kReportsShown = 5;
    const auto cursor = before ? parse_time_cursor(*before) : std::nullopt;
    const auto flags = most_flagged ? moderation_.most_flagged(which, limit)
                                    : moderation_.queue(which, limit, cursor);
    MessageService messages(store_, config_, now_ms_);
    store::LedgerStore people(store_.statements());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& flag : flags) {
        const auto message = store_.find_message(flag.message_id);
        if (!message) continue;
        // Who wrote it: a moderator may act on the author from the queue.
        const auto author = people.user_identity(message->user_id);
        items.push_back(
            {{"message", messages.to_json(*message, "", true)},
             {"author",
              {{"id", message->user_id},
               {"display_name", author ? author->display_name : ""},
               {"username", author ? author->username : ""}}},
             {"flagged_date", iso8601(flag.flagged_ms)},
             {"last_flag_date", iso8601(flag.last_flag_ms)},
             {"red_flags", flag.flag_count},
             {"flag_weight", flag.weight_quarters / static_cast<double>(kQuartersPerFlag)},
             {"hidden", message->hidden},
             {"handled", flag.handled},
             {"decision", optional_json(flag.decision)},
             {"decided_date", flag.decided_ms ? nlohmann::json(iso8601(*flag.decided_ms))
                                              : nlohmann::json(nullptr)},
             {"decided_by", optional_json(flag.decided_by)},
             {"reports",
              {{"count", flag.reports}, {"latest", reports_json(flag.message_id, kReportsShown)}}},
             {"labels", flag.labels},
             {"signals", flag.signals()}});
    }
    // The most flagged are one page: their order has no cursor.
    const bool more = !most_flagged && static_cast<int>(flags.size()) == limit;
    return {{"items", std::move(items)},
            {"next",
             more ? nlohmann::json(format_time_cursor(flags.back().last_flag_ms, flags.back().row))
                  : nlohmann::json(nullptr)},
            {"order", most_flagged ? "most_flagged" : "desc"}};
}

nlohmann::json FlagModeration::reports_json(const std::string& message_id, int limit) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& report : moderation_.reports(message_id, limit))
        items.push_back({{"text", report.text},
                         {"user_id", report.user_id},
                         {"created_date", iso8601(report.created_ms)}});
    return items;
}

} // namespace orchard::domain

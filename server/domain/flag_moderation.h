// Red flags weighed by who raises them, and what enough weight does (docs/flag-moderation.md,
// issue 15): throw-away accounts must not be able to take anyone's work down. A guest's flag
// weighs nothing, a flag from someone none of whose work was accepted yet weighs a quarter, and
// a flag from someone with accepted work weighs one. When a message's flags weigh
// auto_mod_red_flags, it is hidden with everything under it and waits in the moderators' queue;
// a moderator keeps it (it comes back) or removes it (deleted; a prompt's tree is aborted).
#pragma once

#include "server/domain/config.h"
#include "server/store/moderation_store.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace orchard::domain {

inline constexpr int kQuartersPerFlag = 4;

// The labels that put a message in the moderators' queue when someone sets them.
const std::vector<std::string>& queue_labels();

int flag_weight_quarters(const store::FlaggerStanding& flagger);

class FlagModeration {
  public:
    FlagModeration(store::TreeStore& store, const TreeManagerConfig& config, std::int64_t now_ms)
        : store_(store), moderation_(store.statements()), config_(config), now_ms_(now_ms) {}

    // `user_id` just raised a red flag on the message (the reaction is stored).
    void on_red_flag(const std::string& message_id, const std::string& user_id);
    // Labels were stored for the message: a report, or a flag label set (spam, not appropriate,
    // personal data, hate speech, sexual content), puts it in the queue. Nothing is hidden by
    // these: only red flags weigh toward hiding.
    void on_labels(const std::string& message_id, const std::map<std::string, double>& labels,
                   bool is_report);
    // A moderator's decision on a flagged message: "keep" (dismiss the flags), "remove", or
    // "handled" (acted on some other way, e.g. edited, or its author banned; not for a hidden
    // message, which needs keep or remove); DomainError 2001 when the message was never
    // flagged, 400 for another decision.
    void decide(const std::string& message_id, const std::string& decision,
                const std::optional<std::string>& moderator_id);
    // The queue as moderators read it: {items, next} with each item's message and reasons;
    // the latest flagged first, or with `most_flagged` the most flagged first (one page).
    nlohmann::json queue_json(store::FlagQueue which, int limit,
                              const std::optional<std::string>& before, bool most_flagged = false);

    // Used by deleting and restoring messages: a hidden message is decided on by them too.
    void restore_hidden(const store::MessageRecord& message,
                        const std::optional<std::string>& moderator_id);
    void delete_hidden(const store::MessageRecord& message,
                       const std::optional<std::string>& moderator_id);

  private:
    void hide(const store::MessageRecord& message);
    nlohmann::json reports_json(const std::string& message_id, int limit);

    store::TreeStore& store_;
    store::ModerationStore moderation_;
    const TreeManagerConfig& config_;
    std::int64_t now_ms_;
};

} // namespace orchard::domain

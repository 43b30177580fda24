// The moderators' flag queue and what auto-moderation does to the messages in it
// (docs/flag-moderation.md): the only SQL for flagged_messages and for the weight of red flags.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orchard::store {

class StatementCache;

struct FlagRecord {
    std::int64_t row = 0; // the queue's order among flags of the same millisecond
    std::string message_id;
    std::int64_t flagged_ms = 0;   // the first red flag
    std::int64_t last_flag_ms = 0; // the latest one
    int flag_count = 0;            // red flags on the message now
    int weight_quarters = 0;       // what they weigh together, in quarters of a flag
    std::optional<std::int64_t> hidden_ms;
    bool handled = false;                // a moderator decided, and no red flag came after
    std::optional<std::string> decision; // keep or remove
    std::optional<std::int64_t> decided_ms;
    std::optional<std::string> decided_by;
    int reports = 0;                   // reports (labels sent as a report) on the message
    std::map<std::string, int> labels; // flag label name → how many people set it

    // Everything that says "look at this": red flags, reports and flag labels.
    int signals() const {
        int total = flag_count + reports;
        for (const auto& [name, count] : labels)
            total += count;
        return total;
    }
};

struct ReportRecord {
    std::string text; // the reporter's reason, if they gave one
    std::string user_id;
    std::int64_t created_ms = 0;
};

// What the queue shows: the open items only (not handled), or every item.
enum class FlagQueue { Open, All };

// Who raised a red flag, as far as weighing it goes.
struct FlaggerStanding {
    bool guest = false;             // an Orchard account that cannot sign in again
    bool has_accepted_work = false; // wrote a message that reviews accepted
};

class ModerationStore {
  public:
    explicit ModerationStore(StatementCache& statements) : statements_(statements) {}

    FlaggerStanding standing(const std::string& user_id);
    // Records the weight of the person's red flag on the message (the reaction row exists).
    void set_flag_weight(const std::string& message_id, const std::string& user_id,
                         int weight_quarters);
    // Puts the message in the queue, or back into it when a moderator had handled it.
    void flag(const std::string& message_id, std::int64_t now_ms);
    std::optional<FlagRecord> find(const std::string& message_id);
    // Latest flag first; `before` (the last item's last_flag_ms and row) pages on.
    std::vector<FlagRecord> queue(FlagQueue which, int limit,
                                  std::optional<std::pair<std::int64_t, std::int64_t>> before);
    // The most flagged first (FlagRecord::signals), then the latest; one page.
    std::vector<FlagRecord> most_flagged(FlagQueue which, int limit);
    // The latest reports on the message, newest first.
    std::vector<ReportRecord> reports(const std::string& message_id, int limit);

    // The message and every message under it that is in the tree leave it, hidden.
    void hide_subtree(const std::string& message_id, std::int64_t now_ms);
    // Undoes hide_subtree, except below messages still hidden for flags of their own.
    void unhide_subtree(const std::string& message_id);
    // Hidden messages in the subtree become deleted ones.
    void delete_hidden_subtree(const std::string& message_id);
    void decide(const std::string& message_id, const std::string& decision,
                const std::optional<std::string>& moderator_id, std::int64_t now_ms);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

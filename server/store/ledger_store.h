// The points ledger and what is kept current with it: each user's counts per time frame (the
// live leaderboards), how far each rolling frame has let events go, streaks, and the small
// rewards state. The only SQL for these tables; the rules are domain/rewards.h's.
#pragma once

#include "protocol/rewards.h"
#include "server/store/ledger_records.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct LedgerRow {
    std::int64_t id = 0;
    std::string user_id;
    PointKind kind = PointKind::Prompt;
    double points = 0;
    std::optional<std::string> message_id;
    std::int64_t created_ms = 0;
};

// A place in the ledger's time order: events are ordered by (created_ms, id).
struct LedgerCursor {
    std::int64_t created_ms = 0;
    std::int64_t id = 0;
};

// One leaderboard row with who it is.
struct BoardRow {
    std::string user_id;
    PointCounts counts{};
    std::int64_t score = 0;
    std::string display_name;
    std::string auth_method;
    std::string username;
    PointCounts total_counts{};   // all time, for the level
    std::optional<Streak> streak; // none before the first point
};

class LedgerStore {
  public:
    explicit LedgerStore(StatementCache& statements) : statements_(statements) {}

    std::int64_t insert(const std::string& user_id, PointKind kind, double points,
                        const std::optional<std::string>& message_id, std::int64_t created_ms);
    // Ledger rows after `after` and no newer than `until_ms`, in time order, at most `limit`.
    std::vector<LedgerRow> rows_between(LedgerCursor after, std::int64_t until_ms, int limit);
    // Each user's counts of the events with after_ms < created_ms ≤ until_ms.
    std::map<std::string, PointCounts> counts_between(std::int64_t after_ms, std::int64_t until_ms);
    // A user's rows, newest first, older than `before` when given.
    std::vector<LedgerRow> user_rows(const std::string& user_id,
                                     const std::optional<LedgerCursor>& before, int limit);
    // A user's rows since `since_ms`, oldest first (for the activity chart).
    std::vector<LedgerRow> user_rows_since(const std::string& user_id, std::int64_t since_ms);
    // A user's rows that their messages earned, oldest first (a purge takes them back).
    std::vector<LedgerRow> user_message_rows(const std::string& user_id);
    // Takes rows out of the ledger; whoever does keeps the frames' counts right.
    void remove_row(std::int64_t id);

    // Time frames (protocol::TimeFrame as its number).
    std::optional<PointCounts> frame_counts(protocol::TimeFrame frame, const std::string& user_id);
    // Stores the counts and score, or removes the row when every count is 0.
    void save_frame_counts(protocol::TimeFrame frame, const std::string& user_id,
                           const PointCounts& counts, std::int64_t score);
    // Every row of a frame (to recompute scores when the weights change).
    std::vector<std::pair<std::string, PointCounts>> all_frame_counts(protocol::TimeFrame frame);
    LedgerCursor frame_cursor(protocol::TimeFrame frame);
    void set_frame_cursor(protocol::TimeFrame frame, LedgerCursor cursor);

    // Leaderboards: shown users by score, ties by user id.
    std::vector<BoardRow> board(protocol::TimeFrame frame, int limit, std::int64_t offset);
    // The same, of all time, among the visitors of one event (event_members) only.
    std::vector<BoardRow> event_board(const std::string& event, int limit);
    void add_event_member(const std::string& user_id, const std::string& event,
                          std::int64_t now_ms);
    std::int64_t count_shown(protocol::TimeFrame frame);
    // The first of a board (user id and score) without who they are: checked after every event.
    std::optional<std::pair<std::string, std::int64_t>> leader(protocol::TimeFrame frame);
    // 1-based rank of a shown user with a row in the frame.
    std::optional<std::int64_t> rank_of(protocol::TimeFrame frame, const std::string& user_id);
    // Whether the user may appear on leaderboards, and their names for a UserScore.
    std::optional<BoardRow> user_identity(const std::string& user_id);
    // Whether the user may appear on leaderboards now.
    bool user_shown(const std::string& user_id);
    // The user's rows follow users.enabled, deleted and show_on_leaderboard.
    void refresh_visibility(const std::string& user_id);

    std::optional<Streak> streak(const std::string& user_id);
    void save_streak(const std::string& user_id, const Streak& streak);

    // Leaderboards may have changed: a new random version, so that an answer cached under the
    // old one is not used again (one rolled back restores the old version, and the answers
    // cached for it are still right).
    void touch_boards();
    std::string board_version();
    // When the oldest event still in a rolling frame `span_ms` long leaves it (nullopt: none
    // will).
    std::optional<std::int64_t> next_expiry_ms(protocol::TimeFrame frame, std::int64_t span_ms);

    std::optional<std::string> state(const std::string& key);
    void set_state(const std::string& key, const std::string& value);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

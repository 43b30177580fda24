// Points, live leaderboards, levels, streaks, the news feed and prizes (issue 6; PROTOCOL.md §7,
// docs/rewards.md). Every event is one ledger row, and every time frame's counts change with it
// in the same transaction, so a leaderboard is always as current as the last commit. Rolling
// frames let old events go, in ledger order, before each event and each read (bring_up_to_date).
// Runs inside the caller's transaction like the tree manager.
#pragma once

#include "server/domain/config.h"
#include "server/domain/points.h"
#include "server/store/ledger_store.h"
#include "server/store/news_store.h"
#include "server/store/prize_store.h"
#include "server/store/records.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace orchard::domain {

class Rewards {
  public:
    // `read_only`: on a read connection (Database::read; store::on_read_connection says), where
    // bring_up_to_date throws store::WriteNeeded if anything is due instead of doing it.
    Rewards(store::StatementCache& statements, const TreeManagerConfig& config, std::int64_t now_ms,
            bool read_only = false);

    // Events. Each records ledger rows for the people who earned something.
    void message_written(const store::MessageRecord& message);
    void labels_done(const std::string& user_id, const std::string& message_id, bool full);
    // `ranked` is the ranking's reply ids, best first (empty when "not rankable").
    void ranking_done(const std::string& user_id, const std::string& parent_id,
                      const std::vector<std::string>& ranked);
    void message_accepted(const store::MessageRecord& message);
    // A parent's rankings were merged into `consensus` (best first): rankings that agree earn.
    void rankings_scored(const std::string& parent_id,
                         const std::vector<store::RankingRow>& rankings,
                         const std::vector<std::string>& consensus);
    void tree_ready(const std::string& tree_id);

    // Lets events leave the rolling frames, announces a new leader of the day, awards the prizes
    // whose end has passed. Cheap when nothing is due; runs once per Rewards object.
    void bring_up_to_date();
    // After the weights changed: every stored score from its counts.
    void recompute_scores();

    // What a leaderboard answer depends on besides its query: a version that changes with every
    // change of the boards, and when the frame changes by itself (an event leaving it).
    std::string board_version();
    std::optional<std::int64_t> board_valid_until(TimeFrame frame);

    // Reads (the JSON of docs/rewards.md).
    nlohmann::json leaderboard(TimeFrame frame, int max_count, std::int64_t offset);
    nlohmann::json user_stats(const std::string& user_id);
    nlohmann::json user_window(const std::string& user_id, TimeFrame frame, int window_size);
    nlohmann::json ledger_page(const std::string& user_id, const std::string& before,
                               int max_count);
    nlohmann::json activity(const std::string& user_id, int days);
    nlohmann::json news(std::int64_t after_id, int max_count);
    // The all-time board among one event's visitors (kiosk guests), best first.
    nlohmann::json event_board(const std::string& event, int max_count);
    std::int64_t newest_news_id();
    nlohmann::json prizes();
    nlohmann::json prize_json(const store::PrizeRecord& prize);

    // The text of a news item, as the feed and the webhook show it.
    std::string news_text(const store::NewsRow& row);

    // Each user's score over after_ms < created_ms ≤ until_ms from the ledger alone, shown users
    // only, best first, ties by user id: prize winners, and the tests' reference computation.
    std::vector<std::pair<std::string, std::int64_t>> scores_between(std::int64_t after_ms,
                                                                     std::int64_t until_ms);

    // What taking back the points a person's messages earned does (a purge): each frame's
    // score before and after, and how many events of each kind go.
    struct PointsTakenBack {
        std::map<TimeFrame, std::pair<std::int64_t, std::int64_t>> scores; // before, after
        std::map<std::string, std::int64_t> events;                        // kind name → count
    };
    // With `apply` false, only says what would change.
    PointsTakenBack take_back_points(const std::string& user_id,
                                     const std::set<std::string>& message_ids, bool apply);

    // One ledger row and everything kept current with it (the events above use this).
    void record(const std::string& user_id, PointKind kind,
                const std::optional<std::string>& message_id);

  private:
    // Whether bring_up_to_date has anything to do: an event to leave a rolling frame, a prize
    // to award.
    bool anything_due();
    // Takes the events older than the frame out of its counts; true if any left.
    bool expire(TimeFrame frame);
    void check_day_leader();
    void award_due_prizes();
    void add_news(const std::string& kind, const std::optional<std::string>& user_id,
                  const std::optional<std::string>& message_id, const nlohmann::json& data);
    nlohmann::json user_score(const store::BoardRow& row, std::optional<std::int64_t> rank,
                              bool highlighted);
    nlohmann::json board_json(TimeFrame frame, const std::vector<store::BoardRow>& rows,
                              std::int64_t first_rank, const std::string& highlighted_user);

    store::LedgerStore ledger_;
    store::NewsStore news_;
    store::PrizeStore prizes_;
    store::TreeStore trees_;
    const TreeManagerConfig& config_;
    std::int64_t now_ms_;
    bool read_only_;
    bool up_to_date_ = false;
};

} // namespace orchard::domain

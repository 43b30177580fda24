// The rewards shapes of PROTOCOL.md §7 and docs/rewards.md as the browser client reads them:
// scores per time frame, leaderboard pages, the points ledger, daily activity, contributions,
// the news feed and prizes. Parsing is tolerant: missing fields take defaults, unknown ones are
// ignored; only a body that is not the expected kind of object is refused.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

enum class TimeFrame { Day, Week, Month, Total };
inline constexpr TimeFrame kAllTimeFrames[] = {TimeFrame::Day, TimeFrame::Week, TimeFrame::Month,
                                               TimeFrame::Total};
const char* to_string(TimeFrame frame); // "day", "week", "month", "total"
std::optional<TimeFrame> time_frame_from(std::string_view name);

// One user's standing in one time frame (PROTOCOL.md §7's UserScore plus the level thresholds).
struct UserScore {
    std::optional<long long> rank; // none when the user has no events in the frame
    std::string user_id;
    std::string username;
    std::string display_name;
    bool highlighted = false; // the viewer's own row in a window around them
    long long leader_score = 0;
    int level = 1;
    long long level_min_score = 0;             // the score the current level starts at
    std::optional<long long> level_next_score; // the score of the next level; none at 100
    long long prompts = 0, replies_assistant = 0, replies_prompter = 0;
    long long labels_simple = 0, labels_full = 0, rankings_total = 0, rankings_good = 0;
    long long accepted_prompts = 0, accepted_replies_assistant = 0, accepted_replies_prompter = 0;
    long long reply_ranked_1 = 0, reply_ranked_2 = 0, reply_ranked_3 = 0;
    int streak_days = 0;
    std::string last_activity_date;
};

// How far from the current level's start to the next level, 0..1 (1 at the top level).
double level_progress(const UserScore& score);

struct Leaderboard {
    TimeFrame time_frame = TimeFrame::Total;
    std::string last_updated;
    long long total_count = 0; // users on the whole board (0 when the server did not say)
    long long offset = 0;
    std::vector<UserScore> rows;
};

// GET /users/{id}/stats: the user's score in each frame.
struct UserStats {
    UserScore day, week, month, total;
    const UserScore& in(TimeFrame frame) const;
};

struct LedgerEntry {
    std::string id;
    std::string kind; // e.g. "reply_assistant", see docs/rewards.md
    double points = 0;
    std::string created_date;
    std::string message_id;
};

struct LedgerPage {
    std::vector<LedgerEntry> items;
    std::optional<std::string> next; // the cursor of the following (older) page
};

struct ActivityDay {
    std::string date; // YYYY-MM-DD, UTC
    double points = 0;
    long long events = 0;
};

struct Contribution {
    std::string message_id;
    std::string message_tree_id;
    std::string parent_id;
    std::string role; // "prompter" or "assistant"
    std::string text;
    std::string created_date;
    long long review_count = 0;
    std::string review_result = "pending"; // accepted, rejected or pending
    std::optional<long long> rank;
    long long ranking_count = 0;
    long long replies = 0;
    long long replies_by_others = 0;
    std::string tree_state;
    bool deleted = false;
};

struct ContributionPage {
    std::vector<Contribution> items;
    std::optional<std::string> next;
};

struct NewsItem {
    std::string id;
    std::string kind; // prompt_accepted, tree_ready, level_reached, day_leader, prize_awarded, ...
    std::string created_date;
    std::string text;
    std::string user_id;
    std::string display_name;
};

struct NewsPage {
    std::vector<NewsItem> items;       // newest first
    std::optional<std::string> cursor; // pass as `after` to get only newer items
};

struct PrizeWinner {
    int place = 0;
    std::string user_id;
    std::string display_name;
    long long score = 0;
};

struct Prize {
    std::string id;
    std::string title;
    std::string description;
    std::string time_frame;
    std::string starts_at;
    std::string ends_at;
    long long winners_count = 0;
    bool awarded = false;
    std::vector<PrizeWinner> winners;
};

struct Prizes {
    std::vector<Prize> current;
    std::vector<Prize> past;
};

std::optional<Leaderboard> parse_leaderboard(std::string_view body);
std::optional<UserStats> parse_user_stats(std::string_view body);
std::optional<UserStats> user_stats_from(const nlohmann::json& stats); // within a larger answer
std::optional<LedgerPage> parse_ledger(std::string_view body);
std::optional<std::vector<ActivityDay>> parse_activity(std::string_view body);
std::optional<ContributionPage> parse_contributions(std::string_view body);
std::optional<NewsPage> parse_news(std::string_view body);
std::optional<Prizes> parse_prizes(std::string_view body);

} // namespace orchard::protocol

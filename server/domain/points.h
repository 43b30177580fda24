// The arithmetic of rewards (PROTOCOL.md §7, docs/rewards.md): the kinds of events that earn
// points, a time frame's score from its counts, levels, streaks, and whether a ranking agrees with
// the consensus. Pure functions; the ledger and the leaderboards (domain/rewards.h) use them, and
// so do the tests that recompute everything from scratch.
#pragma once

#include "protocol/rewards.h"
#include "server/domain/config.h"
#include "server/store/ledger_records.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::domain {

// The kinds, their counts and streaks are what the ledger stores (server/store/ledger_records.h).
using store::kPointKindCount;
using store::PointCounts;
using store::PointKind;
using store::Streak;

// "prompt", "reply_assistant", … (the ledger's `kind` in the API).
std::string_view kind_name(PointKind kind);
std::optional<PointKind> kind_from_name(std::string_view name);
// The UserScore field that counts this kind: "prompts", "replies_assistant", …
std::string_view count_field(PointKind kind);
// The kind's weight in the configuration (points_<kind>).
double weight(const TreeManagerConfig& config, PointKind kind);

// PROTOCOL.md §7: each kind's count times its weight, rounded down per kind.
std::int64_t score_of(const PointCounts& counts, const TreeManagerConfig& config);

// The frames as the protocol names them (the client shares them); stored as their number.
using protocol::TimeFrame;
inline constexpr const auto& kTimeFrames = protocol::kAllTimeFrames;
inline std::string_view frame_name(TimeFrame frame) {
    return protocol::to_string(frame);
}
inline std::optional<TimeFrame> frame_from_name(std::string_view name) {
    return protocol::time_frame_from(name);
}
// How far back a rolling frame reaches; nullopt for total.
std::optional<std::int64_t> frame_span_ms(TimeFrame frame);

// Levels 1..100: how many of the thresholds T[0..99] are at most `total_score`.
int level_of(std::int64_t total_score);
// T[level - 1], the score that reaches `level` (1..100).
std::int64_t level_threshold(int level);

// A streak starts with the first event after 36 hours without one.
inline constexpr std::int64_t kStreakBreakMs = 36LL * 3600 * 1000;
inline constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
// The streak after an event at `now_ms` (nullopt: the user's first event ever).
Streak streak_after_event(const std::optional<Streak>& before, std::int64_t now_ms);
// Whole days since the streak started; 0 once it is broken.
int streak_days(const Streak& streak, std::int64_t now_ms);

// Whether `ranking` (best first) agrees with the consensus `order` (best first): over the
// replies both contain (at least 2), Kendall's tau is at least 0.5.
bool ranking_agrees(const std::vector<std::string>& ranking, const std::vector<std::string>& order);

} // namespace orchard::domain

// What the points ledger stores: the kinds of events by their stored number, a user's counts per
// kind, a streak. The arithmetic over them is the domain's (server/domain/points.h).
#pragma once

#include <array>
#include <cstdint>

namespace orchard::store {

// The stored number of each kind is its position here: never reorder, only append.
enum class PointKind {
    Prompt,
    ReplyAssistant,
    ReplyPrompter,
    LabelSimple,
    LabelFull,
    Ranking,
    RankingGood,
    AcceptedPrompt,
    AcceptedReplyAssistant,
    AcceptedReplyPrompter,
    ReplyRanked1,
    ReplyRanked2,
    ReplyRanked3,
};
inline constexpr int kPointKindCount = 13;

// How many events of each kind one user has in one time frame.
using PointCounts = std::array<std::int64_t, kPointKindCount>;

struct Streak {
    std::int64_t start_ms = 0;
    std::int64_t last_activity_ms = 0;
};

} // namespace orchard::store

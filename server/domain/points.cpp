#include "server/domain/points.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace orchard::domain {

namespace {

struct KindInfo {
    PointKind kind;
    std::string_view name;
    std::string_view count_field;
    double TreeManagerConfig::*weight;
};

constexpr std::array<KindInfo, kPointKindCount> kKinds{{
    {PointKind::Prompt, "prompt", "prompts", &TreeManagerConfig::points_prompt},
    {PointKind::ReplyAssistant, "reply_assistant", "replies_assistant",
     &TreeManagerConfig::points_reply_assistant},
    {PointKind::ReplyPrompter, "reply_prompter", "replies_prompter",
     &TreeManagerConfig::points_reply_prompter},
    {PointKind::LabelSimple, "label_simple", "labels_simple",
     &TreeManagerConfig::points_label_simple},
    {PointKind::LabelFull, "label_full", "labels_full", &TreeManagerConfig::points_label_full},
    {PointKind::Ranking, "ranking", "rankings_total", &TreeManagerConfig::points_ranking},
    {PointKind::RankingGood, "ranking_good", "rankings_good",
     &TreeManagerConfig::points_ranking_good},
    {PointKind::AcceptedPrompt, "accepted_prompt", "accepted_prompts",
     &TreeManagerConfig::points_accepted_prompt},
    {PointKind::AcceptedReplyAssistant, "accepted_reply_assistant", "accepted_replies_assistant",
     &TreeManagerConfig::points_accepted_reply_assistant},
    {PointKind::AcceptedReplyPrompter, "accepted_reply_prompter", "accepted_replies_prompter",
     &TreeManagerConfig::points_accepted_reply_prompter},
    {PointKind::ReplyRanked1, "reply_ranked_1", "reply_ranked_1",
     &TreeManagerConfig::points_reply_ranked_1},
    {PointKind::ReplyRanked2, "reply_ranked_2", "reply_ranked_2",
     &TreeManagerConfig::points_reply_ranked_2},
    {PointKind::ReplyRanked3, "reply_ranked_3", "reply_ranked_3",
     &TreeManagerConfig::points_reply_ranked_3},
}};

const KindInfo& info(PointKind kind) {
    return kKinds[static_cast<size_t>(kind)];
}

// T[0..99], computed once.
const std::array<std::int64_t, 100>& thresholds() {
    static const auto kThresholds = [] {
        std::array<std::int64_t, 100> t{};
        for (int i = 1; i < 100; ++i) {
            // Σ_{k=1..i} (1.1521 k + 3) in closed form, so that rounding sees the exact sum.
            const long double sum = 1.1521L * i * (i + 1) / 2 + 3.0L * i;
            t[static_cast<size_t>(i)] = std::llround(sum);
        }
        return t;
    }();
    return kThresholds;
}

} // namespace

std::string_view kind_name(PointKind kind) {
    return info(kind).name;
}

std::optional<PointKind> kind_from_name(std::string_view name) {
    for (const auto& kind : kKinds)
        if (kind.name == name) return kind.kind;
    return std::nullopt;
}

std::string_view count_field(PointKind kind) {
    return info(kind).count_field;
}

double weight(const TreeManagerConfig& config, PointKind kind) {
    return config.*info(kind).weight;
}

std::int64_t score_of(const PointCounts& counts, const TreeManagerConfig& config) {
    std::int64_t score = 0;
    for (const auto& kind : kKinds) {
        // The small epsilon keeps 0.1 × 30 = 2.9999… from losing a point to binary fractions.
        const double points =
            config.*kind.weight * static_cast<double>(counts[static_cast<size_t>(kind.kind)]);
        score += static_cast<std::int64_t>(std::floor(points + 1e-9));
    }
    return score;
}

std::optional<std::int64_t> frame_span_ms(TimeFrame frame) {
    switch (frame) {
    case TimeFrame::Day:
        return kDayMs;
    case TimeFrame::Week:
        return 7 * kDayMs;
    case TimeFrame::Month:
        return 30 * kDayMs;
    case TimeFrame::Total:
        return std::nullopt;
    }
    return std::nullopt;
}

int level_of(std::int64_t total_score) {
    const auto& t = thresholds();
    return static_cast<int>(std::upper_bound(t.begin(), t.end(), total_score) - t.begin());
}

std::int64_t level_threshold(int level) {
    return thresholds()[static_cast<size_t>(std::clamp(level, 1, 100) - 1)];
}

Streak streak_after_event(const std::optional<Streak>& before, std::int64_t now_ms) {
    if (!before || now_ms - before->last_activity_ms > kStreakBreakMs) return {now_ms, now_ms};
    return {before->start_ms, std::max(before->last_activity_ms, now_ms)};
}

int streak_days(const Streak& streak, std::int64_t now_ms) {
    if (now_ms - streak.last_activity_ms > kStreakBreakMs) return 0;
    return static_cast<int>(std::max<std::int64_t>(0, now_ms - streak.start_ms) / kDayMs);
}

bool ranking_agrees(const std::vector<std::string>& ranking,
                    const std::vector<std::string>& order) {
    std::map<std::string, size_t> place;
    for (size_t i = 0; i < order.size(); ++i)
        place.emplace(order[i], i);
    std::vector<size_t> places; // the consensus place of each shared reply, in ranking order
    for (const auto& id : ranking)
        if (auto it = place.find(id); it != place.end()) places.push_back(it->second);
    if (places.size() < 2) return false;
    std::int64_t concordant = 0;
    std::int64_t discordant = 0;
    for (size_t i = 0; i < places.size(); ++i)
        for (size_t j = i + 1; j < places.size(); ++j)
            (places[i] < places[j] ? concordant : discordant) += 1;
    // tau = (c − d) / (c + d) ≥ 0.5  ⇔  c ≥ 3 d
    return concordant >= 3 * discordant;
}

} // namespace orchard::domain

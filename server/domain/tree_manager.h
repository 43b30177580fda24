// The tree manager of PROTOCOL.md §5-6: moves conversation trees through their states as reviews,
// replies, skips and rankings arrive. Every method runs inside the caller's transaction.
//
// initial_prompt_review → (3 reviews, acceptance > 0.6) prompt_lottery_waiting, else
// aborted_low_grade prompt_lottery_waiting → (lottery, while fewer than max_active_trees grow)
// growing growing → (goal size reached or nothing left to answer, no review pending) ranking
// ranking → (every sibling group ranked num_required_rankings times) ready_for_scoring
// ready_for_scoring → (Ranked Pairs consensus written as ranks) ready_for_export | scoring_failed
#pragma once

#include "server/domain/config.h"
#include "server/store/tree_store.h"

#include <array>
#include <random>
#include <string>
#include <string_view>

namespace orchard::domain {

namespace tree_state {
inline constexpr const char* kInitialPromptReview = "initial_prompt_review";
inline constexpr const char* kPromptLotteryWaiting = "prompt_lottery_waiting";
inline constexpr const char* kGrowing = "growing";
inline constexpr const char* kRanking = "ranking";
inline constexpr const char* kReadyForScoring = "ready_for_scoring";
inline constexpr const char* kReadyForExport = "ready_for_export";
inline constexpr const char* kAbortedLowGrade = "aborted_low_grade";
inline constexpr const char* kHaltedByModerator = "halted_by_moderator";
inline constexpr const char* kScoringFailed = "scoring_failed";
inline constexpr const char* kBacklogRanking = "backlog_ranking";
// Every state, in the order a tree passes through them.
inline constexpr std::array<const char*, 10> kAll = {
    kInitialPromptReview, kPromptLotteryWaiting, kGrowing,         kRanking,
    kReadyForScoring,     kReadyForExport,       kAbortedLowGrade, kHaltedByModerator,
    kScoringFailed,       kBacklogRanking,
};
inline bool is_state(std::string_view name) {
    for (const char* state : kAll)
        if (name == state) return true;
    return false;
}
// PROTOCOL.md §5: a tree whose prompt moderation takes down before its replies are ranked ends
// as low grade; a later tree keeps its state.
inline bool ends_when_prompt_removed(std::string_view state) {
    return state == kInitialPromptReview || state == kPromptLotteryWaiting || state == kGrowing;
}
} // namespace tree_state

// What becomes of a contribution (a reply, a ranking or labels) sent for a task we handed out,
// given the state its tree is in when it arrives (docs/late-contributions.md). Trees move on
// while people work: another person's review or ranking can close the round a task was made
// for. That is our own state change, not the contributor's fault, so the work is stored
// (Late: marked, and kept out of the round that was already decided), as the Open-Assistant
// backend stores replies to growing, ranking and finished trees. Only a tree that was stopped
// (aborted_low_grade, halted_by_moderator) takes nothing more: Refused.
enum class Arrival { OnTime, Late, Refused };
// `task_type` is the task's type (assistant_reply, rank_prompter_replies, label_...).
Arrival arrival_of(const std::string& task_type, const std::string& tree_state);

class TreeManager {
  public:
    TreeManager(store::TreeStore& store, const TreeManagerConfig& config, std::mt19937_64& rng,
                std::int64_t now_ms)
        : store_(store), config_(config), rng_(rng), now_ms_(now_ms) {}

    // A new root prompt starts a tree under review.
    void start_tree(const store::MessageRecord& root);
    // A reply was added under `parent_id` (already stored). A late reply (arrived_after_growing)
    // is counted as a live child and nothing more: it is never offered for review or ranking.
    void reply_added(const store::MessageRecord& reply);
    // A task-based review (labels) of `message_id` was stored.
    void review_added(const std::string& message_id);
    // A review that arrived after its round closed was stored: counted apart, decides nothing.
    void late_review_added(const std::string& message_id);
    // A ranking of `parent_id`'s replies was stored.
    void ranking_added(const std::string& parent_id);
    // A ranking that arrived after the tree left ranking was stored: counted apart, and never
    // part of a consensus (the tree was scored, or is not being ranked).
    void late_ranking_added(const std::string& parent_id);
    // Someone skipped answering `message_id`.
    void reply_skipped(const std::string& message_id);
    // Draws waiting prompts into growing while there is room (PROTOCOL.md §5 lottery).
    void run_lottery(const std::string& lang);

  private:
    void check_growing_done(const std::string& tree_id);
    void check_ranking_done(const std::string& tree_id);
    void score(const std::string& tree_id);
    // Parents whose accepted replies must be ranked: more than one accepted, live, on-time child.
    std::vector<std::string> parents_to_rank(const std::string& tree_id);
    bool tree_can_grow(const store::TreeRecord& tree);

    store::TreeStore& store_;
    const TreeManagerConfig& config_;
    std::mt19937_64& rng_;
    std::int64_t now_ms_;
};

} // namespace orchard::domain

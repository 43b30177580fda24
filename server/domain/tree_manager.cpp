#include "server/domain/tree_manager.h"

#include "server/domain/ranked_pairs.h"
#include "server/domain/review.h"
#include "server/domain/rewards.h"
#include "server/domain/weighted_choice.h"

#include <algorithm>
#include <map>

namespace orchard::domain {

namespace {

std::vector<ReviewLabels> to_review_labels(const std::vector<store::ReviewRecord>& reviews) {
    std::vector<ReviewLabels> labels;
    for (const auto& review : reviews)
        labels.push_back({review.spam, review.lang_mismatch});
    return labels;
}

} // namespace

Arrival arrival_of(const std::string& task_type, const std::string& tree_state) {
    // A stopped tree takes nothing more: a moderator halted it, or its prompt was rejected.
    if (tree_state == tree_state::kAbortedLowGrade || tree_state == tree_state::kHaltedByModerator)
        return Arrival::Refused;
    // The state in which tasks of this kind are handed out; any other state means the tree
    // moved on after the task was made.
    const char* open_state = tree_state::kGrowing;             // replies, and reviews of replies
    if (task_type == "initial_prompt") return Arrival::OnTime; // starts its own tree
    if (task_type == "label_initial_prompt") open_state = tree_state::kInitialPromptReview;
    if (task_type.starts_with("rank_")) open_state = tree_state::kRanking;
    return tree_state == open_state ? Arrival::OnTime : Arrival::Late;
}

void TreeManager::start_tree(const store::MessageRecord& root) {
    store::TreeRecord tree;
    tree.id = root.id;
    tree.state = tree_state::kInitialPromptReview;
    tree.lang = root.lang;
    tree.goal_tree_size = config_.goal_tree_size;
    tree.max_depth = config_.max_tree_depth;
    tree.max_children_count = config_.max_children_count;
    tree.origin = "api";
    tree.created_ms = now_ms_;
    store_.insert_tree(tree);
}

void TreeManager::reply_added(const store::MessageRecord& reply) {
    store_.add_child(*reply.parent_id);
    // A new reply under review keeps the tree growing until it is reviewed.
}

void TreeManager::review_added(const std::string& message_id) {
    auto message = store_.find_message(message_id);
    if (!message) return;
    auto tree = store_.find_tree(message->tree_id);
    if (!tree) return;
    const bool is_root = !message->parent_id;
    const auto reviews = to_review_labels(store_.task_reviews(message_id));
    const int required = is_root ? config_.num_reviews_initial_prompt : config_.num_reviews_reply;
    const double threshold =
        is_root ? config_.acceptance_threshold_initial_prompt : config_.acceptance_threshold_reply;
    const ReviewOutcome outcome = review_outcome(reviews, required, threshold);
    std::optional<bool> result;
    if (outcome == ReviewOutcome::Accepted) result = true;
    if (outcome == ReviewOutcome::Rejected) result = false;
    // A message keeps the result it first received; later reviews only add to the count.
    const bool newly_accepted = !message->review_result && result == std::optional(true);
    if (message->review_result) result = message->review_result;
    store_.set_review(message_id, static_cast<int>(reviews.size()), result);
    if (newly_accepted) Rewards(store_.statements(), config_, now_ms_).message_accepted(*message);

    if (is_root && tree->state == tree_state::kInitialPromptReview && result) {
        store_.set_tree_state(
            tree->id, *result ? tree_state::kPromptLotteryWaiting : tree_state::kAbortedLowGrade,
            now_ms_);
        if (*result) run_lottery(tree->lang);
        return;
    }
    if (!is_root && tree->state == tree_state::kGrowing) check_growing_done(tree->id);
}

void TreeManager::late_review_added(const std::string& message_id) {
    // The message's review was decided before this one arrived (a tree leaves a review state
    // only once its reviews are in), so it changes no result and moves no tree.
    store_.increment_late_review_count(message_id);
}

void TreeManager::late_ranking_added(const std::string& parent_id) {
    // Rankings are merged once, when a tree's last ranking arrives; a later one cannot join
    // that consensus without re-scoring a tree that may already be exported.
    store_.increment_late_ranking_count(parent_id);
}

void TreeManager::ranking_added(const std::string& parent_id) {
    store_.increment_ranking_count(parent_id);
    auto parent = store_.find_message(parent_id);
    if (!parent) return;
    auto tree = store_.find_tree(parent->tree_id);
    if (tree && tree->state == tree_state::kRanking) check_ranking_done(tree->id);
}

void TreeManager::reply_skipped(const std::string& message_id) {
    auto message = store_.find_message(message_id);
    if (!message) return;
    if (store_.count_reactions(message_id, "_skip_reply") < config_.auto_mod_max_skip_reply) return;
    auto tree = store_.find_tree(message->tree_id);
    if (tree && tree->state == tree_state::kGrowing) {
        store_.set_tree_state(tree->id, tree_state::kHaltedByModerator, now_ms_);
        run_lottery(tree->lang);
    }
}

void TreeManager::run_lottery(const std::string& lang) {
    while (store_.count_trees(tree_state::kGrowing, lang) < config_.max_active_trees) {
        // Authors weigh 1 + their replies ranked first in the last 30 days: people who write
        // good answers see their own prompts grow sooner (PROTOCOL.md §5).
        const std::int64_t month_ago = now_ms_ - std::int64_t{30} * 24 * 3600 * 1000;
        const auto waiting = store_.lottery_entries(lang, month_ago, 1000);
        if (waiting.empty()) return;
        std::map<std::string, std::vector<const store::TreeStore::LotteryEntry*>> by_author;
        for (const auto& entry : waiting)
            by_author[entry.author_id].push_back(&entry);
        std::vector<std::string> authors;
        std::vector<long> first_places;
        for (const auto& [author, entries] : by_author) {
            authors.push_back(author);
            first_places.push_back(entries.front()->author_first_places);
        }
        auto chosen = choose_lottery_author(first_places, rng_);
        if (!chosen) return;
        const auto& candidates = by_author[authors[*chosen]];
        const auto* oldest = *std::min_element(
            candidates.begin(), candidates.end(),
            [](const auto* a, const auto* b) { return a->created_ms < b->created_ms; });
        store_.set_tree_state(oldest->tree_id, tree_state::kGrowing, now_ms_);
        store_.set_tree_lottery_won(oldest->tree_id, now_ms_);
    }
}

bool TreeManager::tree_can_grow(const store::TreeRecord& tree) {
    for (const auto& message : store_.tree_messages(tree.id)) {
        if (message.deleted || message.review_result != std::optional<bool>(true)) continue;
        if (message.depth >= tree.max_depth) continue;
        if (message.children_count >= tree.max_children_count) continue;
        if (message.role == "assistant" && message.children_count >= config_.num_prompter_replies)
            continue;
        return true;
    }
    return false;
}

void TreeManager::check_growing_done(const std::string& tree_id) {
    auto tree = store_.find_tree(tree_id);
    if (!tree || tree->state != tree_state::kGrowing) return;
    if (store_.count_under_review(tree_id) > 0) return;
    const bool goal_reached = store_.count_accepted(tree_id) >= tree->goal_tree_size;
    if (!goal_reached && tree_can_grow(*tree)) return;
    store_.set_tree_state(tree_id, tree_state::kRanking, now_ms_);
    run_lottery(tree->lang); // a growing slot became free
    check_ranking_done(tree_id);
}

std::vector<std::string> TreeManager::parents_to_rank(const std::string& tree_id) {
    std::map<std::string, int> accepted_children;
    for (const auto& message : store_.tree_messages(tree_id)) {
        // A late reply stays out of the ranking round: rankings already given did not see it,
        // and waiting for new ones would hold (or reopen) a tree for every reply that comes late.
        if (message.parent_id && !message.deleted && !message.arrived_after_growing &&
            message.review_result == std::optional(true))
            accepted_children[*message.parent_id] += 1;
    }
    std::vector<std::string> parents;
    for (const auto& [parent, count] : accepted_children)
        if (count > 1) parents.push_back(parent);
    return parents;
}

void TreeManager::check_ranking_done(const std::string& tree_id) {
    for (const auto& parent : parents_to_rank(tree_id))
        if (store_.count_rankings(parent) < config_.num_required_rankings) return;
    store_.set_tree_state(tree_id, tree_state::kReadyForScoring, now_ms_);
    score(tree_id);
}

void TreeManager::score(const std::string& tree_id) {
    // Every parent's consensus first: a tree whose scoring fails earns nobody anything.
    struct Scored {
        std::string parent;
        std::vector<store::RankingRow> rankings;
        Consensus consensus;
    };
    std::vector<Scored> scored;
    for (const auto& parent : parents_to_rank(tree_id)) {
        auto rankings = store_.ranking_rows(parent);
        std::vector<std::vector<std::string>> orders;
        for (const auto& ranking : rankings)
            orders.push_back(ranking.ranking);
        Consensus consensus = ranked_pairs(orders);
        if (consensus.order.empty()) {
            store_.set_tree_state(tree_id, tree_state::kScoringFailed, now_ms_);
            return;
        }
        scored.push_back({parent, std::move(rankings), std::move(consensus)});
    }
    Rewards rewards(store_.statements(), config_, now_ms_);
    for (const auto& [parent, rankings, consensus] : scored) {
        for (const auto& child : store_.children(parent, /*include_deleted=*/true)) {
            auto place = std::find(consensus.order.begin(), consensus.order.end(), child.id);
            store_.set_rank(child.id, place == consensus.order.end()
                                          ? std::nullopt
                                          : std::optional<int>(
                                                static_cast<int>(place - consensus.order.begin())));
        }
        rewards.rankings_scored(parent, rankings, consensus.order);
    }
    store_.set_tree_state(tree_id, tree_state::kReadyForExport, now_ms_);
    rewards.tree_ready(tree_id);
}

} // namespace orchard::domain

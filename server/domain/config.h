// The tree manager's configuration (PROTOCOL.md §5): every number with its default, stored in
// the database and changeable at run time by an admin. Validation refuses unknown keys and values
// out of range as a whole: nothing changes unless everything is valid.
#pragma once

#include "protocol/health.h"
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace orchard::domain {

struct TreeManagerConfig {
    int max_active_trees = 10;
    int max_initial_prompt_review = 100;
    int max_tree_depth = 3;
    int max_children_count = 3;
    int num_prompter_replies = 1;
    int goal_tree_size = 12;
    int num_reviews_initial_prompt = 3;
    int num_reviews_reply = 3;
    int auto_mod_red_flags = 4;
    int auto_mod_max_skip_reply = 25;
    double p_full_labeling_review_prompt = 1.0;
    double p_full_labeling_review_reply_assistant = 1.0;
    double p_full_labeling_review_reply_prompter = 0.25;
    double acceptance_threshold_initial_prompt = 0.6;
    double acceptance_threshold_reply = 0.6;
    int num_required_rankings = 3;
    int lonely_children_count = 2;
    double p_lonely_child_extension = 0.75;
    int recent_tasks_span_sec = 300;
    int max_pending_tasks_per_user = 8;
    int max_prompt_lottery_waiting = 250;
    int message_size_limit = static_cast<int>(protocol::kDefaultMessageSizeLimit);
    int task_expiry_sec = 2 * 24 * 3600;    // a task can be answered for two days
    int duplicate_message_window_min = 120; // the same text twice in this window is refused
    // Accounts: failed sign-ins allowed per account from one address, and per address, within
    // the window; beyond them that address's sign-ins are refused (429), even with the right
    // password, until the window passes. Other addresses (the owner's) are not held back.
    int sign_in_failures_per_account = 5;
    int sign_in_failures_per_address = 50;
    int sign_in_window_sec = 15 * 60;
    // New accounts (registrations and guests) per address in the period: throw-away accounts
    // cannot be made by the thousand, and trying usernames one by one is slowed too. An event with
    // kiosks behind one address raises it.
    int new_accounts_per_address = 30;
    int new_accounts_period_sec = 3600;
    // Task requests (the Open-Assistant backend's limits), answered with 429 and Retry-After.
    int task_requests_per_user = 30;
    int task_requests_period_sec = 4 * 60;
    int assistant_reply_requests_per_user = 4;
    int prompter_reply_requests_per_user = 8;
    int reply_requests_period_sec = 2 * 60;
    int task_requests_per_api_client = 10000;
    int api_client_period_sec = 60;
    // Points per event (PROTOCOL.md §7, docs/rewards.md); a frame's score rounds each kind down.
    double points_prompt = 0.1;
    double points_reply_assistant = 4;
    double points_reply_prompter = 1;
    double points_label_simple = 1;
    double points_label_full = 2;
    double points_ranking = 1;
    double points_ranking_good = 1;
    double points_accepted_prompt = 0.1;
    double points_accepted_reply_assistant = 4;
    double points_accepted_reply_prompter = 1;
    double points_reply_ranked_1 = 9;
    double points_reply_ranked_2 = 3;
    double points_reply_ranked_3 = 1;
};

nlohmann::json to_json(const TreeManagerConfig& config);

// Applies `changes` (a JSON object of some keys) to a copy of `config`. On an unknown key, a
// value of the wrong type or out of range, returns nullopt and says why in `error`.
std::optional<TreeManagerConfig> apply_config_changes(const TreeManagerConfig& config,
                                                      const nlohmann::json& changes,
                                                      std::string& error);

// The configuration as stored (JSON text by key, the admin's changes): the defaults with those
// applied; rows that no longer parse or apply are left out.
TreeManagerConfig config_from_rows(const std::map<std::string, std::string>& rows);

} // namespace orchard::domain

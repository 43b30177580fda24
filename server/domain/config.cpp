#include "server/domain/config.h"

#include <cmath>
#include <variant>
#include <vector>

namespace orchard::domain {

namespace {

// One row per setting: its name, where it lives, and the values that make sense.
struct Field {
    const char* name;
    std::variant<int TreeManagerConfig::*, double TreeManagerConfig::*> member;
    double min;
    double max;
};

const std::vector<Field>& fields() {
    using C = TreeManagerConfig;
    static const std::vector<Field> kFields = {
        {"max_active_trees", &C::max_active_trees, 1, 100000},
        {"max_initial_prompt_review", &C::max_initial_prompt_review, 0, 1000000},
        {"max_tree_depth", &C::max_tree_depth, 1, 100},
        {"max_children_count", &C::max_children_count, 1, 100},
        {"num_prompter_replies", &C::num_prompter_replies, 1, 100},
        {"goal_tree_size", &C::goal_tree_size, 1, 10000},
        {"num_reviews_initial_prompt", &C::num_reviews_initial_prompt, 1, 100},
        {"num_reviews_reply", &C::num_reviews_reply, 1, 100},
        {"auto_mod_red_flags", &C::auto_mod_red_flags, 1, 10000},
        {"auto_mod_max_skip_reply", &C::auto_mod_max_skip_reply, 1, 10000},
        {"p_full_labeling_review_prompt", &C::p_full_labeling_review_prompt, 0, 1},
        {"p_full_labeling_review_reply_assistant", &C::p_full_labeling_review_reply_assistant, 0,
         1},
        {"p_full_labeling_review_reply_prompter", &C::p_full_labeling_review_reply_prompter, 0, 1},
        {"acceptance_threshold_initial_prompt", &C::acceptance_threshold_initial_prompt, 0, 1},
        {"acceptance_threshold_reply", &C::acceptance_threshold_reply, 0, 1},
        {"num_required_rankings", &C::num_required_rankings, 1, 100},
        {"lonely_children_count", &C::lonely_children_count, 1, 100},
        {"p_lonely_child_extension", &C::p_lonely_child_extension, 0, 1},
        {"recent_tasks_span_sec", &C::recent_tasks_span_sec, 1, 86400 * 30},
        {"max_pending_tasks_per_user", &C::max_pending_tasks_per_user, 1, 10000},
        {"max_prompt_lottery_waiting", &C::max_prompt_lottery_waiting, 0, 1000000},
        {"message_size_limit", &C::message_size_limit, 1, 100000},
        {"task_expiry_sec", &C::task_expiry_sec, 1, 86400 * 365},
        {"duplicate_message_window_min", &C::duplicate_message_window_min, 0, 86400},
        {"sign_in_failures_per_account", &C::sign_in_failures_per_account, 1, 1000},
        {"sign_in_failures_per_address", &C::sign_in_failures_per_address, 1, 100000},
        {"sign_in_window_sec", &C::sign_in_window_sec, 1, 86400},
        {"new_accounts_per_address", &C::new_accounts_per_address, 1, 1000000},
        {"new_accounts_period_sec", &C::new_accounts_period_sec, 1, 86400 * 7},
        {"task_requests_per_user", &C::task_requests_per_user, 1, 1000000},
        {"task_requests_period_sec", &C::task_requests_period_sec, 1, 86400},
        {"assistant_reply_requests_per_user", &C::assistant_reply_requests_per_user, 1, 1000000},
        {"prompter_reply_requests_per_user", &C::prompter_reply_requests_per_user, 1, 1000000},
        {"reply_requests_period_sec", &C::reply_requests_period_sec, 1, 86400},
        {"task_requests_per_api_client", &C::task_requests_per_api_client, 1, 100000000},
        {"api_client_period_sec", &C::api_client_period_sec, 1, 86400},
        {"points_prompt", &C::points_prompt, 0, 1000},
        {"points_reply_assistant", &C::points_reply_assistant, 0, 1000},
        {"points_reply_prompter", &C::points_reply_prompter, 0, 1000},
        {"points_label_simple", &C::points_label_simple, 0, 1000},
        {"points_label_full", &C::points_label_full, 0, 1000},
        {"points_ranking", &C::points_ranking, 0, 1000},
        {"points_ranking_good", &C::points_ranking_good, 0, 1000},
        {"points_accepted_prompt", &C::points_accepted_prompt, 0, 1000},
        {"points_accepted_reply_assistant", &C::points_accepted_reply_assistant, 0, 1000},
        {"points_accepted_reply_prompter", &C::points_accepted_reply_prompter, 0, 1000},
        {"points_reply_ranked_1", &C::points_reply_ranked_1, 0, 1000},
        {"points_reply_ranked_2", &C::points_reply_ranked_2, 0, 1000},
        {"points_reply_ranked_3", &C::points_reply_ranked_3, 0, 1000},
    };
    return kFields;
}

} // namespace

nlohmann::json to_json(const TreeManagerConfig& config) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& field : fields()) {
        std::visit([&](auto member) { json[field.name] = config.*member; }, field.member);
    }
    return json;
}

std::optional<TreeManagerConfig> apply_config_changes(const TreeManagerConfig& config,
                                                      const nlohmann::json& changes,
                                                      std::string& error) {
    if (!changes.is_object()) {
        error = "The configuration must be a JSON object of settings.";
        return std::nullopt;
    }
    TreeManagerConfig updated = config;
    for (const auto& [key, value] : changes.items()) {
        const Field* field = nullptr;
        for (const auto& candidate : fields())
            if (key == candidate.name) field = &candidate;
        if (!field) {
            error = "Unknown setting '" + key + "'.";
            return std::nullopt;
        }
        if (!value.is_number()) {
            error = "Setting '" + key + "' must be a number.";
            return std::nullopt;
        }
        const double number = value.get<double>();
        const bool is_int = std::holds_alternative<int TreeManagerConfig::*>(field->member);
        if (!std::isfinite(number) || number < field->min || number > field->max ||
            (is_int && number != std::floor(number))) {
            error = "Setting '" + key + "' must be " + (is_int ? "a whole number" : "a number") +
                    " from " + nlohmann::json(field->min).dump() + " to " +
                    nlohmann::json(field->max).dump() + ".";
            return std::nullopt;
        }
        if (is_int)
            updated.*std::get<int TreeManagerConfig::*>(field->member) = static_cast<int>(number);
        else
            updated.*std::get<double TreeManagerConfig::*>(field->member) = number;
    }
    return updated;
}

TreeManagerConfig config_from_rows(const std::map<std::string, std::string>& rows) {
    nlohmann::json stored = nlohmann::json::object();
    for (const auto& [key, value] : rows) {
        auto parsed = nlohmann::json::parse(value, nullptr, false);
        if (!parsed.is_discarded()) stored[key] = parsed;
    }
    std::string ignored;
    return apply_config_changes(TreeManagerConfig{}, stored, ignored).value_or(TreeManagerConfig{});
}

} // namespace orchard::domain

// The answers a benchmark's contributor sends to label and ranking tasks, shared by the task-load
// and soak benchmarks (each chooses its own label values).
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <vector>

namespace orchard::bench {

inline nlohmann::json labels_interaction(const nlohmann::json& task, nlohmann::json labels) {
    return {{"type", "text_labels"},
            {"task_id", task.value("id", "")},
            {"message_id", task.value("message_id", "")},
            {"labels", std::move(labels)}};
}

// The task's replies in a random order.
template <class Rng>
nlohmann::json shuffled_ranking_interaction(const nlohmann::json& task,
                                            const std::string& frontend_id, Rng& rng) {
    std::vector<int> order(task.value("replies", nlohmann::json::array()).size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    return {{"type", "message_ranking"},
            {"message_id", frontend_id},
            {"ranking", order},
            {"not_rankable", false}};
}

} // namespace orchard::bench

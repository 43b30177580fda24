// The task lifecycle of PROTOCOL.md §2: hand out tasks (random or of a given type), take acks,
// skips and interactions, report availability. Runs inside the caller's transaction; refuses
// bad requests with DomainError codes, and retries with the same frontend ids change nothing.
#pragma once

#include "protocol/interaction.h"
#include "protocol/task.h"
#include "server/domain/config.h"
#include "server/domain/tree_manager.h"
#include "server/domain/weighted_choice.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

namespace orchard::domain {

// Who is calling: the end user, and the frontend (API client) they came through, if any.
struct Caller {
    store::UserRecord user;
    std::optional<std::string> api_client_id;
};

class TaskService {
  public:
    TaskService(store::TreeStore& store, const TreeManagerConfig& config, std::mt19937_64& rng,
                std::int64_t now_ms)
        : store_(store), config_(config), rng_(rng), now_ms_(now_ms),
          trees_(store, config, rng, now_ms) {}

    // POST /tasks/: `type` is "random" or a task type.
    nlohmann::json request_task(const Caller& caller, const std::string& type,
                                const std::string& lang, bool collective);
    // POST /tasks/{id}/ack
    void ack(const Caller& caller, const std::string& task_id,
             const std::string& frontend_message_id);
    // POST /tasks/{id}/nack
    void nack(const Caller& caller, const std::string& task_id, const std::string& reason);
    // POST /tasks/interaction
    nlohmann::json interaction(const Caller& caller, const protocol::Interaction& interaction);
    // POST /tasks/close: a collective task (answered by many, e.g. in a chat channel) is over.
    nlohmann::json close(const Caller& caller, const std::string& frontend_message_id);
    // POST /tasks/availability
    nlohmann::json availability(const Caller& caller, const std::string& lang);

    // How many candidates a task request chooses from: enough for a fair random choice among
    // the oldest trees' (several people get the same ones at once, which reviews and rankings
    // want: each needs several); every candidate more is query time in every task request
    // (bench_big_db).
    static constexpr int kCandidateLimit = 20;

  private:
    struct Candidates; // what this user could be given now, by task type
    // At most `limit` of each kind, the oldest first unless `oldest_first` is false; only of
    // kind `only` when given.
    Candidates find_candidates(const Caller& caller, const std::string& lang, int limit,
                               std::optional<TaskKind> only, bool oldest_first = true);
    nlohmann::json make_task(const Caller& caller, const std::string& type, const std::string& lang,
                             bool collective, Candidates& candidates);
    std::string pick(const std::vector<std::string>& ids);
    store::TaskRecord find_owned_task(const Caller& caller, const std::string& task_id);
    // The task acknowledged with `frontend_id` by this API client, if it is the caller's.
    store::TaskRecord find_owned_task_by_frontend_id(const Caller& caller,
                                                     const std::string& frontend_id);
    nlohmann::json text_reply(const Caller& caller, const protocol::TextReply& reply);
    nlohmann::json ranking(const Caller& caller, const protocol::MessageRanking& ranking);
    nlohmann::json labels(const Caller& caller, const protocol::TextLabels& labels);
    nlohmann::json rating(const Caller& caller, const protocol::MessageRating& rating);
    void check_task_usable(const Caller& caller, const store::TaskRecord& task);
    protocol::Task sent_task(const std::string& task_id);

    store::TreeStore& store_;
    const TreeManagerConfig& config_;
    std::mt19937_64& rng_;
    std::int64_t now_ms_;
    TreeManager trees_;
};

} // namespace orchard::domain

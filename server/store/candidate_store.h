// The task sampler's candidate queries: which messages wait for a reply, a review or a ranking
// by one person in one language, oldest trees first. Each is a tuned query with its own index
// (see tests/unit/query_plan_test.cpp); they read messages, trees, tasks, labels, rankings and
// reactions together, so they live apart from the stores of those tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orchard::store {

class Statement;
class StatementCache;

class CandidateStore {
  public:
    explicit CandidateStore(StatementCache& statements) : statements_(&statements) {}

    // Candidates for the next task of each kind, for one user and language, at most `limit`:
    // those of the oldest trees first, so that started trees get finished, or in no particular
    // order, for counting.
    struct ReplyCandidate {
        std::string message_id;
        std::string role; // of the parent: the reply has the other role
        int children_count;
    };
    std::vector<ReplyCandidate> reply_candidates(const std::string& lang,
                                                 const std::string& user_id,
                                                 std::int64_t open_since_ms,
                                                 int num_prompter_replies, int limit,
                                                 bool oldest_first = true);
    // The review and ranking candidates leave out what `user_id` already labeled or ranked, and
    // what they hold an open task of the same kind on (not expired at `now_ms`): one person
    // reviews or ranks a message once, as in Open-Assistant.
    std::vector<std::string> prompt_review_candidates(const std::string& lang,
                                                      const std::string& user_id,
                                                      std::int64_t now_ms, int num_reviews,
                                                      int limit, bool oldest_first = true);
    // Replies under review (role is the reply's own).
    std::vector<ReplyCandidate> reply_review_candidates(const std::string& lang,
                                                        const std::string& user_id,
                                                        std::int64_t now_ms, int num_reviews,
                                                        int limit, bool oldest_first = true);
    // Parents whose replies need ranking (role is the parent's).
    std::vector<ReplyCandidate> ranking_candidates(const std::string& lang,
                                                   const std::string& user_id, std::int64_t now_ms,
                                                   int num_required_rankings, int limit,
                                                   bool oldest_first = true);

  private:
    std::vector<ReplyCandidate> read_candidates(Statement& statement);
    StatementCache* statements_;
};

} // namespace orchard::store

#include "server/store/candidate_store.h"

#include "server/store/statement.h"

#include <string>
#include <string_view>

namespace orchard::store {

namespace {

// A candidate query in two forms: the oldest first, or unordered (for counting). `oldest` is
// an order its driving index already gives, at least for its first terms, so that SQLite stops
// at the limit instead of evaluating and sorting every candidate. The limit is the last
// parameter.
constexpr std::string_view kOldestTreesFirst = "t.created_ms, t.id, m.created_ms, m.id";

// The subqueries for tasks the user holds on a candidate compare `+k.user_id`: the unary plus
// keeps SQLite from reading them through tasks_open_by_user (all of the user's open tasks, for
// every candidate) instead of the few open tasks on that message (tasks_open_by_parent).
//
// A review candidate `m` that user ?2 has not labeled, not skipped labeling, and holds no open
// label task on (as of ?4): one review per person and message (issue 15), in both review queries.
constexpr std::string_view kNotReviewedByUser = R"sql(
          AND NOT EXISTS (SELECT 1 FROM text_labels l WHERE l.message_id = m.id AND l.user_id = ?2)
          AND NOT EXISTS (SELECT 1 FROM message_reactions r WHERE r.message_id = m.id
                            AND r.user_id = ?2 AND r.emoji = '_skip_labeling')
          AND NOT EXISTS (SELECT 1 FROM tasks k
                          WHERE k.parent_message_id = m.id AND k.done = 0 AND k.skipped = 0
                            AND k.type IN ('label_initial_prompt', 'label_assistant_reply',
                                           'label_prompter_reply')
                            AND +k.user_id = ?2 AND k.expiry_ms >= ?4)
)sql";

struct CandidateQuery {
    CandidateQuery(std::string_view body, std::string_view oldest)
        : unordered(std::string(body) + " LIMIT ?"),
          oldest_first(std::string(body) + " ORDER BY " + std::string(oldest) + " LIMIT ?") {}
    const std::string& sql(bool oldest) const { return oldest ? oldest_first : unordered; }
    std::string unordered, oldest_first;
};

} // namespace

std::vector<CandidateStore::ReplyCandidate> CandidateStore::read_candidates(Statement& s) {
    std::vector<ReplyCandidate> candidates;
    while (s.step())
        candidates.push_back(
            {s.column_text(0), s.column_text(1), static_cast<int>(s.column_int(2))});
    return candidates;
}

std::vector<CandidateStore::ReplyCandidate>
CandidateStore::reply_candidates(const std::string& lang, const std::string& user_id,
                                 std::int64_t open_since_ms, int num_prompter_replies, int limit,
                                 bool oldest_first) {
    // Bounded by the growing trees of one language (max_active_trees), found by state index.
    static const CandidateQuery kQuery(R"sql(
        SELECT m.id, m.role, m.children_count
        FROM message_trees t JOIN messages m ON m.message_tree_id = t.id
        WHERE t.state = 'growing' AND t.lang = ?1 AND t.active = 1
          AND m.review_result = 1 AND m.deleted = 0 AND m.depth < t.max_depth
          AND m.children_count < t.max_children_count
          AND (m.role = 'prompter' OR m.children_count < ?4)
          AND m.user_id != ?2
          AND NOT EXISTS (SELECT 1 FROM messages c
                          WHERE c.parent_id = m.id AND c.user_id = ?2 AND c.deleted = 0)
          AND NOT EXISTS (SELECT 1 FROM message_reactions r
                          WHERE r.message_id = m.id AND r.user_id = ?2 AND r.emoji = '_skip_reply')
          AND NOT EXISTS (SELECT 1 FROM tasks k
                          WHERE k.parent_message_id = m.id AND k.done = 0 AND k.skipped = 0
                            AND k.type IN ('assistant_reply', 'prompter_reply')
                            AND k.created_ms >= ?3 AND k.user_id != ?2)
          AND (SELECT count(*) FROM messages a WHERE a.message_tree_id = t.id
                 AND a.review_result = 1 AND a.deleted = 0) < t.goal_tree_size
    )sql",
                                       kOldestTreesFirst);
    Statement s(*statements_, kQuery.sql(oldest_first));
    s.bind_all(lang, user_id, open_since_ms, num_prompter_replies, limit);
    return read_candidates(s);
}

std::vector<std::string> CandidateStore::prompt_review_candidates(const std::string& lang,
                                                                  const std::string& user_id,
                                                                  std::int64_t now_ms,
                                                                  int num_reviews, int limit,
                                                                  bool oldest_first) {
    static const CandidateQuery kQuery(R"sql(
        SELECT m.id
        FROM message_trees t JOIN messages m ON m.id = t.id
        WHERE t.state = 'initial_prompt_review' AND t.lang = ?1
          AND m.deleted = 0 AND m.user_id != ?2 AND m.review_count < ?3
    )sql" + std::string(kNotReviewedByUser),
                                       kOldestTreesFirst);
    Statement s(*statements_, kQuery.sql(oldest_first));
    s.bind_all(lang, user_id, num_reviews, now_ms, limit);
    return first_column_texts(s);
}

std::vector<CandidateStore::ReplyCandidate>
CandidateStore::reply_review_candidates(const std::string& lang, const std::string& user_id,
                                        std::int64_t now_ms, int num_reviews, int limit,
                                        bool oldest_first) {
    // From the growing trees, like the other candidates: replies still under review in trees
    // that ended long ago would otherwise be read first at every request (bench_big_db).
    static const CandidateQuery kQuery(R"sql(
        SELECT m.id, m.role, m.children_count
        FROM message_trees t JOIN messages m ON m.message_tree_id = t.id
        WHERE t.state = 'growing' AND t.lang = ?1
          AND m.review_result IS NULL AND m.deleted = 0 AND m.depth > 0
          AND m.user_id != ?2 AND m.review_count < ?3
    )sql" + std::string(kNotReviewedByUser),
                                       kOldestTreesFirst);
    Statement s(*statements_, kQuery.sql(oldest_first));
    s.bind_all(lang, user_id, num_reviews, now_ms, limit);
    return read_candidates(s);
}

std::vector<CandidateStore::ReplyCandidate>
CandidateStore::ranking_candidates(const std::string& lang, const std::string& user_id,
                                   std::int64_t now_ms, int num_required_rankings, int limit,
                                   bool oldest_first) {
    static const CandidateQuery kQuery(R"sql(
        SELECT m.id, m.role, m.children_count
        FROM message_trees t JOIN messages m ON m.message_tree_id = t.id
        WHERE t.state = 'ranking' AND t.lang = ?1 AND m.deleted = 0 AND m.children_count > 1
          AND (SELECT count(*) FROM messages c WHERE c.parent_id = m.id
                 AND c.review_result = 1 AND c.deleted = 0 AND c.arrived_after_growing = 0) > 1
          AND NOT EXISTS (SELECT 1 FROM messages c
                          WHERE c.parent_id = m.id AND c.user_id = ?2 AND c.deleted = 0)
          AND NOT EXISTS (SELECT 1 FROM rankings r
                          WHERE r.parent_message_id = m.id AND r.user_id = ?2)
          AND NOT EXISTS (SELECT 1 FROM message_reactions x WHERE x.message_id = m.id
                            AND x.user_id = ?2 AND x.emoji = '_skip_ranking')
          AND (SELECT count(*) FROM rankings r WHERE r.parent_message_id = m.id
                 AND r.arrived_late = 0) < ?3
          AND NOT EXISTS (SELECT 1 FROM tasks k
                          WHERE k.parent_message_id = m.id AND k.done = 0 AND k.skipped = 0
                            AND k.type IN ('rank_assistant_replies', 'rank_prompter_replies')
                            AND +k.user_id = ?2 AND k.expiry_ms >= ?4)
    )sql",
                                       kOldestTreesFirst);
    Statement s(*statements_, kQuery.sql(oldest_first));
    s.bind_all(lang, user_id, num_required_rankings, now_ms, limit);
    return read_candidates(s);
}

} // namespace orchard::store

// The audit log's rows (docs/moderation.md): the only SQL for audit_log. Rows are only ever
// added; the chain of hashes that makes a changed row visible is domain/audit_log.h's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct AuditRow {
    std::int64_t seq = 0;
    std::int64_t created_ms = 0;
    std::optional<std::string> actor_user_id;
    std::optional<std::string> actor_client_id;
    std::string action;
    std::string target_kind;
    std::string target_id;
    std::string before_json;
    std::string after_json;
    std::string prev_hash;
    std::string hash;
    std::string actor_name; // read only: the actor's display name, when they have one
};

// Which rows a page lists; every filter that is set must match.
struct AuditFilter {
    std::optional<std::string> actor_user_id;
    std::optional<std::string> action;
    std::optional<std::string> target_id;
    std::optional<std::int64_t> after_seq;  // oldest first, from after this row
    std::optional<std::int64_t> before_seq; // newest first, from before this row
    int limit = 100;
};

class AuditStore {
  public:
    explicit AuditStore(StatementCache& statements) : statements_(statements) {}

    // The last row, if any: the next row chains to its hash.
    std::optional<AuditRow> last();
    // The sequence number the next row gets.
    std::int64_t next_seq();
    void insert(const AuditRow& row);
    std::vector<AuditRow> page(const AuditFilter& filter);
    // Every row in order, one at a time (verification reads logs of any length).
    void each(const std::function<void(const AuditRow&)>& visit);
    // The highest sequence number ever given out: above the last row's when rows at the end
    // were taken out.
    std::int64_t highest_seq_given();

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

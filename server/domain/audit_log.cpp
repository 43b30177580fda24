#include "server/domain/audit_log.h"

#include "server/domain/ids.h"
#include "server/domain/optional_json.h"
#include "server/hashing.h"
#include "server/store/statement.h"

namespace orchard::domain {

const std::string kAuditGenesisHash(64, '0');

nlohmann::json stored_json(const std::string& text) {
    auto value = nlohmann::json::parse(text, nullptr, false);
    return value.is_discarded() ? nlohmann::json(text) : value;
}

std::string audit_row_hash(const store::AuditRow& row) {
    // The fields as stored, in a JSON array: every field has one unambiguous place, whatever
    // characters its text holds.
    const nlohmann::json fields = {row.seq,
                                   row.created_ms,
                                   optional_json(row.actor_user_id),
                                   optional_json(row.actor_client_id),
                                   row.action,
                                   row.target_kind,
                                   row.target_id,
                                   row.before_json,
                                   row.after_json,
                                   row.prev_hash};
    return blake2b_hex(fields.dump(), 32);
}

store::AuditRow append_audit(store::StatementCache& statements, const AuditActor& actor,
                             const AuditEntry& entry, std::int64_t now_ms) {
    store::AuditStore log(statements);
    store::AuditRow row;
    row.seq = log.next_seq();
    row.created_ms = now_ms;
    row.actor_user_id = actor.user_id;
    row.actor_client_id = actor.client_id;
    row.action = entry.action;
    row.target_kind = entry.target_kind;
    row.target_id = entry.target_id;
    row.before_json = entry.before.dump();
    row.after_json = entry.after.dump();
    const auto last = log.last();
    row.prev_hash = last ? last->hash : kAuditGenesisHash;
    row.hash = audit_row_hash(row);
    log.insert(row);
    return row;
}

AuditCheck verify_audit_log(store::StatementCache& statements) {
    store::AuditStore log(statements);
    AuditCheck check;
    std::int64_t expected_seq = 1;
    std::string previous = kAuditGenesisHash;
    log.each([&](const store::AuditRow& row) {
        if (!check.problem.empty()) return;
        const std::string where = "row " + std::to_string(row.seq);
        if (row.seq != expected_seq)
            check.problem = "rows " + std::to_string(expected_seq) + " to " +
                            std::to_string(row.seq - 1) + " are missing";
        else if (row.prev_hash != previous)
            check.problem = where + " does not follow the row before it (one was changed, put in "
                                    "or taken out)";
        else if (audit_row_hash(row) != row.hash)
            check.problem = where + " was changed after it was written";
        if (!check.problem.empty()) {
            check.bad_seq = row.seq;
            return;
        }
        ++check.rows;
        ++expected_seq;
        previous = row.hash;
    });
    check.head = previous;
    if (check.problem.empty() && log.highest_seq_given() >= expected_seq) {
        check.problem =
            "the last rows (from row " + std::to_string(expected_seq) + " on) were taken out";
        check.bad_seq = expected_seq;
    }
    return check;
}

nlohmann::json message_removal_state(const store::MessageRecord& message) {
    return {{"deleted", message.deleted && !message.hidden}, {"hidden", message.hidden}};
}

nlohmann::json audit_row_json(const store::AuditRow& row) {
    return {{"id", row.seq},
            {"created_date", iso8601(row.created_ms)},
            {"actor",
             {{"user_id", optional_json(row.actor_user_id)},
              {"display_name",
               row.actor_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.actor_name)},
              {"api_client_id", optional_json(row.actor_client_id)}}},
            {"action", row.action},
            {"target", {{"kind", row.target_kind}, {"id", row.target_id}}},
            {"before", stored_json(row.before_json)},
            {"after", stored_json(row.after_json)},
            {"prev_hash", row.prev_hash},
            {"hash", row.hash}};
}

} // namespace orchard::domain

// The audit log (docs/moderation.md): every moderator's and admin's action as a row saying who
// did what to which target, when, and what the target was before and after. Each row carries
// the hash of the row before it and a hash of itself over all of its fields, so that a row
// changed, put in or taken out after the fact breaks the chain where it happened.
#pragma once

#include "server/store/audit_store.h"
#include "server/store/records.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::store {
class StatementCache;
}

namespace orchard::domain {

struct AuditActor {
    std::optional<std::string> user_id;   // the person acting
    std::optional<std::string> client_id; // the API client the call came through
};

struct AuditEntry {
    std::string action;      // what was done, e.g. "message.delete"
    std::string target_kind; // message, tree, user, config, prize, api_client, export
    std::string target_id;
    nlohmann::json before; // null when there was nothing
    nlohmann::json after;
};

// The hash the first row chains to.
extern const std::string kAuditGenesisHash;

// Appends the entry as the log's next row, chained to the last one; in the caller's transaction.
store::AuditRow append_audit(store::StatementCache& statements, const AuditActor& actor,
                             const AuditEntry& entry, std::int64_t now_ms);

// The hash of a row over every field but its own hash.
std::string audit_row_hash(const store::AuditRow& row);

struct AuditCheck {
    std::int64_t rows = 0;
    std::string head; // the last row's hash
    // Empty when the chain holds; else the first break found, e.g. "row 12 was changed".
    std::string problem;
    std::int64_t bad_seq = 0;
};

// Reads the whole log in order and checks every link.
AuditCheck verify_audit_log(store::StatementCache& statements);

// What deleting, undeleting or deciding on a message's flags changes about it, as the log shows
// it before and after.
nlohmann::json message_removal_state(const store::MessageRecord& message);

// JSON text from a column, parsed back for showing; text that does not parse (it never should)
// is shown as the text it is.
nlohmann::json stored_json(const std::string& text);

// A row as the API shows it.
nlohmann::json audit_row_json(const store::AuditRow& row);

} // namespace orchard::domain

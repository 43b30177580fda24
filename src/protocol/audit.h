// The admins' audit log (docs/moderation.md) as the client reads it: its rows, newest first,
// and the check of its hash chain.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

struct AuditRow {
    long long id = 0;
    std::string created_date;
    std::string actor_name;      // empty: the server itself, or a deleted account
    std::string actor_client_id; // the API client it came through, if any
    std::string action;          // e.g. "user.ban"
    std::string target_kind, target_id;
    std::string before, after; // the target's fields, as compact JSON ("null" when none)
    std::string hash;
};

struct AuditPage {
    std::vector<AuditRow> items;
    std::optional<std::string> next;
};

struct AuditCheck {
    bool intact = false;
    long long rows = 0;
    std::string head;    // the last row's hash
    std::string problem; // the first broken row, when not intact
};

std::optional<AuditPage> parse_audit_page(std::string_view body);
std::optional<AuditCheck> parse_audit_check(std::string_view body);

} // namespace orchard::protocol

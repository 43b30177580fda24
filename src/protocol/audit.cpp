#include "protocol/audit.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

std::optional<AuditRow> row_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    AuditRow row;
    row.id = read_integer(j, "id").value_or(0);
    row.created_date = read_string(j, "created_date").value_or("");
    if (const json* actor = object_field(j, "actor")) {
        row.actor_name = read_string(*actor, "display_name").value_or("");
        row.actor_client_id = read_string(*actor, "api_client_id").value_or("");
    }
    row.action = read_string(j, "action").value_or("");
    if (const json* target = object_field(j, "target")) {
        row.target_kind = read_string(*target, "kind").value_or("");
        row.target_id = read_string(*target, "id").value_or("");
    }
    row.before = field_json_text(j, "before");
    row.after = field_json_text(j, "after");
    row.hash = read_string(j, "hash").value_or("");
    return row;
}

} // namespace

std::optional<AuditPage> parse_audit_page(std::string_view body) {
    const auto j = parse_object(body);
    const json* items = j ? array_field(*j, "items") : nullptr;
    if (!items) return std::nullopt;
    AuditPage page;
    for (const auto& item : *items)
        if (auto row = row_from(item)) page.items.push_back(std::move(*row));
    page.next = read_string(*j, "next");
    return page;
}

std::optional<AuditCheck> parse_audit_check(std::string_view body) {
    const auto j = parse_object(body);
    if (!j) return std::nullopt;
    const auto intact = read_bool(*j, "intact");
    if (!intact) return std::nullopt;
    return AuditCheck{*intact, read_integer(*j, "rows").value_or(0),
                      read_string(*j, "head").value_or(""),
                      read_string(*j, "problem").value_or("")};
}

} // namespace orchard::protocol

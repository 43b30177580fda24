#include "protocol/audit.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

// A field's JSON as one line, bounded: the before and after of a row can hold a whole message.
std::string compact(const json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end()) return "null";
    return found->dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<AuditRow> row_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    AuditRow row;
    row.id = read_integer(j, "id").value_or(0);
    row.created_date = read_string(j, "created_date").value_or("");
    if (const auto actor = j.find("actor"); actor != j.end() && actor->is_object()) {
        row.actor_name = read_string(*actor, "display_name").value_or("");
        row.actor_client_id = read_string(*actor, "api_client_id").value_or("");
    }
    row.action = read_string(j, "action").value_or("");
    if (const auto target = j.find("target"); target != j.end() && target->is_object()) {
        row.target_kind = read_string(*target, "kind").value_or("");
        row.target_id = read_string(*target, "id").value_or("");
    }
    row.before = compact(j, "before");
    row.after = compact(j, "after");
    row.hash = read_string(j, "hash").value_or("");
    return row;
}

} // namespace

std::optional<AuditPage> parse_audit_page(std::string_view body) {
    const auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const auto items = j->find("items");
    if (items == j->end() || !items->is_array()) return std::nullopt;
    AuditPage page;
    for (const auto& item : *items)
        if (auto row = row_from(item)) page.items.push_back(std::move(*row));
    page.next = read_string(*j, "next");
    return page;
}

std::optional<AuditCheck> parse_audit_check(std::string_view body) {
    const auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const auto intact = read_bool(*j, "intact");
    if (!intact) return std::nullopt;
    return AuditCheck{*intact, read_integer(*j, "rows").value_or(0),
                      read_string(*j, "head").value_or(""),
                      read_string(*j, "problem").value_or("")};
}

} // namespace orchard::protocol

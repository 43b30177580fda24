#include "protocol/admin.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

std::optional<ApiClientInfo> client_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    ApiClientInfo client;
    client.id = read_string(j, "id").value_or("");
    if (client.id.empty()) return std::nullopt;
    client.description = read_string(j, "description").value_or("");
    client.frontend_type = read_string(j, "frontend_type").value_or("");
    client.admin_email = read_string(j, "admin_email").value_or("");
    client.created_date = read_string(j, "created_date").value_or("");
    client.enabled = read_bool(j, "enabled").value_or(true);
    client.trusted = read_bool(j, "trusted").value_or(false);
    client.users = read_integer(j, "users").value_or(0);
    return client;
}

} // namespace

std::optional<TreeStatus> parse_tree_status(std::string_view body) {
    const auto j = parse_object(body);
    const json* counts = j ? array_field(*j, "trees") : nullptr;
    if (!counts) return std::nullopt;
    TreeStatus status;
    for (const auto& c : *counts)
        if (c.is_object())
            status.counts.push_back(
                {read_string(c, "state").value_or(""), read_string(c, "lang").value_or(""),
                 read_integer(c, "trees").value_or(0), read_integer(c, "messages").value_or(0)});
    if (const json* active = array_field(*j, "active_trees"))
        for (const auto& t : *active)
            if (t.is_object())
                status.active.push_back({read_string(t, "message_tree_id").value_or(""),
                                         read_string(t, "lang").value_or(""),
                                         read_string(t, "state").value_or(""),
                                         read_string(t, "created_date").value_or(""),
                                         read_integer(t, "goal_tree_size").value_or(0),
                                         read_integer(t, "messages").value_or(0)});
    if (const json* available = object_field(*j, "available_tasks"))
        for (const auto& [lang, tasks] : available->items()) {
            if (!tasks.is_object()) continue;
            Availability counts_of_lang;
            for (const auto& [type, count] : tasks.items())
                if (count.is_number_integer()) counts_of_lang[type] = count.get<long long>();
            status.available[lang] = std::move(counts_of_lang);
        }
    return status;
}

std::optional<std::vector<ConfigItem>> parse_config_details(std::string_view body) {
    const auto j = parse_object(body);
    const json* items = j ? array_field(*j, "items") : nullptr;
    if (!items) return std::nullopt;
    std::vector<ConfigItem> config;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        const auto key = read_string(item, "key");
        const auto value = read_number(item, "value");
        if (!key || !value) return std::nullopt;
        ConfigItem setting{*key, *value, read_number(item, "default").value_or(*value)};
        setting.whole = item.at("value").is_number_integer();
        if (const json* change = object_field(item, "last_change")) {
            ConfigChange last{read_string(*change, "date").value_or(""), "",
                              field_json_text(*change, "before"),
                              field_json_text(*change, "after")};
            if (const json* actor = object_field(*change, "actor"))
                last.actor_name = read_string(*actor, "display_name").value_or("");
            setting.last_change = std::move(last);
        }
        config.push_back(std::move(setting));
    }
    return config;
}

std::optional<std::vector<ApiClientInfo>> parse_api_clients(std::string_view body) {
    const auto j = parse_object(body);
    const json* items = j ? array_field(*j, "items") : nullptr;
    if (!items) return std::nullopt;
    std::vector<ApiClientInfo> clients;
    for (const auto& item : *items)
        if (auto client = client_from(item)) clients.push_back(std::move(*client));
    return clients;
}

std::optional<ApiClientInfo> parse_api_client(std::string_view body) {
    const auto j = parse_object(body);
    return j ? client_from(*j) : std::nullopt;
}

std::optional<IssuedApiKey> parse_issued_api_key(std::string_view body) {
    const auto j = parse_object(body);
    if (!j) return std::nullopt;
    const json* found = find_field(*j, "client");
    auto client = found ? client_from(*found) : std::nullopt;
    const auto key = read_string(*j, "api_key");
    if (!client || !key || key->empty()) return std::nullopt;
    return IssuedApiKey{std::move(*client), *key};
}

} // namespace orchard::protocol

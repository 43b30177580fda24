#include "protocol/moderation.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

std::optional<FlagQueueItem> flag_item_from(const json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto message = item.find("message");
    if (message == item.end() || !message->is_object()) return std::nullopt;
    auto conversation = conversation_message_from(*message);
    if (!conversation) return std::nullopt;
    FlagQueueItem flag;
    flag.message = std::move(*conversation);
    flag.parent_id = read_string(*message, "parent_id");
    flag.tree_id = read_string(*message, "message_tree_id").value_or("");
    if (const auto author = item.find("author"); author != item.end() && author->is_object()) {
        flag.author_id = read_string(*author, "id").value_or("");
        flag.author_name = read_string(*author, "display_name").value_or("");
    }
    flag.red_flags = read_integer(item, "red_flags").value_or(0);
    flag.flag_weight = read_number(item, "flag_weight").value_or(0);
    flag.hidden = read_bool(item, "hidden").value_or(false);
    flag.handled = read_bool(item, "handled").value_or(false);
    flag.decision = read_string(item, "decision");
    flag.last_flag_date = read_string(item, "last_flag_date").value_or("");
    if (const auto reports = item.find("reports"); reports != item.end() && reports->is_object()) {
        flag.reports = read_integer(*reports, "count").value_or(0);
        if (const auto latest = reports->find("latest");
            latest != reports->end() && latest->is_array())
            for (const auto& report : *latest)
                if (report.is_object())
                    flag.latest_reports.push_back(
                        {read_string(report, "text").value_or(""),
                         read_string(report, "created_date").value_or("")});
    }
    if (const auto labels = item.find("labels"); labels != item.end() && labels->is_object())
        for (const auto& [name, count] : labels->items())
            if (count.is_number_integer() && count.get<long long>() > 0)
                flag.labels[name] = count.get<long long>();
    flag.signals = read_integer(item, "signals").value_or(flag.red_flags);
    return flag;
}

} // namespace

std::optional<FlagQueue> parse_flag_queue(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const auto items = j->find("items");
    if (items == j->end() || !items->is_array()) return std::nullopt;
    FlagQueue queue;
    for (const auto& item : *items) {
        auto flag = flag_item_from(item);
        if (!flag) return std::nullopt;
        queue.items.push_back(std::move(*flag));
    }
    queue.next = read_string(*j, "next");
    return queue;
}

std::optional<std::vector<Revision>> parse_revisions(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_array()) return std::nullopt;
    std::vector<Revision> revisions;
    for (const auto& item : *j)
        if (item.is_object())
            revisions.push_back({read_string(item, "id").value_or(""),
                                 read_string(item, "text").value_or(""),
                                 read_string(item, "user_id").value_or(""),
                                 read_string(item, "created_date").value_or("")});
    return revisions;
}

} // namespace orchard::protocol

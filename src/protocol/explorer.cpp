#include "protocol/explorer.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

json optional_json(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

std::optional<TextSegment> segment_from(const json& item) {
    if (!item.is_object()) return std::nullopt;
    auto text = read_string(item, "text");
    if (!text) return std::nullopt;
    return TextSegment{*text, read_bool(item, "hit").value_or(false)};
}

std::optional<TreeCard> tree_card_from(const json& item) {
    if (!item.is_object()) return std::nullopt;
    auto id = read_string(item, "message_tree_id");
    if (!id) return std::nullopt;
    TreeCard card;
    card.message_tree_id = *id;
    card.state = read_string(item, "state").value_or("");
    card.lang = read_string(item, "lang").value_or("");
    card.created_date = read_string(item, "created_date").value_or("");
    card.message_count = read_integer(item, "message_count").value_or(0);
    card.prompt_excerpt = read_string(item, "prompt_excerpt").value_or("");
    return card;
}

std::optional<SearchHit> search_hit_from(const json& item) {
    if (!item.is_object()) return std::nullopt;
    auto id = read_string(item, "message_id");
    auto tree = read_string(item, "message_tree_id");
    auto excerpt = item.find("excerpt");
    if (!id || !tree || excerpt == item.end() || !excerpt->is_array()) return std::nullopt;
    SearchHit hit;
    hit.message_id = *id;
    hit.message_tree_id = *tree;
    hit.role = read_string(item, "role").value_or("");
    hit.lang = read_string(item, "lang").value_or("");
    hit.created_date = read_string(item, "created_date").value_or("");
    for (const auto& piece : *excerpt) {
        auto segment = segment_from(piece);
        if (!segment) return std::nullopt;
        hit.excerpt.push_back(std::move(*segment));
    }
    return hit;
}

// The items of a page under "items", each read by `read`; nullopt when any is malformed.
template <class Page, class Read> std::optional<Page> page_from(std::string_view body, Read read) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto items = j->find("items");
    if (items == j->end() || !items->is_array()) return std::nullopt;
    Page page;
    for (const auto& item : *items) {
        auto entry = read(item);
        if (!entry) return std::nullopt;
        page.items.push_back(std::move(*entry));
    }
    page.next = read_string(*j, "next");
    return page;
}

std::map<std::string, long long> counts_from(const json& object, const char* key) {
    std::map<std::string, long long> counts;
    if (auto it = object.find(key); it != object.end() && it->is_object())
        for (const auto& [name, count] : it->items())
            if (count.is_number_integer()) counts[name] = count.get<long long>();
    return counts;
}

} // namespace

json to_json(const TreeCard& card) {
    return {{"message_tree_id", card.message_tree_id},
            {"state", card.state},
            {"lang", card.lang},
            {"created_date", card.created_date},
            {"message_count", card.message_count},
            {"prompt_excerpt", card.prompt_excerpt}};
}

json to_json(const TreePage& page) {
    json items = json::array();
    for (const auto& card : page.items)
        items.push_back(to_json(card));
    return {{"items", std::move(items)}, {"next", optional_json(page.next)}};
}

json to_json(const SearchHit& hit) {
    json excerpt = json::array();
    for (const auto& segment : hit.excerpt)
        excerpt.push_back({{"text", segment.text}, {"hit", segment.hit}});
    return {{"message_id", hit.message_id},
            {"message_tree_id", hit.message_tree_id},
            {"role", hit.role},
            {"lang", hit.lang},
            {"created_date", hit.created_date},
            {"excerpt", std::move(excerpt)}};
}

json to_json(const SearchPage& page) {
    json items = json::array();
    for (const auto& hit : page.items)
        items.push_back(to_json(hit));
    return {{"items", std::move(items)}, {"next", optional_json(page.next)}};
}

json to_json(const MessageDetails& details) {
    json labels = json::object();
    for (const auto& [name, summary] : details.labels)
        labels[name] = {{"value", summary.value}, {"count", summary.count}};
    return {{"message_id", details.message_id},
            {"message_tree_id", details.message_tree_id},
            {"tree_state", details.tree_state},
            {"author_display_name", details.author_display_name},
            {"role", details.role},
            {"lang", details.lang},
            {"created_date", details.created_date},
            {"rank", details.rank ? json(*details.rank) : json(nullptr)},
            {"review_result", details.review_result ? json(*details.review_result) : json(nullptr)},
            {"review_count", details.review_count},
            {"ranking_count", details.ranking_count},
            {"labels_shown", details.labels_shown},
            {"labels", std::move(labels)},
            {"emojis", details.emojis},
            {"user_emojis", details.user_emojis},
            {"user_is_author", details.user_is_author}};
}

std::optional<TreePage> parse_tree_page(std::string_view body) {
    return page_from<TreePage>(body, tree_card_from);
}

std::optional<SearchPage> parse_search_page(std::string_view body) {
    return page_from<SearchPage>(body, search_hit_from);
}

std::optional<TreeMessages> parse_tree_messages(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto messages = j->find("messages");
    if (messages == j->end() || !messages->is_array()) return std::nullopt;
    TreeMessages tree;
    tree.message_tree_id = read_string(*j, "id").value_or("");
    for (const auto& item : *messages) {
        auto message = conversation_message_from(item);
        if (!message) return std::nullopt;
        TreeMessage entry;
        entry.message = std::move(*message);
        entry.parent_id = read_string(item, "parent_id");
        entry.rank = read_integer(item, "rank");
        entry.review_result = read_bool(item, "review_result");
        entry.review_count = read_integer(item, "review_count").value_or(0);
        entry.created_date = read_string(item, "created_date").value_or("");
        entry.deleted = read_bool(item, "deleted").value_or(false);
        entry.edited = read_bool(item, "edited").value_or(false);
        tree.messages.push_back(std::move(entry));
    }
    return tree;
}

std::optional<MessageDetails> parse_message_details(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    auto id = read_string(*j, "message_id");
    if (!id) return std::nullopt;
    MessageDetails details;
    details.message_id = *id;
    details.message_tree_id = read_string(*j, "message_tree_id").value_or("");
    details.tree_state = read_string(*j, "tree_state").value_or("");
    details.author_display_name = read_string(*j, "author_display_name").value_or("");
    details.role = read_string(*j, "role").value_or("");
    details.lang = read_string(*j, "lang").value_or("");
    details.created_date = read_string(*j, "created_date").value_or("");
    details.rank = read_integer(*j, "rank");
    details.review_result = read_bool(*j, "review_result");
    details.review_count = read_integer(*j, "review_count").value_or(0);
    details.ranking_count = read_integer(*j, "ranking_count").value_or(0);
    details.labels_shown = read_bool(*j, "labels_shown").value_or(false);
    if (auto labels = j->find("labels"); labels != j->end() && labels->is_object())
        for (const auto& [name, summary] : labels->items())
            if (summary.is_object())
                details.labels[name] = {read_number(summary, "value").value_or(0),
                                        read_integer(summary, "count").value_or(0)};
    details.emojis = counts_from(*j, "emojis");
    details.user_emojis = read_string_list(*j, "user_emojis");
    details.user_is_author = read_bool(*j, "user_is_author").value_or(false);
    return details;
}

} // namespace orchard::protocol

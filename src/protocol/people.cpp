#include "protocol/people.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

using nlohmann::json;

namespace {

std::optional<Person> person_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    Person person;
    person.id = read_string(j, "id").value_or("");
    if (person.id.empty()) return std::nullopt;
    person.display_name = read_string(j, "display_name").value_or("");
    person.username = read_string(j, "username").value_or("");
    person.email = read_string(j, "email").value_or("");
    person.auth_method = read_string(j, "auth_method").value_or("");
    person.role = read_string(j, "role");
    person.sign_in = read_string_list(j, "sign_in_methods");
    person.guest = read_bool(j, "guest").value_or(false);
    person.enabled = read_bool(j, "enabled").value_or(true);
    person.deleted = read_bool(j, "deleted").value_or(false);
    person.disabled_reason = read_string(j, "disabled_reason").value_or("");
    person.show_on_leaderboard = read_bool(j, "show_on_leaderboard").value_or(true);
    person.hidden_from_leaderboards = read_bool(j, "hidden_from_leaderboards").value_or(false);
    person.created_date = read_string(j, "created_date").value_or("");
    return person;
}

TrollLine troll_line_from(const json& j) {
    return {read_integer(j, "rank").value_or(0),      read_number(j, "troll_score").value_or(0),
            read_integer(j, "red_flags").value_or(0), read_integer(j, "upvotes").value_or(0),
            read_integer(j, "downvotes").value_or(0), read_integer(j, "spam_prompts").value_or(0)};
}

std::optional<ModeratorNote> note_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    return ModeratorNote{
        read_string(j, "id").value_or(""), read_string(j, "author_name").value_or(""),
        read_string(j, "text").value_or(""), read_string(j, "created_date").value_or("")};
}

} // namespace

std::optional<PeoplePage> parse_people_page(std::string_view body) {
    const auto j = parse_object(body);
    const json* items = j ? array_field(*j, "items") : nullptr;
    if (!items) return std::nullopt;
    PeoplePage page;
    for (const auto& item : *items)
        if (auto person = person_from(item)) page.items.push_back(std::move(*person));
    page.next = read_string(*j, "next");
    return page;
}

std::optional<Person> parse_person(std::string_view body) {
    const auto j = parse_object(body);
    return j ? person_from(*j) : std::nullopt;
}

std::optional<PersonPage> parse_person_page(std::string_view body) {
    const auto j = parse_object(body);
    const json* user = j ? find_field(*j, "user") : nullptr;
    auto person = user ? person_from(*user) : std::nullopt;
    if (!person) return std::nullopt;
    PersonPage page;
    page.user = std::move(*person);
    if (const json* counts = object_field(*j, "counts"))
        page.counts = {read_integer(*counts, "messages").value_or(0),
                       read_integer(*counts, "deleted_messages").value_or(0),
                       read_integer(*counts, "labels").value_or(0),
                       read_integer(*counts, "reports").value_or(0),
                       read_integer(*counts, "rankings").value_or(0)};
    if (const json* stats = find_field(*j, "stats")) page.stats = user_stats_from(*stats);
    if (const json* troll = object_field(*j, "trollboard"))
        page.trollboard = troll_line_from(*troll);
    if (const json* notes = array_field(*j, "notes"))
        for (const auto& item : *notes)
            if (auto note = note_from(item)) page.notes.push_back(std::move(*note));
    return page;
}

std::optional<ModeratorNote> parse_moderator_note(std::string_view body) {
    const auto j = parse_object(body);
    return j ? note_from(*j) : std::nullopt;
}

std::optional<PurgePlan> parse_purge_plan(std::string_view body) {
    const auto j = parse_object(body);
    const json* messages = j ? object_field(*j, "messages") : nullptr;
    const json* items = messages ? array_field(*messages, "items") : nullptr;
    if (!items) return std::nullopt;
    PurgePlan plan;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        plan.messages.push_back({read_string(item, "id").value_or(""),
                                 read_string(item, "message_tree_id").value_or(""),
                                 read_bool(item, "is_prompt").value_or(false),
                                 read_string(item, "text").value_or(""),
                                 read_string(item, "lang").value_or(""),
                                 read_string(item, "created_date").value_or("")});
    }
    plan.replies_under = read_integer(*j, "replies_under").value_or(0);
    if (const json* trees = array_field(*j, "trees"))
        for (const auto& tree : *trees)
            if (tree.is_object())
                plan.trees.push_back({read_string(tree, "message_tree_id").value_or(""),
                                      read_string(tree, "from").value_or(""),
                                      read_string(tree, "to").value_or("")});
    const json* points = object_field(*j, "points");
    const json* scores = points ? object_field(*points, "scores") : nullptr;
    if (scores)
        for (const auto& [frame, change] : scores->items())
            if (change.is_object())
                plan.scores[frame] = {read_integer(change, "before").value_or(0),
                                      read_integer(change, "after").value_or(0)};
    return plan;
}

std::optional<std::vector<TrollRow>> parse_trollboard(std::string_view body) {
    const auto j = parse_object(body);
    const json* rows = j ? array_field(*j, "trollboard") : nullptr;
    if (!rows) return std::nullopt;
    std::vector<TrollRow> board;
    for (const auto& row : *rows)
        if (row.is_object())
            board.push_back({read_string(row, "user_id").value_or(""),
                             read_string(row, "display_name").value_or(""), troll_line_from(row)});
    return board;
}

} // namespace orchard::protocol

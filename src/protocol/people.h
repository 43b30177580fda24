// The moderators' people screens (docs/moderation.md): a person as the moderation routes show
// them, their page, a note, and what purging their messages would change, as the client reads
// them. Tolerant like the other readers: missing fields take defaults.
#pragma once

#include "protocol/rewards.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

struct Person {
    std::string id;
    std::string display_name;
    std::string username; // empty for guests and a frontend's users
    std::string email;
    std::string auth_method;          // "orchard" or a frontend's
    std::optional<std::string> role;  // none for a frontend's users
    std::vector<std::string> sign_in; // "password", "email", "oauth:<provider>"
    bool guest = false;
    bool enabled = true;
    bool deleted = false;
    std::string disabled_reason;           // shown to them while banned
    bool show_on_leaderboard = true;       // their own choice
    bool hidden_from_leaderboards = false; // the moderators'
    std::string created_date;
};

struct PeoplePage {
    std::vector<Person> items;
    std::optional<std::string> next;
};

struct ModeratorNote {
    std::string id;
    std::string author_name;
    std::string text;
    std::string created_date;
};

struct PersonCounts {
    long long messages = 0, deleted_messages = 0, labels = 0, reports = 0, rankings = 0;
};

// Their line of the all-time trollboard.
struct TrollLine {
    long long rank = 0;
    double troll_score = 0;
    long long red_flags = 0, upvotes = 0, downvotes = 0, spam_prompts = 0;
};

// A row of the trollboard: who, and their line.
struct TrollRow {
    std::string user_id;
    std::string display_name;
    TrollLine line;
};

struct PersonPage {
    Person user;
    PersonCounts counts;
    std::optional<UserStats> stats;
    std::optional<TrollLine> trollboard; // none: not on it
    std::vector<ModeratorNote> notes;    // oldest first
};

struct PurgeMessage {
    std::string id;
    std::string tree_id;
    bool is_prompt = false;
    std::string text;
    std::string lang;
    std::string created_date;
};

struct PurgeTreeChange {
    std::string tree_id;
    std::string from, to; // tree states
};

// What purging would change (the preview), or did change (the answer to doing it).
struct PurgePlan {
    std::vector<PurgeMessage> messages;
    long long replies_under = 0; // other people's replies that go with them
    std::vector<PurgeTreeChange> trees;
    std::map<std::string, std::pair<long long, long long>> scores; // time frame → before, after
};

std::optional<PeoplePage> parse_people_page(std::string_view body);
std::optional<Person> parse_person(std::string_view body);
std::optional<PersonPage> parse_person_page(std::string_view body);
std::optional<ModeratorNote> parse_moderator_note(std::string_view body);
std::optional<PurgePlan> parse_purge_plan(std::string_view body);
// GET /trollboards/{frame}: its rows, the worst first.
std::optional<std::vector<TrollRow>> parse_trollboard(std::string_view body);

} // namespace orchard::protocol

// The moderators' screens (docs/moderation.md, docs/flag-moderation.md): what the moderation
// routes answer, as the client reads it.
#pragma once

#include "protocol/task.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::protocol {

struct FlagReport {
    std::string text; // the reporter's reason, if they gave one
    std::string created_date;
};

// One message in the review queue, with everything that brought it there.
struct FlagQueueItem {
    ConversationMessage message;
    std::optional<std::string> parent_id; // none for a prompt
    std::string tree_id;
    std::string author_id;
    std::string author_name;
    long long red_flags = 0;
    double flag_weight = 0; // the red flags weighed by who raised them, in flags
    bool hidden = false;    // auto-moderation hid it until a moderator decides
    bool handled = false;
    std::optional<std::string> decision; // keep, remove or handled
    std::string last_flag_date;
    long long reports = 0;
    std::vector<FlagReport> latest_reports;
    std::map<std::string, long long> labels; // flag label → how many people set it
    long long signals = 0;
};

struct FlagQueue {
    std::vector<FlagQueueItem> items;
    std::optional<std::string> next;
};

std::optional<FlagQueue> parse_flag_queue(std::string_view body);

// One text a message had: the original and each edit, oldest first (GET …/history).
struct Revision {
    std::string id;
    std::string text;
    std::string user_id; // who wrote it: the author, then the editing moderators
    std::string created_date;
};
std::optional<std::vector<Revision>> parse_revisions(std::string_view body);

} // namespace orchard::protocol

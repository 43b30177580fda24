#include "protocol/rewards.h"

#include "protocol/json_read.h"

#include <algorithm>
#include <cmath>

namespace orchard::protocol {

namespace {

using nlohmann::json;

long long integer_or(const json& object, const char* key, long long fallback = 0) {
    if (auto value = read_number(object, key)) return static_cast<long long>(std::llround(*value));
    return fallback;
}

std::optional<long long> optional_integer(const json& object, const char* key) {
    if (auto value = read_number(object, key)) return static_cast<long long>(std::llround(*value));
    return std::nullopt;
}

std::string text_or_empty(const json& object, const char* key) {
    return read_string(object, key).value_or("");
}

// Ids and cursors may come as strings or numbers; both are kept as text.
std::optional<std::string> read_id(const json& object, const char* key) {
    if (auto text = read_string(object, key)) return text;
    if (auto number = read_integer(object, key)) return std::to_string(*number);
    return std::nullopt;
}

UserScore user_score_from(const json& j) {
    UserScore s;
    s.rank = optional_integer(j, "rank");
    s.user_id = read_id(j, "user_id").value_or("");
    s.username = text_or_empty(j, "username");
    s.display_name = text_or_empty(j, "display_name");
    if (s.display_name.empty()) s.display_name = s.username;
    s.highlighted = read_bool(j, "highlighted").value_or(false);
    s.leader_score = integer_or(j, "leader_score");
    s.level = static_cast<int>(integer_or(j, "level", 1));
    s.level_min_score = integer_or(j, "level_min_score");
    s.level_next_score = optional_integer(j, "level_next_score");
    s.prompts = integer_or(j, "prompts");
    s.replies_assistant = integer_or(j, "replies_assistant");
    s.replies_prompter = integer_or(j, "replies_prompter");
    s.labels_simple = integer_or(j, "labels_simple");
    s.labels_full = integer_or(j, "labels_full");
    s.rankings_total = integer_or(j, "rankings_total");
    s.rankings_good = integer_or(j, "rankings_good");
    s.accepted_prompts = integer_or(j, "accepted_prompts");
    s.accepted_replies_assistant = integer_or(j, "accepted_replies_assistant");
    s.accepted_replies_prompter = integer_or(j, "accepted_replies_prompter");
    s.reply_ranked_1 = integer_or(j, "reply_ranked_1");
    s.reply_ranked_2 = integer_or(j, "reply_ranked_2");
    s.reply_ranked_3 = integer_or(j, "reply_ranked_3");
    s.streak_days = static_cast<int>(integer_or(j, "streak_days"));
    s.last_activity_date = text_or_empty(j, "last_activity_date");
    return s;
}

Prize prize_from(const json& j) {
    Prize prize;
    prize.id = read_id(j, "id").value_or("");
    prize.title = text_or_empty(j, "title");
    prize.description = text_or_empty(j, "description");
    prize.time_frame = text_or_empty(j, "time_frame");
    prize.starts_at = text_or_empty(j, "starts_at");
    prize.ends_at = text_or_empty(j, "ends_at");
    prize.winners_count = integer_or(j, "winners_count");
    prize.awarded = read_bool(j, "awarded").value_or(false);
    if (const json* winners = array_field(j, "winners"))
        for (const auto& w : *winners)
            if (w.is_object())
                prize.winners.push_back({static_cast<int>(integer_or(w, "place")),
                                         read_id(w, "user_id").value_or(""),
                                         text_or_empty(w, "display_name"), integer_or(w, "score")});
    return prize;
}

} // namespace

const char* to_string(TimeFrame frame) {
    switch (frame) {
    case TimeFrame::Day:
        return "day";
    case TimeFrame::Week:
        return "week";
    case TimeFrame::Month:
        return "month";
    case TimeFrame::Total:
        return "total";
    }
    return "total";
}

std::optional<TimeFrame> time_frame_from(std::string_view name) {
    for (auto frame : kAllTimeFrames)
        if (name == to_string(frame)) return frame;
    return std::nullopt;
}

double level_progress(const UserScore& score) {
    if (!score.level_next_score) return 1.0;
    const double span = static_cast<double>(*score.level_next_score - score.level_min_score);
    if (span <= 0) return 1.0;
    return std::clamp(static_cast<double>(score.leader_score - score.level_min_score) / span, 0.0,
                      1.0);
}

const UserScore& UserStats::in(TimeFrame frame) const {
    switch (frame) {
    case TimeFrame::Day:
        return day;
    case TimeFrame::Week:
        return week;
    case TimeFrame::Month:
        return month;
    case TimeFrame::Total:
        return total;
    }
    return total;
}

std::optional<Leaderboard> parse_leaderboard(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const json* rows = array_field(*j, "leaderboard");
    if (!rows) return std::nullopt;
    Leaderboard board;
    board.time_frame =
        time_frame_from(read_string(*j, "time_frame").value_or("total")).value_or(TimeFrame::Total);
    board.last_updated = text_or_empty(*j, "last_updated");
    board.offset = integer_or(*j, "offset");
    for (const auto& row : *rows)
        if (row.is_object()) board.rows.push_back(user_score_from(row));
    board.total_count =
        integer_or(*j, "total_count", board.offset + static_cast<long long>(board.rows.size()));
    return board;
}

std::optional<UserStats> parse_user_stats(std::string_view body) {
    const auto j = parse_json(body);
    return j ? user_stats_from(*j) : std::nullopt;
}

std::optional<UserStats> user_stats_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    UserStats stats;
    bool any = false;
    for (auto frame : kAllTimeFrames) {
        auto it = j.find(to_string(frame));
        if (it == j.end() || !it->is_object()) continue;
        any = true;
        UserScore score = user_score_from(*it);
        switch (frame) {
        case TimeFrame::Day:
            stats.day = std::move(score);
            break;
        case TimeFrame::Week:
            stats.week = std::move(score);
            break;
        case TimeFrame::Month:
            stats.month = std::move(score);
            break;
        case TimeFrame::Total:
            stats.total = std::move(score);
            break;
        }
    }
    if (!any) return std::nullopt;
    return stats;
}

std::optional<LedgerPage> parse_ledger(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const json* items = array_field(*j, "items");
    if (!items) return std::nullopt;
    LedgerPage page;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        page.items.push_back({read_id(item, "id").value_or(""), text_or_empty(item, "kind"),
                              read_number(item, "points").value_or(0),
                              text_or_empty(item, "created_date"),
                              read_id(item, "message_id").value_or("")});
    }
    page.next = read_id(*j, "next");
    return page;
}

std::optional<std::vector<ActivityDay>> parse_activity(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const json* days = array_field(*j, "days");
    if (!days) return std::nullopt;
    std::vector<ActivityDay> out;
    for (const auto& day : *days)
        if (day.is_object())
            out.push_back({text_or_empty(day, "date"), read_number(day, "points").value_or(0),
                           integer_or(day, "events")});
    return out;
}

std::optional<ContributionPage> parse_contributions(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const json* items = array_field(*j, "items");
    if (!items) return std::nullopt;
    ContributionPage page;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        Contribution c;
        c.message_id = read_id(item, "message_id").value_or("");
        c.message_tree_id = read_id(item, "message_tree_id").value_or("");
        c.parent_id = read_id(item, "parent_id").value_or("");
        c.role = text_or_empty(item, "role");
        c.text = text_or_empty(item, "text");
        c.created_date = text_or_empty(item, "created_date");
        c.review_count = integer_or(item, "review_count");
        c.review_result = read_string(item, "review_result").value_or("pending");
        c.rank = optional_integer(item, "rank");
        c.ranking_count = integer_or(item, "ranking_count");
        c.replies = integer_or(item, "replies");
        c.replies_by_others = integer_or(item, "replies_by_others");
        c.tree_state = text_or_empty(item, "tree_state");
        c.deleted = read_bool(item, "deleted").value_or(false);
        page.items.push_back(std::move(c));
    }
    page.next = read_id(*j, "next");
    return page;
}

std::optional<NewsPage> parse_news(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    const json* items = array_field(*j, "items");
    if (!items) return std::nullopt;
    NewsPage page;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        page.items.push_back({read_id(item, "id").value_or(""), text_or_empty(item, "kind"),
                              text_or_empty(item, "created_date"), text_or_empty(item, "text"),
                              read_id(item, "user_id").value_or(""),
                              text_or_empty(item, "display_name")});
    }
    page.cursor = read_id(*j, "cursor");
    return page;
}

std::optional<Prizes> parse_prizes(std::string_view body) {
    auto j = parse_json(body);
    if (!j || !j->is_object()) return std::nullopt;
    Prizes prizes;
    if (const json* current = array_field(*j, "current"))
        for (const auto& p : *current)
            if (p.is_object()) prizes.current.push_back(prize_from(p));
    if (const json* past = array_field(*j, "past"))
        for (const auto& p : *past)
            if (p.is_object()) prizes.past.push_back(prize_from(p));
    return prizes;
}

} // namespace orchard::protocol

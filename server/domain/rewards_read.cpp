// Rewards, the read side: leaderboards, a user's stats, ledger and activity, the news feed and
// prizes as the JSON of docs/rewards.md.
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/rewards.h"
#include "server/domain/time_cursor.h"

#include <algorithm>
#include <charconv>

namespace orchard::domain {

namespace {

std::string points_text(std::int64_t points) {
    return std::to_string(points) + (points == 1 ? " point" : " points");
}

nlohmann::json nullable(const std::optional<std::int64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json Rewards::user_score(const store::BoardRow& row, std::optional<std::int64_t> rank,
                                   bool highlighted) {
    const std::int64_t total_score = score_of(row.total_counts, config_);
    const int level = level_of(total_score);
    const auto& streak = row.streak;
    nlohmann::json json = {{"rank", nullable(rank)},
                           {"user_id", row.user_id},
                           {"highlighted", highlighted},
                           {"username", row.username},
                           {"auth_method", row.auth_method},
                           {"display_name", row.display_name},
                           {"leader_score", row.score},
                           {"level", level},
                           {"level_min_score", level_threshold(level)},
                           {"level_next_score", level < 100
                                                    ? nlohmann::json(level_threshold(level + 1))
                                                    : nlohmann::json(nullptr)},
                           {"total_score", total_score}};
    for (int kind = 0; kind < kPointKindCount; ++kind)
        json[std::string(count_field(static_cast<PointKind>(kind)))] =
            row.counts[static_cast<size_t>(kind)];
    json["streak_days"] = streak ? streak_days(*streak, now_ms_) : 0;
    json["streak_last_day_date"] =
        streak ? nlohmann::json(iso8601(streak->last_activity_ms)) : nlohmann::json(nullptr);
    json["last_activity_date"] =
        streak ? nlohmann::json(iso8601(streak->last_activity_ms)) : nlohmann::json(nullptr);
    return json;
}

nlohmann::json Rewards::board_json(TimeFrame frame, const std::vector<store::BoardRow>& rows,
                                   std::int64_t first_rank, const std::string& highlighted_user) {
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = 0; i < rows.size(); ++i)
        list.push_back(user_score(rows[i], first_rank + static_cast<std::int64_t>(i),
                                  rows[i].user_id == highlighted_user));
    return {{"time_frame", frame_name(frame)},
            {"last_updated", iso8601(now_ms_)},
            {"total_count", ledger_.count_shown(frame)},
            {"offset", first_rank - 1},
            {"leaderboard", list}};
}

std::string Rewards::board_version() {
    bring_up_to_date();
    return ledger_.board_version();
}

std::optional<std::int64_t> Rewards::board_valid_until(TimeFrame frame) {
    const auto span = frame_span_ms(frame);
    if (!span) return std::nullopt;
    return ledger_.next_expiry_ms(frame, *span);
}

nlohmann::json Rewards::leaderboard(TimeFrame frame, int max_count, std::int64_t offset) {
    bring_up_to_date();
    max_count = std::clamp(max_count, 1, 1000);
    offset = std::max<std::int64_t>(0, offset);
    return board_json(frame, ledger_.board(frame, max_count, offset), offset + 1, "");
}

nlohmann::json Rewards::event_board(const std::string& event, int max_count) {
    bring_up_to_date();
    max_count = std::clamp(max_count, 1, 100);
    return board_json(TimeFrame::Total, ledger_.event_board(event, max_count), 1, "");
}

nlohmann::json Rewards::user_stats(const std::string& user_id) {
    bring_up_to_date();
    auto identity = ledger_.user_identity(user_id);
    if (!identity) throw DomainError(protocol::ErrorCode::UserNotFound, "No such user.");
    nlohmann::json stats = nlohmann::json::object();
    for (const auto frame : kTimeFrames) {
        store::BoardRow row = *identity;
        row.counts = ledger_.frame_counts(frame, user_id).value_or(PointCounts{});
        row.score = score_of(row.counts, config_);
        stats[std::string(frame_name(frame))] =
            user_score(row, ledger_.rank_of(frame, user_id), true);
    }
    return stats;
}

nlohmann::json Rewards::user_window(const std::string& user_id, TimeFrame frame, int window_size) {
    bring_up_to_date();
    if (!ledger_.user_identity(user_id))
        throw DomainError(protocol::ErrorCode::UserNotFound, "No such user.");
    window_size = std::clamp(window_size, 1, 100);
    const auto rank = ledger_.rank_of(frame, user_id);
    if (!rank) return board_json(frame, {}, 1, user_id); // not on this board
    const std::int64_t first = std::max<std::int64_t>(1, *rank - window_size);
    const int count = static_cast<int>(*rank - first) + 1 + window_size;
    return board_json(frame, ledger_.board(frame, count, first - 1), first, user_id);
}

nlohmann::json Rewards::ledger_page(const std::string& user_id, const std::string& before,
                                    int max_count) {
    max_count = std::clamp(max_count, 1, 200);
    std::optional<store::LedgerCursor> cursor;
    if (const auto place = parse_time_cursor(before)) cursor = {place->first, place->second};
    const auto rows = ledger_.user_rows(user_id, cursor, max_count + 1);
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(max_count); ++i)
        items.push_back({{"id", std::to_string(rows[i].id)},
                         {"kind", kind_name(rows[i].kind)},
                         {"points", rows[i].points},
                         {"created_date", iso8601(rows[i].created_ms)},
                         {"message_id", rows[i].message_id ? nlohmann::json(*rows[i].message_id)
                                                           : nlohmann::json(nullptr)}});
    const bool more = rows.size() > static_cast<size_t>(max_count);
    return {{"items", items},
            {"next", more ? nlohmann::json(format_time_cursor(
                                rows[static_cast<size_t>(max_count) - 1].created_ms,
                                rows[static_cast<size_t>(max_count) - 1].id))
                          : nlohmann::json(nullptr)}};
}

nlohmann::json Rewards::activity(const std::string& user_id, int days) {
    days = std::clamp(days, 1, 366);
    const std::int64_t today = now_ms_ / kDayMs;
    const std::int64_t first_day = today - days + 1;
    std::vector<std::pair<double, std::int64_t>> per_day(static_cast<size_t>(days), {0.0, 0});
    for (const auto& row : ledger_.user_rows_since(user_id, first_day * kDayMs)) {
        const std::int64_t day = row.created_ms / kDayMs - first_day;
        if (day < 0 || day >= days) continue;
        per_day[static_cast<size_t>(day)].first += row.points;
        per_day[static_cast<size_t>(day)].second += 1;
    }
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < days; ++i)
        list.push_back({{"date", iso8601((first_day + i) * kDayMs).substr(0, 10)},
                        {"points", per_day[static_cast<size_t>(i)].first},
                        {"events", per_day[static_cast<size_t>(i)].second}});
    return {{"days", list}};
}

std::string Rewards::news_text(const store::NewsRow& row) {
    const auto data = nlohmann::json::parse(row.data_json, nullptr, false);
    auto text = [&](const char* key) {
        return data.is_object() && data.contains(key) && data[key].is_string()
                   ? data[key].get<std::string>()
                   : std::string();
    };
    auto number = [&](const char* key) {
        return data.is_object() && data.contains(key) && data[key].is_number_integer()
                   ? data[key].get<std::int64_t>()
                   : std::int64_t{0};
    };
    const std::string name = row.display_name.empty() ? "Someone" : row.display_name;
    if (row.kind == "prompt_accepted")
        return name + "'s prompt was accepted: \u201c" + text("preview") + "\u201d";
    if (row.kind == "tree_ready")
        return "A conversation of " + std::to_string(number("messages")) +
               " messages is finished and ready for export: \u201c" + text("preview") + "\u201d";
    if (row.kind == "level_reached")
        return name + " reached level " + std::to_string(number("level")) + ".";
    if (row.kind == "day_leader")
        return name + " leads today's leaderboard with " + points_text(number("score")) + ".";
    if (row.kind == "milestone")
        return std::to_string(number("count")) + " messages written! Number " +
               std::to_string(number("count")) + " came from " + name + ".";
    if (row.kind == "prize_awarded") {
        std::string names;
        if (data.is_object() && data.contains("winners") && data["winners"].is_array())
            for (const auto& winner : data["winners"]) {
                const auto who = ledger_.user_identity(winner.value("user_id", ""));
                if (!names.empty()) names += ", ";
                names += who ? who->display_name : "someone";
            }
        return "Prize \u201c" + text("title") + "\u201d: " +
               (names.empty() ? "nobody earned points in its time." : "won by " + names + ".");
    }
    return name + ": " + row.kind;
}

nlohmann::json Rewards::news(std::int64_t after_id, int max_count) {
    bring_up_to_date();
    max_count = std::clamp(max_count, 1, 100);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : news_.newest(after_id, max_count)) {
        auto data = nlohmann::json::parse(row.data_json, nullptr, false);
        items.push_back(
            {{"id", std::to_string(row.id)},
             {"kind", row.kind},
             {"created_date", iso8601(row.created_ms)},
             {"text", news_text(row)},
             {"user_id", row.user_id ? nlohmann::json(*row.user_id) : nlohmann::json(nullptr)},
             {"display_name", row.display_name},
             {"message_id",
              row.message_id ? nlohmann::json(*row.message_id) : nlohmann::json(nullptr)},
             {"data", data.is_object() ? data : nlohmann::json::object()}});
    }
    return {{"items", items}, {"cursor", std::to_string(std::max(after_id, news_.newest_id()))}};
}

std::int64_t Rewards::newest_news_id() {
    bring_up_to_date();
    return news_.newest_id();
}

nlohmann::json Rewards::prize_json(const store::PrizeRecord& prize) {
    nlohmann::json winners = nlohmann::json::array();
    for (const auto& winner : prizes_.winners(prize.id))
        winners.push_back({{"place", winner.place},
                           {"user_id", winner.user_id},
                           {"display_name", winner.display_name},
                           {"score", winner.score}});
    return {{"id", prize.id},
            {"title", prize.title},
            {"description", prize.description},
            {"time_frame", prize.time_frame},
            {"starts_at", iso8601(prize.starts_ms)},
            {"ends_at", iso8601(prize.ends_ms)},
            {"winners_count", prize.winners_count},
            {"awarded", prize.awarded_ms.has_value()},
            {"winners", winners}};
}

nlohmann::json Rewards::prizes() {
    bring_up_to_date();
    nlohmann::json current = nlohmann::json::array();
    nlohmann::json past = nlohmann::json::array();
    for (const auto& prize : prizes_.all())
        (prize.ends_ms > now_ms_ ? current : past).push_back(prize_json(prize));
    return {{"current", current}, {"past", past}};
}

} // namespace orchard::domain

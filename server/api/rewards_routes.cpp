#include "server/api/rewards_routes.h"

#include "server/api/permissions.h"
#include "server/api/query_params.h"
#include "server/domain/contributions.h"
#include "server/domain/domain_error.h"
#include "server/domain/event_names.h"
#include "server/domain/ids.h"
#include "server/domain/request_fields.h"
#include "server/domain/rewards.h"
#include "server/store/prize_store.h"
#include "server/store/read_connections.h"

#include <cstdint>
#include <string>

namespace orchard::api::rewards {

using domain::bad_input;
using domain::DomainError;
using domain::Rewards;
using domain::TimeFrame;
using protocol::ErrorCode;

namespace {

Rewards rewards_of(Call& call) {
    // Asked of the connection, not of the route: a read run again on the writing connection
    // (WriteNeeded) must do there what is due. A flag taken from the first attempt made it throw
    // WriteNeeded there too: a 500 for every read.
    store::StatementCache& statements = call.store().statements();
    return Rewards(statements, call.config(), call.now, store::on_read_connection(statements));
}

TimeFrame frame_param(const std::string& text) {
    if (auto frame = domain::frame_from_name(text)) return *frame;
    throw bad_input("Unknown time frame '" + text + "': use day, week, month or total.");
}

// A user's own ledger, activity and contributions: themself, moderators and trusted clients.
void require_self_or_moderator(const ApiCaller& caller, const std::string& user_id) {
    if (is_moderator(caller) || (caller.user && caller.user->user.id == user_id)) return;
    throw DomainError(ErrorCode::ApiClientNotAuthorized,
                      "Only the user themself or a moderator may see this.");
}

// A prize as an admin describes it; everything checked before anything is stored.
store::PrizeRecord prize_from(const nlohmann::json& body, store::PrizeRecord prize) {
    const domain::RequestFields fields(body);
    prize.title = fields.string_or("title");
    if (prize.title.empty() || prize.title.size() > 200)
        throw bad_input("title must have 1 to 200 characters.");
    prize.description = fields.string_or("description");
    if (prize.description.size() > 4000)
        throw bad_input("description must have at most 4000 characters.");
    prize.time_frame = fields.string_or("time_frame");
    const auto frame = domain::frame_from_name(prize.time_frame);
    if (!frame) throw bad_input("time_frame must be day, week, month or total.");
    const auto ends = domain::parse_iso8601(fields.string_or("ends_at"));
    if (!ends) throw bad_input("ends_at must be a date and time like 2026-12-24T18:00:00Z.");
    prize.ends_ms = *ends;
    const std::string starts_text = fields.string_or("starts_at");
    if (!starts_text.empty()) {
        const auto starts = domain::parse_iso8601(starts_text);
        if (!starts) throw bad_input("starts_at must be a date and time like 2026-12-01T00:00Z.");
        prize.starts_ms = *starts;
    } else {
        // The frame's length before the end; a "total" prize counts everything.
        const auto span = domain::frame_span_ms(*frame);
        prize.starts_ms = span ? prize.ends_ms - *span : 0;
    }
    if (prize.starts_ms >= prize.ends_ms) throw bad_input("starts_at must be before ends_at.");
    if (!fields.has("winners_count"))
        throw bad_input("winners_count must be a whole number from 1 to 100.");
    prize.winners_count = static_cast<int>(fields.int_or("winners_count", 0, 1, 100));
    return prize;
}

store::PrizeRecord existing_prize(Call& call) {
    const std::string& id = call.param("prize_id");
    auto prize = store::PrizeStore(call.store().statements()).find(id);
    if (!prize) {
        DomainError error(ErrorCode::Generic, "No prize " + id + ".");
        error.http_status = 404;
        throw error;
    }
    return *prize;
}

} // namespace

namespace {

// A board's answer, kept until the boards change or `valid_until` (see AnswerCache); `make`
// computes it when there is none. Through Response::json, which replaces bytes that are not
// UTF-8 (a name stored before names were checked) instead of throwing: one such name used to
// make every answer of the board a 500, for as long as it stayed.
template <class Make>
http::Response cached_board(Call& call, Rewards& rewards, const std::string& key,
                            std::optional<std::int64_t> valid_until, Make make) {
    const std::string version = rewards.board_version();
    AnswerCache& boards = call.services.leaderboards;
    http::Response response;
    if (auto body = boards.find(key, version, call.now)) {
        response.body = std::move(*body);
    } else {
        response = http::Response::json(200, make());
        boards.store(key, version, valid_until, response.body);
    }
    return response;
}

} // namespace

// The most read answer of all: kept until the boards change (see AnswerCache).
http::Response leaderboard(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto frame = frame_param(call.param("frame"));
    const auto max_count = int_query(call.request, "max_count", 100, 1, 1000);
    const auto offset = int_query(call.request, "offset", 0, 0, INT32_MAX);
    const std::string key =
        call.param("frame") + "/" + std::to_string(max_count) + "/" + std::to_string(offset);
    return cached_board(call, rewards, key, rewards.board_valid_until(frame), [&] {
        return rewards.leaderboard(frame, static_cast<int>(max_count), offset);
    });
}

namespace {

// What a public widget may show of a board's row or a news item: no ids, usernames (an e-mail
// for some) or sign-in methods, nothing but what the site's own pages already show everyone.
nlohmann::json public_row(const nlohmann::json& row) {
    return {{"rank", row.at("rank")},
            {"display_name", row.at("display_name")},
            {"leader_score", row.at("leader_score")},
            {"level", row.at("level")}};
}

nlohmann::json public_rows(const nlohmann::json& board) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : board.at("leaderboard"))
        rows.push_back(public_row(row));
    return rows;
}

nlohmann::json public_news_item(const nlohmann::json& item) {
    return {{"id", item.at("id")},
            {"kind", item.at("kind")},
            {"created_date", item.at("created_date")},
            {"text", item.at("text")},
            {"display_name", item.at("display_name")}};
}

// Public widgets are read by any site's pages (CORS without credentials) and by many visitors at
// once: a browser or proxy may keep an answer this long.
void make_public(http::Response& response) {
    response.set_header("Access-Control-Allow-Origin", "*");
    response.set_header("Cache-Control", "public, max-age=15");
}

} // namespace

http::Response public_leaderboard(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto frame = frame_param(call.param("frame"));
    const auto max_count = int_query(call.request, "max_count", 10, 1, 100);
    const std::string key = "public/" + call.param("frame") + "/" + std::to_string(max_count);
    auto response = cached_board(call, rewards, key, rewards.board_valid_until(frame), [&] {
        const auto board = rewards.leaderboard(frame, static_cast<int>(max_count), 0);
        return nlohmann::json{{"time_frame", board.at("time_frame")},
                              {"last_updated", board.at("last_updated")},
                              {"total_count", board.at("total_count")},
                              {"leaderboard", public_rows(board)}};
    });
    make_public(response);
    return response;
}

http::Response public_event_board(Call& call) {
    Rewards rewards = rewards_of(call);
    const std::string& event = call.param("event");
    if (!domain::valid_event_name(event))
        throw bad_input("event: an event's name has 1 to 40 lower-case letters, digits and '-'.");
    const auto max_count = int_query(call.request, "max_count", 10, 1, 100);
    const std::string key = "event/" + event + "/" + std::to_string(max_count);
    auto response = cached_board(call, rewards, key, std::nullopt, [&] {
        const auto board = rewards.event_board(event, static_cast<int>(max_count));
        return nlohmann::json{{"event", event},
                              {"last_updated", board.at("last_updated")},
                              {"leaderboard", public_rows(board)}};
    });
    make_public(response);
    return response;
}

http::Response public_news(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto after = int_query(call.request, "after", 0, 0, INT64_MAX);
    const auto max_count = int_query(call.request, "max_count", 10, 1, 50);
    const auto page = rewards.news(after, static_cast<int>(max_count));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.at("items"))
        items.push_back(public_news_item(item));
    auto response = http::Response::json(200, {{"items", items}, {"cursor", page.at("cursor")}});
    make_public(response);
    return response;
}

http::Response user_stats(Call& call) {
    return http::Response::json(200, rewards_of(call).user_stats(call.param("user_id")));
}

http::Response user_window(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto frame = frame_param(call.param("frame"));
    return http::Response::json(
        200,
        rewards.user_window(call.param("user_id"), frame,
                            static_cast<int>(int_query(call.request, "window_size", 5, 1, 100))));
}

http::Response ledger(Call& call) {
    Rewards rewards = rewards_of(call);
    require_self_or_moderator(call.caller, call.param("user_id"));
    return http::Response::json(
        200,
        rewards.ledger_page(call.param("user_id"), text_query(call.request, "before").value_or(""),
                            static_cast<int>(int_query(call.request, "max_count", 50, 1, 200))));
}

http::Response activity(Call& call) {
    Rewards rewards = rewards_of(call);
    require_self_or_moderator(call.caller, call.param("user_id"));
    return http::Response::json(
        200, rewards.activity(call.param("user_id"),
                              static_cast<int>(int_query(call.request, "days", 30, 1, 366))));
}

http::Response contributions(Call& call) {
    require_self_or_moderator(call.caller, call.param("user_id"));
    return http::Response::json(
        200,
        domain::contributions(call.store().statements(), call.param("user_id"),
                              text_query(call.request, "before").value_or(""),
                              static_cast<int>(int_query(call.request, "max_count", 20, 1, 100))));
}

http::Response trollboard(Call& call) {
    const auto frame = frame_param(call.param("frame"));
    return http::Response::json(
        200, domain::trollboard(
                 call.store().statements(), frame,
                 static_cast<int>(int_query(call.request, "max_count", 100, 1, 1000)), call.now));
}

http::Response stats(Call& call) {
    return http::Response::json(200, domain::system_stats(call.store().statements()));
}

http::Response news(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto after = int_query(call.request, "after", 0, 0, INT64_MAX);
    const auto max_count = int_query(call.request, "max_count", 20, 1, 100);
    // Pollers ask often and little changes: the tag names the newest item and the question,
    // and a match is answered without a body.
    const std::string tag = "\"news-" + std::to_string(rewards.newest_news_id()) + "-" +
                            std::to_string(after) + "-" + std::to_string(max_count) + "\"";
    http::Response response;
    if (call.request.header("If-None-Match") == tag) {
        response.status = 304;
    } else {
        response = http::Response::json(200, rewards.news(after, static_cast<int>(max_count)));
    }
    response.set_header("ETag", tag);
    response.set_header("Cache-Control", "no-cache");
    return response;
}

http::Response prizes(Call& call) {
    return http::Response::json(200, rewards_of(call).prizes());
}

http::Response add_prize(Call& call) {
    Rewards rewards = rewards_of(call);
    store::PrizeRecord prize;
    prize.id = domain::new_uuid();
    prize.created_ms = call.now;
    prize = prize_from(call.body, prize);
    store::PrizeStore(call.store().statements()).insert(prize);
    auto answer = rewards.prize_json(prize);
    call.audit({"prize.add", "prize", prize.id, nullptr, answer});
    return http::Response::json(201, answer);
}

http::Response change_prize(Call& call) {
    Rewards rewards = rewards_of(call);
    const auto prize = existing_prize(call);
    if (prize.awarded_ms)
        throw bad_input("This prize is awarded already; it can no longer change.");
    const auto updated = prize_from(call.body, prize);
    store::PrizeStore(call.store().statements()).update(updated);
    auto answer = rewards.prize_json(updated);
    call.audit({"prize.change", "prize", prize.id, rewards.prize_json(prize), answer});
    return http::Response::json(200, answer);
}

http::Response remove_prize(Call& call) {
    const auto prize = existing_prize(call);
    const auto before = rewards_of(call).prize_json(prize);
    store::PrizeStore(call.store().statements()).remove(prize.id);
    call.audit({"prize.remove", "prize", prize.id, before, nullptr});
    return no_content();
}

} // namespace orchard::api::rewards

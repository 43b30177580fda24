#include "server/api/rewards_routes.h"

#include "server/api/answer_cache.h"
#include "server/api/query_params.h"
#include "server/api/request_runner.h"
#include "server/domain/contributions.h"
#include "server/domain/request_fields.h"
#include "server/domain/rewards.h"

#include <memory>

namespace orchard::api {

using domain::bad_input;
using domain::DomainError;
using domain::Rewards;
using domain::TimeFrame;
using protocol::ErrorCode;

namespace {

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

} // namespace

void add_rewards_routes(http::Router& router, store::Database& database) {
    auto context = std::make_shared<ApiContext>(ApiContext{database, std::mt19937_64(1)});
    // `reads`: the answer changes nothing, so it runs on a read connection (see run), unless
    // something is due that only a write can do.
    auto rewards_route = [context](Needs needs, bool reads, auto act) {
        return [context, needs, reads, act](const http::Request& request,
                                            const http::PathParams& params) {
            auto handle = [&](store::TreeStore& store, const ApiCaller& caller,
                              const domain::TreeManagerConfig& config, const nlohmann::json& body,
                              std::int64_t now) {
                require(caller, needs);
                // Asked of the connection, not taken from `reads`: run again on the writing one
                // (WriteNeeded), this same handle must do what is due. A flag captured from the
                // first attempt made it throw WriteNeeded there too: a 500 for every read.
                Rewards rewards(store.statements(), config, now,
                                store::on_read_connection(store.statements()));
                return act(rewards, store, caller, request, params, body, now);
            };
            return run(*context, request, false, handle, reads);
        };
    };
    auto with_rewards = [rewards_route](Needs needs, auto act) {
        return rewards_route(needs, false, act);
    };
    auto reading_rewards = [rewards_route](auto act) {
        return rewards_route(Needs::Caller, true, act);
    };
    using Params = http::PathParams;
    using Json = nlohmann::json;

    // The most read answer of all: kept until the boards change (see AnswerCache).
    auto boards = std::make_shared<AnswerCache>();
    router.add("GET", "/api/v1/leaderboards/{frame}",
               reading_rewards([boards](Rewards& rewards, store::TreeStore&, const ApiCaller&,
                                        const http::Request& request, const Params& params,
                                        const Json&, std::int64_t now) {
                   const auto frame = frame_param(params.at("frame"));
                   const auto max_count = int_query(request, "max_count", 100, 1, 1000);
                   const auto offset = int_query(request, "offset", 0, 0, INT32_MAX);
                   const std::string key = params.at("frame") + "/" + std::to_string(max_count) +
                                           "/" + std::to_string(offset);
                   const std::string version = rewards.board_version();
                   http::Response response;
                   if (auto body = boards->find(key, version, now)) {
                       response.body = std::move(*body);
                   } else {
                       // Through Response::json, which replaces bytes that are not UTF-8 (a name
                       // stored before names were checked) instead of throwing: one such name
                       // used to make every answer of the board a 500, for as long as it stayed.
                       response = http::Response::json(
                           200, rewards.leaderboard(frame, static_cast<int>(max_count), offset));
                       boards->store(key, version, rewards.board_valid_until(frame), response.body);
                   }
                   return response;
               }));
    router.add(
        "GET", "/api/v1/users/{user_id}/stats",
        reading_rewards([](Rewards& rewards, store::TreeStore&, const ApiCaller&,
                           const http::Request&, const Params& params, const Json&, std::int64_t) {
            return http::Response::json(200, rewards.user_stats(params.at("user_id")));
        }));
    router.add("GET", "/api/v1/users/{user_id}/stats/{frame}/window",
               reading_rewards([](Rewards& rewards, store::TreeStore&, const ApiCaller&,
                                  const http::Request& request, const Params& params, const Json&,
                                  std::int64_t) {
                   const auto frame = frame_param(params.at("frame"));
                   return http::Response::json(
                       200, rewards.user_window(
                                params.at("user_id"), frame,
                                static_cast<int>(int_query(request, "window_size", 5, 1, 100))));
               }));
    router.add("GET", "/api/v1/users/{user_id}/ledger",
               with_rewards(Needs::Caller, [](Rewards& rewards, store::TreeStore&,
                                              const ApiCaller& caller, const http::Request& request,
                                              const Params& params, const Json&, std::int64_t) {
                   require_self_or_moderator(caller, params.at("user_id"));
                   return http::Response::json(
                       200, rewards.ledger_page(
                                params.at("user_id"), text_query(request, "before").value_or(""),
                                static_cast<int>(int_query(request, "max_count", 50, 1, 200))));
               }));
    router.add("GET", "/api/v1/users/{user_id}/activity",
               with_rewards(Needs::Caller, [](Rewards& rewards, store::TreeStore&,
                                              const ApiCaller& caller, const http::Request& request,
                                              const Params& params, const Json&, std::int64_t) {
                   require_self_or_moderator(caller, params.at("user_id"));
                   return http::Response::json(
                       200,
                       rewards.activity(params.at("user_id"),
                                        static_cast<int>(int_query(request, "days", 30, 1, 366))));
               }));
    router.add("GET", "/api/v1/users/{user_id}/contributions",
               with_rewards(Needs::Caller, [](Rewards&, store::TreeStore& store,
                                              const ApiCaller& caller, const http::Request& request,
                                              const Params& params, const Json&, std::int64_t) {
                   require_self_or_moderator(caller, params.at("user_id"));
                   return http::Response::json(
                       200, domain::contributions(
                                store.statements(), params.at("user_id"),
                                text_query(request, "before").value_or(""),
                                static_cast<int>(int_query(request, "max_count", 20, 1, 100))));
               }));
    router.add(
        "GET", "/api/v1/trollboards/{frame}",
        with_rewards(Needs::Moderator, [](Rewards&, store::TreeStore& store, const ApiCaller&,
                                          const http::Request& request, const Params& params,
                                          const Json&, std::int64_t now) {
            const auto frame = frame_param(params.at("frame"));
            return http::Response::json(
                200, domain::trollboard(
                         store.statements(), frame,
                         static_cast<int>(int_query(request, "max_count", 100, 1, 1000)), now));
        }));
    router.add("GET", "/api/v1/stats",
               with_rewards(Needs::Caller, [](Rewards&, store::TreeStore& store, const ApiCaller&,
                                              const http::Request&, const Params&, const Json&,
                                              std::int64_t) {
                   return http::Response::json(200, domain::system_stats(store.statements()));
               }));
    router.add("GET", "/api/v1/news",
               with_rewards(Needs::Caller, [](Rewards& rewards, store::TreeStore&, const ApiCaller&,
                                              const http::Request& request, const Params&,
                                              const Json&, std::int64_t) {
                   const auto after = int_query(request, "after", 0, 0, INT64_MAX);
                   const auto max_count = int_query(request, "max_count", 20, 1, 100);
                   // Pollers ask often and little changes: the tag names the newest item and
                   // the question, and a match is answered without a body.
                   const std::string tag = "\"news-" + std::to_string(rewards.newest_news_id()) +
                                           "-" + std::to_string(after) + "-" +
                                           std::to_string(max_count) + "\"";
                   http::Response response;
                   if (request.header("If-None-Match") == tag) {
                       response.status = 304;
                   } else {
                       response = http::Response::json(
                           200, rewards.news(after, static_cast<int>(max_count)));
                   }
                   response.set_header("ETag", tag);
                   response.set_header("Cache-Control", "no-cache");
                   return response;
               }));
    router.add("GET", "/api/v1/prizes",
               with_rewards(Needs::Caller,
                            [](Rewards& rewards, store::TreeStore&, const ApiCaller&,
                               const http::Request&, const Params&, const Json&, std::int64_t) {
                                return http::Response::json(200, rewards.prizes());
                            }));
    router.add("POST", "/api/v1/admin/prizes",
               with_rewards(Needs::Admin, [](Rewards& rewards, store::TreeStore& store,
                                             const ApiCaller&, const http::Request&, const Params&,
                                             const Json& body, std::int64_t now) {
                   store::PrizeRecord prize;
                   prize.id = domain::new_uuid();
                   prize.created_ms = now;
                   prize = prize_from(body, prize);
                   store::PrizeStore(store.statements()).insert(prize);
                   return http::Response::json(201, rewards.prize_json(prize));
               }));
    auto existing_prize = [](store::TreeStore& store, const std::string& id) {
        auto prize = store::PrizeStore(store.statements()).find(id);
        if (!prize) {
            DomainError error(ErrorCode::Generic, "No prize " + id + ".");
            error.http_status = 404;
            throw error;
        }
        return *prize;
    };
    router.add("PUT", "/api/v1/admin/prizes/{prize_id}",
               with_rewards(Needs::Admin,
                            [existing_prize](Rewards& rewards, store::TreeStore& store,
                                             const ApiCaller&, const http::Request&,
                                             const Params& params, const Json& body, std::int64_t) {
                                const auto prize = existing_prize(store, params.at("prize_id"));
                                if (prize.awarded_ms)
                                    throw bad_input(
                                        "This prize is awarded already; it can no longer change.");
                                const auto updated = prize_from(body, prize);
                                store::PrizeStore(store.statements()).update(updated);
                                return http::Response::json(200, rewards.prize_json(updated));
                            }));
    router.add("DELETE", "/api/v1/admin/prizes/{prize_id}",
               with_rewards(Needs::Admin,
                            [existing_prize](Rewards&, store::TreeStore& store, const ApiCaller&,
                                             const http::Request&, const Params& params,
                                             const Json&, std::int64_t) {
                                existing_prize(store, params.at("prize_id"));
                                store::PrizeStore(store.statements()).remove(params.at("prize_id"));
                                return no_content();
                            }));
}

} // namespace orchard::api

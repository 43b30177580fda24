// App: the rewards side: the person's scores (top bar, dashboard, the points a submission
// earned), today's top five and the news on the dashboard, and the leaderboard, profile,
// contributions and prizes screens.
#include "client/app.h"

#include "i18n/translator.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <iterator>
#include <nlohmann/json.hpp>

namespace orchard::client {

using i18n::tr;

namespace {

std::string points_text(long long points) {
    return i18n::tr_count("rewards_messages.points", static_cast<double>(points));
}

} // namespace

void App::reload_screen(double now) {
    if (!state_.account || !state_.account->terms_accepted) return;
    ++screen_generation_; // answers still on their way belong to the old load
    if (const auto load = screen_row(state_.screen).load) load(*this, now);
}

void App::show_screen(Screen screen, double now) {
    if (!state_.account || !state_.account->terms_accepted) return;
    if (state_.screen == Screen::Task) leave_task();
    state_.screen = screen;
    if (const auto open = screen_row(screen).open) open(*this);
    reload_screen(now);
}

void App::rewards_error(const ClientError& error, std::string& problem, double now) {
    if (error.kind == ClientError::Kind::Network) {
        network_trouble(error, now);
        problem = describe(error);
        return;
    }
    if (!handle_common_error(error, now)) problem = describe(error);
}

void App::refresh_rewards(double now) {
    if (!state_.account) return;
    refresh_my_stats(now);
    api_.leaderboard(protocol::TimeFrame::Day, 0, 5,
                     [this](ApiResult<protocol::Leaderboard> result) {
                         if (auto* board = std::get_if<protocol::Leaderboard>(&result))
                             state_.dashboard.top_today = std::move(*board);
                     });
    api_.news(state_.dashboard.news_cursor, kNewsItems,
              [this](ApiResult<protocol::NewsPage> result) {
                  auto* page = std::get_if<protocol::NewsPage>(&result);
                  if (!page) return;
                  auto& d = state_.dashboard;
                  // Newer items go on top; the feed keeps the latest few. Two refreshes that
                  // crossed (the same cursor asked twice) must not show an item twice.
                  std::vector<protocol::NewsItem> fresh;
                  for (auto& item : page->items) {
                      const bool shown =
                          std::any_of(d.news.begin(), d.news.end(),
                                      [&](const protocol::NewsItem& n) { return n.id == item.id; });
                      if (!shown) fresh.push_back(std::move(item));
                  }
                  d.news.insert(d.news.begin(), std::make_move_iterator(fresh.begin()),
                                std::make_move_iterator(fresh.end()));
                  if (d.news.size() > static_cast<std::size_t>(kNewsItems))
                      d.news.resize(static_cast<std::size_t>(kNewsItems));
                  if (page->cursor && !page->cursor->empty()) d.news_cursor = *page->cursor;
              });
}

namespace {
constexpr const char* kPointsNoticeKey = "orchard.points_notice";
// A reload soon after a submission still says what it earned; much later it would be news
// about something long done.
constexpr std::int64_t kPointsNoticeSeconds = 10 * 60;
} // namespace

void App::keep_points_notice(const std::string& notice) {
    if (!state_.account) return;
    store_.set(kPointsNoticeKey,
               nlohmann::json({{"account", state_.account->id},
                               {"text", notice},
                               {"at", static_cast<std::int64_t>(std::time(nullptr))}})
                   .dump());
}

void App::recall_points_notice() {
    const auto kept = store_.get(kPointsNoticeKey);
    if (!kept || !state_.account || state_.screen != Screen::Task || !state_.task.notice.empty())
        return;
    const auto json = nlohmann::json::parse(*kept, nullptr, false);
    // Browser storage is anyone's to edit: only the exact shape written above is taken.
    const bool shaped = json.is_object() && json.contains("at") && json["at"].is_number_integer() &&
                        json.contains("account") && json["account"].is_string() &&
                        json.contains("text") && json["text"].is_string();
    if (shaped) {
        const std::int64_t age =
            static_cast<std::int64_t>(std::time(nullptr)) - json["at"].get<std::int64_t>();
        if (json["account"].get<std::string>() == state_.account->id && age >= 0 &&
            age < kPointsNoticeSeconds)
            state_.task.notice = json["text"].get<std::string>();
    }
    store_.remove(kPointsNoticeKey); // once
}

void App::refresh_my_stats(double now, std::string announce_after, std::string done_task) {
    if (!state_.account) return;
    const std::string user = state_.account->id;
    std::optional<protocol::UserScore> before;
    if (state_.rewards.stats) before = state_.rewards.stats->total;
    api_.user_stats(user, [this, now, user, before, announce_after,
                           done_task](ApiResult<protocol::UserStats> result) {
        if (!state_.account || state_.account->id != user) return;
        auto* stats = std::get_if<protocol::UserStats>(&result);
        // The host page hears of every task done; of its points only when the score before it
        // was known (else null).
        nlohmann::json points = nullptr;
        if (stats && before) points = stats->total.leader_score - before->leader_score;
        if (!done_task.empty())
            tell_host("task_done",
                      {{"task_type", done_task},
                       {"points", points},
                       {"score", stats ? nlohmann::json(stats->total.leader_score) : nullptr},
                       {"tasks_done", state_.task.completed}});
        if (!stats) {
            const auto& error = std::get<ClientError>(result);
            if (error.kind == ClientError::Kind::Network) network_trouble(error, now);
            return;
        }
        const protocol::UserScore& total = stats->total;
        if (!announce_after.empty() && before) {
            const long long earned = total.leader_score - before->leader_score;
            state_.rewards.last_earned = earned;
            auto& notice = state_.task.notice;
            if (earned > 0 && notice == announce_after) {
                // The notice of the submission ("Labels saved. Thank you!") with what it earned
                // after it.
                if (total.level > before->level)
                    notice =
                        tr("rewards_messages.earned_and_level",
                           {{"notice", notice},
                            {"earned", points_text(earned)},
                            {"total", points_text(total.leader_score)},
                            {"level", i18n::active().number(static_cast<double>(total.level))}});
                else
                    notice =
                        tr("rewards_messages.earned", {{"notice", notice},
                                                       {"earned", points_text(earned)},
                                                       {"total", points_text(total.leader_score)}});
                keep_points_notice(notice);
            }
        }
        state_.rewards.stats = *stats;
    });
}

// ---- Leaderboard -------------------------------------------------------------------------

void App::load_leaderboard(double now) {
    auto& board = state_.leaderboard;
    board.loading = true;
    const unsigned generation = ++screen_generation_;
    auto done = [this, now, generation](ApiResult<protocol::Leaderboard> result) {
        if (generation != screen_generation_) return;
        auto& b = state_.leaderboard;
        b.loading = false;
        if (auto* page = std::get_if<protocol::Leaderboard>(&result)) {
            b.page = std::move(*page);
            b.problem.clear();
            return;
        }
        rewards_error(std::get<ClientError>(result), b.problem, now);
    };
    if (board.around_me && state_.account)
        api_.user_window(state_.account->id, board.frame, kLeaderboardWindow, std::move(done));
    else
        api_.leaderboard(board.frame, board.offset, kLeaderboardPageSize, std::move(done));
}

void App::set_leaderboard_frame(protocol::TimeFrame frame, double now) {
    auto& board = state_.leaderboard;
    if (board.frame == frame && board.page && !board.loading) return;
    board.frame = frame;
    board.offset = 0;
    // "My position" stays on when switching frames: the person keeps seeing themselves.
    load_leaderboard(now);
}

void App::leaderboard_page(int direction, double now) {
    auto& board = state_.leaderboard;
    if (board.around_me) {
        // From "my position" back to the pages, at the page that holds the person's rank.
        board.around_me = false;
        long long rank = 1;
        if (board.page)
            for (const auto& row : board.page->rows)
                if (row.highlighted && row.rank) rank = *row.rank;
        board.offset = (rank - 1) / kLeaderboardPageSize * kLeaderboardPageSize;
        if (direction == 0) {
            load_leaderboard(now);
            return;
        }
    }
    const long long next = board.offset + direction * kLeaderboardPageSize;
    if (next < 0) return;
    if (direction > 0 && board.page && board.page->total_count > 0 &&
        next >= board.page->total_count)
        return;
    board.offset = next;
    load_leaderboard(now);
}

void App::show_my_position(double now) {
    state_.leaderboard.around_me = true;
    load_leaderboard(now);
}

// ---- Profile -----------------------------------------------------------------------------

void App::load_profile(double now) {
    if (!state_.account) return;
    auto& profile = state_.profile;
    profile.problem.clear();
    const unsigned generation = screen_generation_;
    const std::string user = state_.account->id;
    refresh_my_stats(now);
    api_.ledger(user, "", kLedgerPageSize,
                [this, now, generation](ApiResult<protocol::LedgerPage> result) {
                    if (generation != screen_generation_) return;
                    auto& p = state_.profile;
                    if (auto* page = std::get_if<protocol::LedgerPage>(&result)) {
                        p.ledger = std::move(page->items);
                        p.ledger_next = std::move(page->next);
                        p.loaded = true;
                        return;
                    }
                    rewards_error(std::get<ClientError>(result), p.problem, now);
                });
    api_.activity(user, kActivityDays,
                  [this, generation](ApiResult<std::vector<protocol::ActivityDay>> result) {
                      if (generation != screen_generation_) return;
                      if (auto* days = std::get_if<std::vector<protocol::ActivityDay>>(&result))
                          state_.profile.activity = std::move(*days);
                  });
}

void App::load_more_ledger(double now) {
    auto& profile = state_.profile;
    if (!state_.account || !profile.ledger_next || profile.loading_more) return;
    profile.loading_more = true;
    const unsigned generation = screen_generation_;
    api_.ledger(state_.account->id, *profile.ledger_next, kLedgerPageSize,
                [this, now, generation](ApiResult<protocol::LedgerPage> result) {
                    if (generation != screen_generation_) return;
                    auto& p = state_.profile;
                    p.loading_more = false;
                    if (auto* page = std::get_if<protocol::LedgerPage>(&result)) {
                        p.ledger.insert(p.ledger.end(), page->items.begin(), page->items.end());
                        p.ledger_next = std::move(page->next);
                        return;
                    }
                    rewards_error(std::get<ClientError>(result), p.problem, now);
                });
}

// ---- Contributions and prizes ------------------------------------------------------------

void App::load_contributions(double now) {
    if (!state_.account) return;
    const unsigned generation = screen_generation_;
    api_.contributions(state_.account->id, "", kContributionsPageSize,
                       [this, now, generation](ApiResult<protocol::ContributionPage> result) {
                           if (generation != screen_generation_) return;
                           auto& c = state_.contributions;
                           if (auto* page = std::get_if<protocol::ContributionPage>(&result)) {
                               c.items = std::move(page->items);
                               c.next = std::move(page->next);
                               c.loaded = true;
                               c.problem.clear();
                               return;
                           }
                           rewards_error(std::get<ClientError>(result), c.problem, now);
                       });
}

void App::load_more_contributions(double now) {
    auto& contributions = state_.contributions;
    if (!state_.account || !contributions.next || contributions.loading_more) return;
    contributions.loading_more = true;
    const unsigned generation = screen_generation_;
    api_.contributions(state_.account->id, *contributions.next, kContributionsPageSize,
                       [this, now, generation](ApiResult<protocol::ContributionPage> result) {
                           if (generation != screen_generation_) return;
                           auto& c = state_.contributions;
                           c.loading_more = false;
                           if (auto* page = std::get_if<protocol::ContributionPage>(&result)) {
                               c.items.insert(c.items.end(), page->items.begin(),
                                              page->items.end());
                               c.next = std::move(page->next);
                               return;
                           }
                           rewards_error(std::get<ClientError>(result), c.problem, now);
                       });
}

void App::load_prizes(double now) {
    const unsigned generation = screen_generation_;
    api_.prizes([this, now, generation](ApiResult<protocol::Prizes> result) {
        if (generation != screen_generation_) return;
        if (auto* prizes = std::get_if<protocol::Prizes>(&result)) {
            state_.prizes.prizes = std::move(*prizes);
            state_.prizes.problem.clear();
            return;
        }
        rewards_error(std::get<ClientError>(result), state_.prizes.problem, now);
    });
}

} // namespace orchard::client

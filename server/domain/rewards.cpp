#include "server/domain/rewards.h"

#include "protocol/text.h"
#include "server/domain/text_limits.h"
#include "server/store/read_connections.h"

#include <algorithm>

namespace orchard::domain {

namespace {

// Levels worth a line in the news: every fifth.
constexpr int kLevelNewsEvery = 5;
// Every this many messages is a milestone in the news.
constexpr std::int64_t kMilestoneEvery = 1000;
// A new leader of the day is news at most this often.
constexpr std::int64_t kDayLeaderNewsEveryMs = 3600 * 1000;
// Rows let go per statement while a rolling frame catches up.
constexpr int kExpiryBatch = 500;

// The start of a message, for a line of news.
std::string preview(const std::string& text) {
    return protocol::shorten(text, 120);
}

} // namespace

Rewards::Rewards(store::StatementCache& statements, const TreeManagerConfig& config,
                 std::int64_t now_ms, bool read_only)
    : ledger_(statements), news_(statements), prizes_(statements), trees_(statements),
      config_(config), now_ms_(now_ms), read_only_(read_only) {}

void Rewards::message_written(const store::MessageRecord& message) {
    const PointKind kind = !message.parent_id            ? PointKind::Prompt
                           : message.role == "assistant" ? PointKind::ReplyAssistant
                                                         : PointKind::ReplyPrompter;
    record(message.user_id, kind, message.id);
    const std::int64_t number = trees_.message_number(message.id);
    if (number > 0 && number % kMilestoneEvery == 0)
        add_news("milestone", message.user_id, message.id, {{"count", number}});
}

void Rewards::labels_done(const std::string& user_id, const std::string& message_id, bool full) {
    record(user_id, full ? PointKind::LabelFull : PointKind::LabelSimple, message_id);
}

void Rewards::ranking_done(const std::string& user_id, const std::string& parent_id,
                           const std::vector<std::string>& ranked) {
    record(user_id, PointKind::Ranking, parent_id);
    constexpr std::array kPlaces{PointKind::ReplyRanked1, PointKind::ReplyRanked2,
                                 PointKind::ReplyRanked3};
    for (size_t place = 0; place < kPlaces.size() && place < ranked.size(); ++place) {
        const auto reply = trees_.find_message(ranked[place]);
        // Ranking one's own reply high earns its author nothing.
        if (reply && reply->user_id != user_id) record(reply->user_id, kPlaces[place], reply->id);
    }
}

void Rewards::message_accepted(const store::MessageRecord& message) {
    const bool prompt = !message.parent_id;
    const PointKind kind = prompt                        ? PointKind::AcceptedPrompt
                           : message.role == "assistant" ? PointKind::AcceptedReplyAssistant
                                                         : PointKind::AcceptedReplyPrompter;
    record(message.user_id, kind, message.id);
    if (prompt)
        add_news("prompt_accepted", message.user_id, message.id,
                 {{"preview", preview(message.text)}, {"lang", message.lang}});
}

void Rewards::rankings_scored(const std::string& parent_id,
                              const std::vector<store::RankingRow>& rankings,
                              const std::vector<std::string>& consensus) {
    for (const auto& ranking : rankings)
        if (ranking_agrees(ranking.ranking, consensus))
            record(ranking.user_id, PointKind::RankingGood, parent_id);
}

void Rewards::tree_ready(const std::string& tree_id) {
    const auto root = trees_.find_message(tree_id);
    if (!root) return;
    add_news("tree_ready", std::nullopt, root->id,
             {{"preview", preview(root->text)},
              {"lang", root->lang},
              {"messages", trees_.tree_messages(tree_id).size()}});
}

void Rewards::record(const std::string& user_id, PointKind kind,
                     const std::optional<std::string>& message_id) {
    bring_up_to_date();
    ledger_.insert(user_id, kind, weight(config_, kind), message_id, now_ms_);
    for (const auto frame : kTimeFrames) {
        PointCounts counts = ledger_.frame_counts(frame, user_id).value_or(PointCounts{});
        const std::int64_t before = score_of(counts, config_);
        counts[static_cast<size_t>(kind)] += 1;
        const std::int64_t after = score_of(counts, config_);
        ledger_.save_frame_counts(frame, user_id, counts, after);
        if (frame != TimeFrame::Total) continue;
        // The highest level worth announcing that this event crossed, if any.
        const int old_level = level_of(before);
        const int new_level = level_of(after);
        const int announced = new_level - new_level % kLevelNewsEvery;
        if (announced > old_level && announced > 0)
            add_news("level_reached", user_id, std::nullopt, {{"level", announced}});
    }
    ledger_.save_streak(user_id, streak_after_event(ledger_.streak(user_id), now_ms_));
    ledger_.touch_boards();
    check_day_leader();
}

Rewards::PointsTakenBack Rewards::take_back_points(const std::string& user_id,
                                                   const std::set<std::string>& message_ids,
                                                   bool apply) {
    // Rolling frames first let go of what is due, so that a row is in a frame's counts exactly
    // when it is after the frame's cursor.
    bring_up_to_date();
    PointsTakenBack taken;
    std::map<TimeFrame, PointCounts> counts;
    std::map<TimeFrame, store::LedgerCursor> cursors;
    for (const auto frame : kTimeFrames) {
        counts[frame] = ledger_.frame_counts(frame, user_id).value_or(PointCounts{});
        if (frame != TimeFrame::Total) cursors[frame] = ledger_.frame_cursor(frame);
    }
    for (const auto frame : kTimeFrames)
        taken.scores[frame] = {score_of(counts[frame], config_), 0};
    std::vector<std::int64_t> removed;
    for (const auto& row : ledger_.user_message_rows(user_id)) {
        if (!row.message_id || !message_ids.contains(*row.message_id)) continue;
        removed.push_back(row.id);
        ++taken.events[std::string(kind_name(row.kind))];
        for (const auto frame : kTimeFrames) {
            if (frame != TimeFrame::Total) {
                const auto& cursor = cursors[frame];
                if (std::pair(row.created_ms, row.id) <= std::pair(cursor.created_ms, cursor.id))
                    continue; // already out of this frame
            }
            auto& count = counts[frame][static_cast<size_t>(row.kind)];
            count = std::max<std::int64_t>(0, count - 1);
        }
    }
    for (const auto frame : kTimeFrames)
        taken.scores[frame].second = score_of(counts[frame], config_);
    if (apply && !removed.empty()) {
        for (const auto id : removed)
            ledger_.remove_row(id);
        for (const auto frame : kTimeFrames)
            ledger_.save_frame_counts(frame, user_id, counts[frame], taken.scores[frame].second);
        ledger_.touch_boards();
    }
    return taken;
}

void Rewards::bring_up_to_date() {
    if (up_to_date_) return;
    if (read_only_) {
        if (anything_due()) throw store::WriteNeeded();
        up_to_date_ = true;
        return;
    }
    up_to_date_ = true;
    bool day_changed = false;
    for (const auto frame : kTimeFrames)
        if (frame_span_ms(frame) && expire(frame) && frame == TimeFrame::Day) day_changed = true;
    if (day_changed) check_day_leader();
    award_due_prizes();
}

bool Rewards::anything_due() {
    for (const auto frame : kTimeFrames) {
        const auto span = frame_span_ms(frame);
        if (span && !ledger_.rows_between(ledger_.frame_cursor(frame), now_ms_ - *span, 1).empty())
            return true;
    }
    return !prizes_.due(now_ms_).empty();
}

bool Rewards::expire(TimeFrame frame) {
    const std::int64_t limit = now_ms_ - *frame_span_ms(frame);
    store::LedgerCursor cursor = ledger_.frame_cursor(frame);
    bool any = false;
    for (;;) {
        const auto rows = ledger_.rows_between(cursor, limit, kExpiryBatch);
        for (const auto& row : rows) {
            if (auto counts = ledger_.frame_counts(frame, row.user_id)) {
                auto& count = (*counts)[static_cast<size_t>(row.kind)];
                count = std::max<std::int64_t>(0, count - 1);
                ledger_.save_frame_counts(frame, row.user_id, *counts, score_of(*counts, config_));
            }
            cursor = {row.created_ms, row.id};
            any = true;
        }
        if (rows.size() < static_cast<size_t>(kExpiryBatch)) break;
    }
    if (any) {
        ledger_.set_frame_cursor(frame, cursor);
        ledger_.touch_boards();
    }
    return any;
}

void Rewards::check_day_leader() {
    const auto top = ledger_.leader(TimeFrame::Day);
    const std::string leader = !top || top->second <= 0 ? "" : top->first;
    if (leader == ledger_.state("day_leader").value_or("")) return;
    ledger_.set_state("day_leader", leader);
    // The lead can change hands many times in a busy hour; the feed says so at most hourly.
    const auto last_news = ledger_.state("day_leader_news_ms");
    if (leader.empty() || (last_news && now_ms_ - std::stoll(*last_news) < kDayLeaderNewsEveryMs))
        return;
    ledger_.set_state("day_leader_news_ms", std::to_string(now_ms_));
    add_news("day_leader", leader, std::nullopt, {{"score", top->second}});
}

std::vector<std::pair<std::string, std::int64_t>> Rewards::scores_between(std::int64_t after_ms,
                                                                          std::int64_t until_ms) {
    std::vector<std::pair<std::string, std::int64_t>> scores;
    for (const auto& [user_id, counts] : ledger_.counts_between(after_ms, until_ms)) {
        const std::int64_t score = score_of(counts, config_);
        if (score > 0 && ledger_.user_shown(user_id)) scores.emplace_back(user_id, score);
    }
    std::sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return scores;
}

void Rewards::award_due_prizes() {
    for (const auto& prize : prizes_.due(now_ms_)) {
        // Events from the start (inclusive) to the end (exclusive).
        auto scores = scores_between(prize.starts_ms - 1, prize.ends_ms - 1);
        if (scores.size() > static_cast<size_t>(prize.winners_count))
            scores.resize(static_cast<size_t>(prize.winners_count));
        nlohmann::json winners = nlohmann::json::array();
        for (size_t i = 0; i < scores.size(); ++i) {
            prizes_.insert_winner(prize.id, static_cast<int>(i + 1), scores[i].first,
                                  scores[i].second);
            winners.push_back({{"user_id", scores[i].first}, {"score", scores[i].second}});
        }
        prizes_.set_awarded(prize.id, now_ms_);
        add_news("prize_awarded", scores.empty() ? std::nullopt : std::optional(scores[0].first),
                 std::nullopt,
                 {{"prize_id", prize.id}, {"title", prize.title}, {"winners", winners}});
    }
}

void Rewards::recompute_scores() {
    for (const auto frame : kTimeFrames)
        for (const auto& [user_id, counts] : ledger_.all_frame_counts(frame))
            ledger_.save_frame_counts(frame, user_id, counts, score_of(counts, config_));
    ledger_.touch_boards();
}

void Rewards::add_news(const std::string& kind, const std::optional<std::string>& user_id,
                       const std::optional<std::string>& message_id, const nlohmann::json& data) {
    // Stored texts (a preview, a prize's title) are quoted here: bytes that are not UTF-8 in one
    // of them are replaced rather than let the event that made the news fail.
    news_.insert(kind, user_id, message_id,
                 data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), now_ms_);
}

} // namespace orchard::domain

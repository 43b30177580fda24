#include "server/domain/contributions.h"

#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/time_cursor.h"
#include "server/store/activity_store.h"
#include "server/store/ledger_store.h"

#include <algorithm>
#include <charconv>

namespace orchard::domain {

namespace {

const std::vector<std::string>& flag_labels() {
    static const std::vector<std::string> kFlags = {
        "lang_mismatch", "not_appropriate", "pii",
        "hate_speech",   "sexual_content",  "political_content"};
    return kFlags;
}

} // namespace

nlohmann::json contributions(store::StatementCache& statements, const std::string& user_id,
                             const std::string& before, int max_count) {
    max_count = std::clamp(max_count, 1, 100);
    const auto rows = store::ActivityStore(statements)
                          .contributions(user_id, parse_time_cursor(before), max_count + 1);
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(max_count); ++i) {
        const auto& r = rows[i];
        auto emojis = nlohmann::json::parse(r.emojis_json, nullptr, false);
        items.push_back(
            {{"message_id", r.message_id},
             {"message_tree_id", r.tree_id},
             {"parent_id", r.parent_id ? nlohmann::json(*r.parent_id) : nlohmann::json(nullptr)},
             {"role", r.role},
             {"text", r.text},
             {"created_date", iso8601(r.created_ms)},
             {"review_count", r.review_count},
             {"review_result", !r.review_result   ? "pending"
                               : *r.review_result ? "accepted"
                                                  : "rejected"},
             {"rank", r.rank ? nlohmann::json(*r.rank) : nlohmann::json(nullptr)},
             {"ranking_count", r.ranking_count},
             {"replies", r.replies},
             {"replies_by_others", r.replies_by_others},
             {"tree_state", r.tree_state},
             {"emojis", emojis.is_object() ? emojis : nlohmann::json::object()},
             {"deleted", r.deleted}});
    }
    nlohmann::json next = nullptr;
    if (rows.size() > static_cast<size_t>(max_count)) {
        const auto& last = rows[static_cast<size_t>(max_count) - 1];
        next = format_time_cursor(last.created_ms, last.seq);
    }
    return {{"items", items}, {"next", next}};
}

nlohmann::json system_stats(store::StatementCache& statements) {
    const auto counts = store::ActivityStore(statements).system_counts();
    nlohmann::json by_lang = nlohmann::json::object();
    std::int64_t active = 0;
    for (const auto& [lang, n] : counts.active_by_lang) {
        by_lang[lang] = n;
        active += n;
    }
    return {{"all", counts.all},
            {"active", active},
            {"active_by_lang", by_lang},
            {"deleted", counts.deleted},
            {"message_trees", counts.message_trees}};
}

namespace {

std::int64_t troll_score(const store::TrollCounts& c) {
    std::int64_t score = 3 * c.red_flags - c.upvotes + c.downvotes + c.spam_prompts;
    for (const auto& [name, count] : c.flags)
        score += count;
    return score;
}

// Everyone's counts in the frame, the highest troll score first.
std::vector<store::TrollCounts> ranked_troll_counts(store::StatementCache& statements,
                                                    TimeFrame frame, std::int64_t now_ms) {
    const auto span = frame_span_ms(frame);
    const std::int64_t since = span ? now_ms - *span : -1;
    auto counts = store::ActivityStore(statements).troll_counts(since, flag_labels());
    std::sort(counts.begin(), counts.end(), [&](const auto& a, const auto& b) {
        const auto sa = troll_score(a);
        const auto sb = troll_score(b);
        return sa != sb ? sa > sb : a.user_id < b.user_id;
    });
    return counts;
}

nlohmann::json troll_row(store::LedgerStore& users, const store::TrollCounts& c, std::size_t rank) {
    const auto who = users.user_identity(c.user_id);
    nlohmann::json row = {{"rank", rank},
                          {"user_id", c.user_id},
                          {"username", who ? who->username : ""},
                          {"display_name", who ? who->display_name : ""},
                          {"troll_score", troll_score(c)},
                          {"red_flags", c.red_flags},
                          {"upvotes", c.upvotes},
                          {"downvotes", c.downvotes},
                          {"spam_prompts", c.spam_prompts}};
    for (const auto& name : flag_labels())
        row[name] = c.flags.contains(name) ? c.flags.at(name) : 0;
    return row;
}

} // namespace

nlohmann::json trollboard(store::StatementCache& statements, TimeFrame frame, int max_count,
                          std::int64_t now_ms) {
    const auto counts = ranked_troll_counts(statements, frame, now_ms);
    store::LedgerStore users(statements);
    nlohmann::json board = nlohmann::json::array();
    for (const auto& c : counts) {
        if (board.size() >= static_cast<size_t>(std::clamp(max_count, 1, 1000))) break;
        board.push_back(troll_row(users, c, board.size() + 1));
    }
    return {{"time_frame", frame_name(frame)},
            {"last_updated", iso8601(now_ms)},
            {"trollboard", board}};
}

nlohmann::json troll_line(store::StatementCache& statements, const std::string& user_id,
                          std::int64_t now_ms) {
    const auto counts = ranked_troll_counts(statements, TimeFrame::Total, now_ms);
    store::LedgerStore users(statements);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i].user_id == user_id) return troll_row(users, counts[i], i + 1);
    return nullptr;
}

} // namespace orchard::domain

#include "server/store/moderation_store.h"

#include "server/store/account_store.h"
#include "server/store/dialect.h"
#include "server/store/records.h"
#include "server/store/statement.h"

#include <algorithm>
#include <array>

#include <cstdint>

namespace orchard::store {

namespace {

// The live red flags are counted and weighed from the reactions, so that a flag taken back
// no longer counts.
constexpr const char* kFlagSelect =
    "SELECT f.rowid, f.message_id, f.flagged_ms, coalesce(f.last_flag_ms, f.flagged_ms), "
    "(SELECT count(*) FROM message_reactions r WHERE r.message_id = f.message_id AND r.emoji = "
    "'red_flag'), (SELECT coalesce(sum(r.weight), 0) FROM message_reactions r WHERE r.message_id = "
    "f.message_id AND r.emoji = 'red_flag'), f.hidden_ms, f.processed, f.decision, f.decided_ms, "
    "f.decided_by, (SELECT count(*) FROM text_labels t WHERE t.message_id = f.message_id AND "
    "t.is_report = 1), "
    "LABEL_COUNTS FROM flagged_messages f ";

// The columns of kFlagSelect's flag label counts, in order.
constexpr std::array<const char*, 5> kCountedLabels = {"spam", "not_appropriate", "pii",
                                                       "hate_speech", "sexual_content"};

// kFlagSelect with a count of each of kCountedLabels, in the store's own SQL.
std::string flag_select(const StatementCache& statements) {
    std::string counts;
    for (const char* label : kCountedLabels)
        counts += std::string(counts.empty() ? "" : ", ") +
                  "(SELECT count(*) FROM text_labels t WHERE t.message_id = f.message_id AND " +
                  dialect::json_number(statements, "t.labels", "'" + std::string(label) + "'") +
                  " >= 0.5)";
    std::string sql = kFlagSelect;
    sql.replace(sql.find("LABEL_COUNTS"), 12, counts + " ");
    return sql;
}
constexpr int kFirstLabelColumn = 12;

FlagRecord read_flag(const Statement& row) {
    FlagRecord flag;
    flag.row = row.column_int(0);
    flag.message_id = row.column_text(1);
    flag.flagged_ms = row.column_int(2);
    flag.last_flag_ms = row.column_int(3);
    flag.flag_count = static_cast<int>(row.column_int(4));
    flag.weight_quarters = static_cast<int>(row.column_int(5));
    flag.hidden_ms = row.column_optional_int(6);
    flag.handled = row.column_int(7) != 0;
    flag.decision = row.column_optional_text(8);
    flag.decided_ms = row.column_optional_int(9);
    flag.decided_by = row.column_optional_text(10);
    flag.reports = static_cast<int>(row.column_int(11));
    for (std::size_t i = 0; i < kCountedLabels.size(); ++i)
        flag.labels[kCountedLabels[i]] =
            static_cast<int>(row.column_int(kFirstLabelColumn + static_cast<int>(i)));
    return flag;
}

// The message and its descendants, by the parent links (trees are a few levels deep).
constexpr const char* kSubtree = "WITH RECURSIVE subtree(id) AS (SELECT ?1 UNION ALL SELECT m.id "
                                 "FROM messages m JOIN subtree ON m.parent_id = subtree.id) ";

} // namespace

FlaggerStanding ModerationStore::standing(const std::string& user_id) {
    FlaggerStanding standing;
    const auto account = AccountStore(statements_).find_by_user(user_id);
    standing.guest = account && account->is_guest();
    Statement s(statements_, "SELECT EXISTS (SELECT 1 FROM messages WHERE user_id = ? AND "
                             "review_result = 1 AND deleted = 0)");
    s.bind_all(user_id);
    s.step();
    standing.has_accepted_work = s.column_int(0) != 0;
    return standing;
}

void ModerationStore::set_flag_weight(const std::string& message_id, const std::string& user_id,
                                      int weight_quarters) {
    Statement(statements_, "UPDATE message_reactions SET weight = ? WHERE message_id = ? AND "
                           "user_id = ? AND emoji = 'red_flag'")
        .bind_all(weight_quarters, message_id, user_id)
        .run();
}

void ModerationStore::flag(const std::string& message_id, std::int64_t now_ms) {
    Statement(statements_,
              "INSERT INTO flagged_messages (message_id, flagged_ms, last_flag_ms) VALUES (?1, "
              "?2, ?2) ON CONFLICT (message_id) DO UPDATE SET last_flag_ms = ?2, processed = 0")
        .bind_all(message_id, now_ms)
        .run();
}

std::optional<FlagRecord> ModerationStore::find(const std::string& message_id) {
    return first_row(statements_, flag_select(statements_) + "WHERE f.message_id = ?", read_flag,
                     message_id);
}

std::vector<FlagRecord>
ModerationStore::queue(FlagQueue which, int limit,
                       std::optional<std::pair<std::int64_t, std::int64_t>> before) {
    const std::string where =
        which == FlagQueue::Open ? "WHERE f.processed = 0 AND (f.last_flag_ms, f.rowid) < (?1, ?2) "
                                 : "WHERE (f.last_flag_ms, f.rowid) < (?1, ?2) ";
    Statement s(statements_, flag_select(statements_) + where +
                                 "ORDER BY f.last_flag_ms DESC, f.rowid DESC LIMIT ?3");
    const auto from = before.value_or(std::pair{INT64_MAX, INT64_MAX});
    s.bind_all(from.first, from.second, limit);
    std::vector<FlagRecord> flags;
    while (s.step())
        flags.push_back(read_flag(s));
    return flags;
}

std::vector<FlagRecord> ModerationStore::most_flagged(FlagQueue which, int limit) {
    // Ordered here, not in SQL: the open queue is short, and a closed item's counts still
    // count. The newest kMostFlaggedScan items are the ones ordered.
    constexpr int kMostFlaggedScan = 2000;
    Statement s(statements_, flag_select(statements_) +
                                 (which == FlagQueue::Open ? "WHERE f.processed = 0 " : "") +
                                 "ORDER BY f.last_flag_ms DESC, f.rowid DESC LIMIT ?");
    s.bind_all(kMostFlaggedScan);
    std::vector<FlagRecord> flags;
    while (s.step())
        flags.push_back(read_flag(s));
    std::stable_sort(flags.begin(), flags.end(), [](const FlagRecord& a, const FlagRecord& b) {
        return a.signals() > b.signals();
    });
    if (flags.size() > static_cast<std::size_t>(limit))
        flags.resize(static_cast<std::size_t>(limit));
    return flags;
}

std::vector<ReportRecord> ModerationStore::reports(const std::string& message_id, int limit) {
    Statement s(statements_, "SELECT coalesce(text, ''), user_id, created_ms FROM text_labels "
                             "WHERE message_id = ? AND is_report = 1 ORDER BY created_ms DESC "
                             "LIMIT ?");
    s.bind_all(message_id, limit);
    std::vector<ReportRecord> reports;
    while (s.step())
        reports.push_back({s.column_text(0), s.column_text(1), s.column_int(2)});
    return reports;
}

void ModerationStore::hide_subtree(const std::string& message_id, std::int64_t now_ms) {
    Statement(statements_, std::string(kSubtree) +
                               "UPDATE messages SET deleted = ?2 WHERE deleted = 0 AND id IN "
                               "(SELECT id FROM subtree)")
        .bind_all(message_id, kHiddenPendingReview)
        .run();
    Statement(statements_, "UPDATE flagged_messages SET hidden_ms = ? WHERE message_id = ?")
        .bind_all(now_ms, message_id)
        .run();
}

void ModerationStore::unhide_subtree(const std::string& message_id) {
    // Not below another message that auto-moderation hid and no moderator has decided on yet.
    Statement(statements_,
              "WITH RECURSIVE subtree(id) AS (SELECT ?1 UNION ALL SELECT m.id FROM messages m "
              "JOIN subtree ON m.parent_id = subtree.id WHERE m.id NOT IN (SELECT message_id FROM "
              "flagged_messages WHERE hidden_ms IS NOT NULL AND decision IS NULL)) UPDATE "
              "messages SET deleted = 0 WHERE deleted = ?2 AND id IN (SELECT id FROM subtree)")
        .bind_all(message_id, kHiddenPendingReview)
        .run();
}

void ModerationStore::delete_hidden_subtree(const std::string& message_id) {
    Statement(statements_, std::string(kSubtree) +
                               "UPDATE messages SET deleted = ?2 WHERE deleted = ?3 AND id IN "
                               "(SELECT id FROM subtree)")
        .bind_all(message_id, kDeletedByModerator, kHiddenPendingReview)
        .run();
}

void ModerationStore::decide(const std::string& message_id, const std::string& decision,
                             const std::optional<std::string>& moderator_id, std::int64_t now_ms) {
    // A message a moderator deleted or restored without flags is not in the queue: nothing to do.
    Statement(statements_, "UPDATE flagged_messages SET processed = 1, decision = ?, decided_ms = "
                           "?, decided_by = ? WHERE message_id = ?")
        .bind_all(decision, now_ms, moderator_id, message_id)
        .run();
}

} // namespace orchard::store

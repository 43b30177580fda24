#include "server/store/ledger_store.h"

#include "server/store/statement.h"

#include <cstdio>
#include <random>

#include <nlohmann/json.hpp>

namespace orchard::store {

using protocol::TimeFrame;

namespace {

int frame_number(TimeFrame frame) {
    return static_cast<int>(frame);
}

std::string counts_json(const PointCounts& counts) {
    return nlohmann::json(counts).dump();
}

PointCounts parse_counts(const std::string& text) {
    PointCounts counts{};
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) return counts;
    for (size_t i = 0; i < counts.size() && i < json.size(); ++i)
        if (json[i].is_number_integer()) counts[i] = json[i].get<std::int64_t>();
    return counts;
}

LedgerRow read_row(const Statement& row) {
    LedgerRow r;
    r.id = row.column_int(0);
    r.user_id = row.column_text(1);
    r.kind = static_cast<PointKind>(row.column_int(2));
    r.points = row.column_double(3);
    r.message_id = row.column_optional_text(4);
    r.created_ms = row.column_int(5);
    return r;
}

std::vector<LedgerRow> read_rows(Statement& s) {
    std::vector<LedgerRow> rows;
    while (s.step())
        rows.push_back(read_row(s));
    return rows;
}

constexpr const char* kLedgerColumns = "id, user_id, kind, points, message_id, created_ms";

// Who a user is on a leaderboard: frontend users by their frontend's id (Open-Assistant's
// `username`); Orchard's own accounts by their display name only, never the name they sign in with
// (half of what a password guesser needs).
// What a board row shows of a person besides the frame's counts: name, how they sign in, their
// all-time counts (for the level) and their streak, read with the row (`u` is the users row, `a`
// the account) instead of two more statements per row. Read by read_identity, in this order.
const std::string kIdentityColumns =
    "u.display_name, u.auth_method, CASE WHEN u.auth_method = 'orchard' THEN '' "
    "ELSE u.external_id END, "
    "(SELECT counts FROM score_frames t WHERE t.frame = " +
    std::to_string(static_cast<int>(TimeFrame::Total)) +
    " AND t.user_id = u.id), "
    "(SELECT start_ms FROM streaks WHERE user_id = u.id), "
    "(SELECT last_activity_ms FROM streaks WHERE user_id = u.id)";

// Reads kIdentityColumns, starting at column `first`, into `row`.
void read_identity(const Statement& s, int first, BoardRow& row) {
    row.display_name = s.column_text(first);
    row.auth_method = s.column_text(first + 1);
    row.username = s.column_text(first + 2);
    if (!s.column_is_null(first + 3)) row.total_counts = parse_counts(s.column_text(first + 3));
    if (!s.column_is_null(first + 4))
        row.streak = Streak{s.column_int(first + 4), s.column_int(first + 5)};
}

constexpr const char* kShownExpression =
    "coalesce((SELECT CASE WHEN enabled <> 0 AND deleted = 0 AND show_on_leaderboard <> 0 AND "
    "hidden_by_moderator = 0 THEN 1 ELSE 0 END FROM users WHERE id = ?), 0)";

} // namespace

std::int64_t LedgerStore::insert(const std::string& user_id, PointKind kind, double points,
                                 const std::optional<std::string>& message_id,
                                 std::int64_t created_ms) {
    Statement insert(statements_,
                     "INSERT INTO ledger (user_id, kind, points, message_id, created_ms) "
                     "VALUES (?, ?, ?, ?, ?) RETURNING id");
    insert.bind_all(user_id, static_cast<int>(kind), points, message_id, created_ms).step();
    return insert.column_int(0);
}

std::vector<LedgerRow> LedgerStore::rows_between(LedgerCursor after, std::int64_t until_ms,
                                                 int limit) {
    Statement s(statements_, std::string("SELECT ") + kLedgerColumns +
                                 " FROM ledger WHERE (created_ms, id) > (?, ?) AND created_ms <= ? "
                                 "ORDER BY created_ms, id LIMIT ?");
    s.bind_all(after.created_ms, after.id, until_ms, limit);
    return read_rows(s);
}

std::map<std::string, PointCounts> LedgerStore::counts_between(std::int64_t after_ms,
                                                               std::int64_t until_ms) {
    Statement s(statements_, "SELECT user_id, kind, count(*) FROM ledger WHERE created_ms > ? "
                             "AND created_ms <= ? GROUP BY user_id, kind");
    s.bind_all(after_ms, until_ms);
    std::map<std::string, PointCounts> counts;
    while (s.step()) {
        const auto kind = s.column_int(1);
        if (kind < 0 || kind >= kPointKindCount) continue;
        auto [it, added] = counts.try_emplace(s.column_text(0), PointCounts{});
        it->second[static_cast<size_t>(kind)] = s.column_int(2);
    }
    return counts;
}

std::vector<LedgerRow> LedgerStore::user_rows(const std::string& user_id,
                                              const std::optional<LedgerCursor>& before,
                                              int limit) {
    Statement s(statements_, std::string("SELECT ") + kLedgerColumns +
                                 " FROM ledger WHERE user_id = ? AND (created_ms, id) < (?, ?) "
                                 "ORDER BY created_ms DESC, id DESC LIMIT ?");
    const LedgerCursor end = before.value_or(LedgerCursor{INT64_MAX, INT64_MAX});
    s.bind_all(user_id, end.created_ms, end.id, limit);
    return read_rows(s);
}

std::vector<LedgerRow> LedgerStore::user_rows_since(const std::string& user_id,
                                                    std::int64_t since_ms) {
    Statement s(statements_, std::string("SELECT ") + kLedgerColumns +
                                 " FROM ledger WHERE user_id = ? AND created_ms >= ? "
                                 "ORDER BY created_ms, id");
    s.bind_all(user_id, since_ms);
    return read_rows(s);
}

std::vector<LedgerRow> LedgerStore::user_message_rows(const std::string& user_id) {
    Statement s(statements_, std::string("SELECT ") + kLedgerColumns +
                                 " FROM ledger WHERE user_id = ? AND message_id IS NOT NULL "
                                 "ORDER BY created_ms, id");
    s.bind_all(user_id);
    return read_rows(s);
}

void LedgerStore::remove_row(std::int64_t id) {
    Statement(statements_, "DELETE FROM ledger WHERE id = ?").bind_all(id).run();
}

std::optional<PointCounts> LedgerStore::frame_counts(TimeFrame frame, const std::string& user_id) {
    return first_row(
        statements_, "SELECT counts FROM score_frames WHERE frame = ? AND user_id = ?",
        [](Statement& row) { return parse_counts(row.column_text(0)); }, frame_number(frame),
        user_id);
}

void LedgerStore::save_frame_counts(TimeFrame frame, const std::string& user_id,
                                    const PointCounts& counts, std::int64_t score) {
    bool any = false;
    for (const auto count : counts)
        any = any || count != 0;
    if (!any) {
        Statement(statements_, "DELETE FROM score_frames WHERE frame = ? AND user_id = ?")
            .bind_all(frame_number(frame), user_id)
            .run();
        return;
    }
    Statement(statements_,
              std::string("INSERT INTO score_frames (frame, user_id, counts, score, shown) VALUES "
                          "(?, ?, ?, ?, ") +
                  kShownExpression +
                  ") ON CONFLICT (frame, user_id) DO UPDATE SET counts = excluded.counts, "
                  "score = excluded.score")
        .bind_all(frame_number(frame), user_id, counts_json(counts), score, user_id)
        .run();
}

std::vector<std::pair<std::string, PointCounts>> LedgerStore::all_frame_counts(TimeFrame frame) {
    Statement s(statements_, "SELECT user_id, counts FROM score_frames WHERE frame = ?");
    s.bind_all(frame_number(frame));
    std::vector<std::pair<std::string, PointCounts>> rows;
    while (s.step())
        rows.emplace_back(s.column_text(0), parse_counts(s.column_text(1)));
    return rows;
}

LedgerCursor LedgerStore::frame_cursor(TimeFrame frame) {
    return first_row(
               statements_, "SELECT created_ms, ledger_id FROM frame_cursors WHERE frame = ?",
               [](Statement& row) {
                   return LedgerCursor{row.column_int(0), row.column_int(1)};
               },
               frame_number(frame))
        .value_or(LedgerCursor{});
}

void LedgerStore::set_frame_cursor(TimeFrame frame, LedgerCursor cursor) {
    Statement(statements_, "INSERT INTO frame_cursors (frame, created_ms, ledger_id) VALUES "
                           "(?, ?, ?) ON CONFLICT (frame) DO UPDATE SET created_ms = "
                           "excluded.created_ms, ledger_id = excluded.ledger_id")
        .bind_all(frame_number(frame), cursor.created_ms, cursor.id)
        .run();
}

namespace {

// The rows of a board's query: user id, counts, score, then the identity columns.
std::vector<BoardRow> board_rows(Statement& s) {
    std::vector<BoardRow> rows;
    while (s.step()) {
        BoardRow row;
        row.user_id = s.column_text(0);
        row.counts = parse_counts(s.column_text(1));
        row.score = s.column_int(2);
        read_identity(s, 3, row);
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

std::vector<BoardRow> LedgerStore::board(TimeFrame frame, int limit, std::int64_t offset) {
    Statement s(statements_, "SELECT f.user_id, f.counts, f.score, " + kIdentityColumns +
                                 " FROM score_frames f JOIN users u ON u.id = f.user_id "
                                 "WHERE f.frame = ? AND f.shown = 1 "
                                 "ORDER BY f.score DESC, f.user_id LIMIT ? OFFSET ?");
    s.bind_all(frame_number(frame), limit, offset);
    return board_rows(s);
}

std::vector<BoardRow> LedgerStore::event_board(const std::string& event, int limit) {
    Statement s(statements_, "SELECT f.user_id, f.counts, f.score, " + kIdentityColumns +
                                 " FROM event_members e JOIN score_frames f ON f.user_id = "
                                 "e.user_id AND f.frame = ? JOIN users u ON u.id = f.user_id "
                                 "WHERE e.event = ? AND f.shown = 1 "
                                 "ORDER BY f.score DESC, f.user_id LIMIT ?");
    s.bind_all(frame_number(TimeFrame::Total), event, limit);
    return board_rows(s);
}

void LedgerStore::add_event_member(const std::string& user_id, const std::string& event,
                                   std::int64_t now_ms) {
    Statement(statements_, "INSERT INTO event_members (user_id, event, joined_ms) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING")
        .bind_all(user_id, event, now_ms)
        .step();
}

std::optional<std::pair<std::string, std::int64_t>> LedgerStore::leader(TimeFrame frame) {
    return first_row(
        statements_,
        "SELECT user_id, score FROM score_frames WHERE frame = ? AND shown = 1 ORDER BY score "
        "DESC, user_id LIMIT 1",
        [](Statement& row) { return std::pair(row.column_text(0), row.column_int(1)); },
        frame_number(frame));
}

std::int64_t LedgerStore::count_shown(TimeFrame frame) {
    return first_row(
               statements_, "SELECT count(*) FROM score_frames WHERE frame = ? AND shown = 1",
               [](Statement& row) { return row.column_int(0); }, frame_number(frame))
        .value_or(0);
}

std::optional<std::int64_t> LedgerStore::rank_of(TimeFrame frame, const std::string& user_id) {
    const auto mine = first_row(
        statements_, "SELECT score, shown FROM score_frames WHERE frame = ? AND user_id = ?",
        [](Statement& row) { return std::pair(row.column_int(0), row.column_int(1) != 0); },
        frame_number(frame), user_id);
    if (!mine || !mine->second) return std::nullopt;
    const auto ahead = first_row(
        statements_,
        // Two index ranges: an OR would scan the whole frame.
        "SELECT (SELECT count(*) FROM score_frames WHERE frame = ?1 AND shown = 1 AND score > ?2) "
        "+ (SELECT count(*) FROM score_frames WHERE frame = ?1 AND shown = 1 AND score = ?2 AND "
        "user_id < ?3)",
        [](Statement& row) { return row.column_int(0); }, frame_number(frame), mine->first,
        user_id);
    return ahead.value_or(0) + 1;
}

std::optional<BoardRow> LedgerStore::user_identity(const std::string& user_id) {
    return first_row(
        statements_, "SELECT u.id, " + kIdentityColumns + " FROM users u WHERE u.id = ?",
        [](Statement& row) {
            BoardRow r;
            r.user_id = row.column_text(0);
            read_identity(row, 1, r);
            return r;
        },
        user_id);
}

bool LedgerStore::user_shown(const std::string& user_id) {
    return first_row(
               statements_, std::string("SELECT ") + kShownExpression,
               [](Statement& row) { return row.column_int(0) != 0; }, user_id)
        .value_or(false);
}

void LedgerStore::refresh_visibility(const std::string& user_id) {
    Statement(statements_, std::string("UPDATE score_frames SET shown = ") + kShownExpression +
                               " WHERE user_id = ?")
        .bind_all(user_id, user_id)
        .run();
    touch_boards();
}

std::optional<Streak> LedgerStore::streak(const std::string& user_id) {
    return first_row(
        statements_, "SELECT start_ms, last_activity_ms FROM streaks WHERE user_id = ?",
        [](Statement& row) {
            return Streak{row.column_int(0), row.column_int(1)};
        },
        user_id);
}

void LedgerStore::save_streak(const std::string& user_id, const Streak& streak) {
    Statement(statements_, "INSERT INTO streaks (user_id, start_ms, last_activity_ms) VALUES "
                           "(?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET start_ms = "
                           "excluded.start_ms, last_activity_ms = excluded.last_activity_ms")
        .bind_all(user_id, streak.start_ms, streak.last_activity_ms)
        .run();
}

void LedgerStore::touch_boards() {
    // A new random value: servers sharing the database tell by it that their answers are old.
    thread_local std::mt19937_64 random(std::random_device{}());
    char version[17];
    std::snprintf(version, sizeof version, "%016llx", static_cast<unsigned long long>(random()));
    Statement(statements_, "INSERT INTO rewards_state (key, value) VALUES ('board_version', ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(std::string(version))
        .run();
}

std::string LedgerStore::board_version() {
    return state("board_version").value_or("");
}

std::optional<std::int64_t> LedgerStore::next_expiry_ms(TimeFrame frame, std::int64_t span_ms) {
    const LedgerCursor cursor = frame_cursor(frame);
    return first_row(
        statements_,
        "SELECT created_ms FROM ledger WHERE (created_ms, id) > (?, ?) ORDER BY created_ms, id "
        "LIMIT 1",
        [&](Statement& row) { return row.column_int(0) + span_ms; }, cursor.created_ms, cursor.id);
}

std::optional<std::string> LedgerStore::state(const std::string& key) {
    return first_row(
        statements_, "SELECT value FROM rewards_state WHERE key = ?",
        [](Statement& row) { return row.column_text(0); }, key);
}

void LedgerStore::set_state(const std::string& key, const std::string& value) {
    Statement(statements_, "INSERT INTO rewards_state (key, value) VALUES (?, ?) ON CONFLICT "
                           "(key) DO UPDATE SET value = excluded.value")
        .bind_all(key, value)
        .run();
}

} // namespace orchard::store

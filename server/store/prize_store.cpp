#include "server/store/prize_store.h"

#include "server/store/statement.h"

namespace orchard::store {

namespace {

constexpr const char* kPrizeSelect =
    "SELECT id, title, description, time_frame, starts_ms, ends_ms, winners_count, awarded_ms, "
    "created_ms FROM prizes ";

PrizeRecord read_prize(const Statement& row) {
    PrizeRecord p;
    p.id = row.column_text(0);
    p.title = row.column_text(1);
    p.description = row.column_text(2);
    p.time_frame = row.column_text(3);
    p.starts_ms = row.column_int(4);
    p.ends_ms = row.column_int(5);
    p.winners_count = static_cast<int>(row.column_int(6));
    p.awarded_ms = row.column_optional_int(7);
    p.created_ms = row.column_int(8);
    return p;
}

std::vector<PrizeRecord> read_prizes(Statement& s) {
    std::vector<PrizeRecord> prizes;
    while (s.step())
        prizes.push_back(read_prize(s));
    return prizes;
}

} // namespace

void PrizeStore::insert(const PrizeRecord& p) {
    Statement(statements_, "INSERT INTO prizes (id, title, description, time_frame, starts_ms, "
                           "ends_ms, winners_count, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(p.id, p.title, p.description, p.time_frame, p.starts_ms, p.ends_ms,
                  p.winners_count, p.created_ms)
        .run();
}

void PrizeStore::update(const PrizeRecord& p) {
    Statement(statements_, "UPDATE prizes SET title = ?, description = ?, time_frame = ?, "
                           "starts_ms = ?, ends_ms = ?, winners_count = ? WHERE id = ?")
        .bind_all(p.title, p.description, p.time_frame, p.starts_ms, p.ends_ms, p.winners_count,
                  p.id)
        .run();
}

void PrizeStore::remove(const std::string& id) {
    Statement(statements_, "DELETE FROM prize_winners WHERE prize_id = ?").bind_all(id).run();
    Statement(statements_, "DELETE FROM prizes WHERE id = ?").bind_all(id).run();
}

std::optional<PrizeRecord> PrizeStore::find(const std::string& id) {
    return first_row(statements_, std::string(kPrizeSelect) + "WHERE id = ?", read_prize, id);
}

std::vector<PrizeRecord> PrizeStore::all() {
    Statement s(statements_, std::string(kPrizeSelect) + "ORDER BY ends_ms DESC, id");
    return read_prizes(s);
}

std::vector<PrizeRecord> PrizeStore::due(std::int64_t now_ms) {
    Statement s(statements_, std::string(kPrizeSelect) +
                                 "WHERE awarded_ms IS NULL AND ends_ms <= ? ORDER BY ends_ms, id");
    s.bind_all(now_ms);
    return read_prizes(s);
}

void PrizeStore::set_awarded(const std::string& id, std::int64_t now_ms) {
    Statement(statements_, "UPDATE prizes SET awarded_ms = ? WHERE id = ?")
        .bind_all(now_ms, id)
        .run();
}

void PrizeStore::insert_winner(const std::string& prize_id, int place, const std::string& user_id,
                               std::int64_t score) {
    Statement(statements_, "INSERT INTO prize_winners (prize_id, place, user_id, score) VALUES "
                           "(?, ?, ?, ?)")
        .bind_all(prize_id, place, user_id, score)
        .run();
}

std::vector<PrizeWinnerRow> PrizeStore::winners(const std::string& prize_id) {
    Statement s(statements_, "SELECT w.place, w.user_id, coalesce(u.display_name, ''), w.score "
                             "FROM prize_winners w LEFT JOIN users u ON u.id = w.user_id "
                             "WHERE w.prize_id = ? ORDER BY w.place");
    s.bind_all(prize_id);
    std::vector<PrizeWinnerRow> rows;
    while (s.step())
        rows.push_back({static_cast<int>(s.column_int(0)), s.column_text(1), s.column_text(2),
                        s.column_int(3)});
    return rows;
}

} // namespace orchard::store

#include "server/store/audit_store.h"

#include "server/store/dialect.h"
#include "server/store/statement.h"

namespace orchard::store {

namespace {

constexpr const char* kAuditSelect =
    "SELECT a.seq, a.created_ms, a.actor_user_id, a.actor_client_id, a.action, a.target_kind, "
    "a.target_id, a.before_json, a.after_json, a.prev_hash, a.hash, "
    "coalesce((SELECT display_name FROM users WHERE id = a.actor_user_id), '') "
    "FROM audit_log a ";

AuditRow read_row(const Statement& row) {
    AuditRow a;
    a.seq = row.column_int(0);
    a.created_ms = row.column_int(1);
    a.actor_user_id = row.column_optional_text(2);
    a.actor_client_id = row.column_optional_text(3);
    a.action = row.column_text(4);
    a.target_kind = row.column_text(5);
    a.target_id = row.column_text(6);
    a.before_json = row.column_text(7);
    a.after_json = row.column_text(8);
    a.prev_hash = row.column_text(9);
    a.hash = row.column_text(10);
    a.actor_name = row.column_text(11);
    return a;
}

} // namespace

std::optional<AuditRow> AuditStore::last() {
    return first_row(statements_, std::string(kAuditSelect) + "ORDER BY a.seq DESC LIMIT 1",
                     read_row);
}

std::int64_t AuditStore::next_seq() {
    return highest_seq_given() + 1;
}

std::int64_t AuditStore::highest_seq_given() {
    return first_row(
               statements_,
               // The highest number ever given, kept apart from the rows: a last row taken out is
               // still found missing.
               dialect::postgres(statements_)
                   ? "SELECT GREATEST((SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                     "audit_log_seq_seq), coalesce((SELECT max(seq) FROM audit_log), 0))"
                   : "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
                     "'audit_log'), 0), coalesce((SELECT max(seq) FROM audit_log), 0))",
               [](const Statement& row) { return row.column_int(0); })
        .value_or(0);
}

void AuditStore::insert(const AuditRow& a) {
    Statement(statements_,
              "INSERT INTO audit_log (seq, created_ms, actor_user_id, actor_client_id, action, "
              "target_kind, target_id, before_json, after_json, prev_hash, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(a.seq, a.created_ms, a.actor_user_id, a.actor_client_id, a.action, a.target_kind,
                  a.target_id, a.before_json, a.after_json, a.prev_hash, a.hash)
        .run();
    // SQLite's AUTOINCREMENT keeps the highest number given by itself; PostgreSQL's sequence
    // moves only when asked.
    if (dialect::postgres(statements_))
        Statement(statements_, "SELECT setval('audit_log_seq_seq', ?)").bind_all(a.seq).step();
}

std::vector<AuditRow> AuditStore::page(const AuditFilter& filter) {
    // Each filter adds a fixed condition; the values are bound, never written into the SQL.
    std::string sql = std::string(kAuditSelect) + "WHERE TRUE";
    if (filter.actor_user_id) sql += " AND a.actor_user_id = ?1";
    // "user.*" asks for every action of a kind; compared as text, so no character is a pattern.
    const bool action_kind = filter.action && filter.action->ends_with(".*");
    const auto action = action_kind ? filter.action->substr(0, filter.action->size() - 1)
                                    : filter.action.value_or("");
    if (filter.action)
        sql += action_kind ? " AND substr(a.action, 1, length(?2)) = ?2" : " AND a.action = ?2";
    if (filter.target_id) sql += " AND a.target_id = ?3";
    if (filter.after_seq) sql += " AND a.seq > ?4";
    if (filter.before_seq) sql += " AND a.seq < ?5";
    sql += filter.after_seq ? " ORDER BY a.seq LIMIT ?6" : " ORDER BY a.seq DESC LIMIT ?6";
    Statement s(statements_, sql);
    if (filter.actor_user_id) s.bind(1, *filter.actor_user_id);
    if (filter.action) s.bind(2, action);
    if (filter.target_id) s.bind(3, *filter.target_id);
    if (filter.after_seq) s.bind(4, *filter.after_seq);
    if (filter.before_seq) s.bind(5, *filter.before_seq);
    s.bind(6, filter.limit);
    std::vector<AuditRow> rows;
    while (s.step())
        rows.push_back(read_row(s));
    return rows;
}

void AuditStore::each(const std::function<void(const AuditRow&)>& visit) {
    Statement s(statements_, std::string(kAuditSelect) + "ORDER BY a.seq");
    while (s.step())
        visit(read_row(s));
}

} // namespace orchard::store

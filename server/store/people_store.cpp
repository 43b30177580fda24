#include "server/store/people_store.h"

#include "server/store/dialect.h"
#include "server/store/records.h"
#include "server/store/statement.h"

namespace orchard::store {

namespace {

constexpr const char* kPersonSelect =
    "SELECT u.id, u.display_name, u.auth_method, u.api_client_id, u.external_id, a.username, "
    "a.email, a.role, a.password_hash IS NOT NULL, u.enabled, u.deleted, u.show_on_leaderboard, "
    "u.hidden_by_moderator, u.disabled_reason, u.created_ms, "
    "(SELECT PROVIDERS FROM oauth_identities i WHERE i.user_id = u.id) "
    "FROM users u LEFT JOIN accounts a ON a.user_id = u.id ";

// The query above in the store's own SQL.
std::string person_select(const StatementCache& statements) {
    std::string sql = kPersonSelect;
    sql.replace(sql.find("PROVIDERS"), 9, dialect::joined(statements, "provider"));
    return sql;
}

PersonRecord read_person(const Statement& row) {
    PersonRecord p;
    p.id = row.column_text(0);
    p.display_name = row.column_text(1);
    p.auth_method = row.column_text(2);
    p.api_client_id = row.column_optional_text(3);
    p.external_id = row.column_text(4);
    p.username = row.column_optional_text(5);
    p.email = row.column_optional_text(6);
    p.role = row.column_optional_text(7);
    p.has_password = row.column_int(8) != 0;
    p.enabled = row.column_int(9) != 0;
    p.deleted = row.column_int(10) != 0;
    p.show_on_leaderboard = row.column_int(11) != 0;
    p.hidden_by_moderator = row.column_int(12) != 0;
    p.disabled_reason = row.column_optional_text(13);
    p.created_ms = row.column_int(14);
    const std::string providers = row.column_optional_text(15).value_or("");
    for (std::size_t start = 0; start < providers.size();) {
        const std::size_t end = std::min(providers.find(' ', start), providers.size());
        if (end > start) p.providers.push_back(providers.substr(start, end - start));
        start = end + 1;
    }
    return p;
}

// `text` as a LIKE pattern that matches it anywhere, its own % and _ taken literally.
std::string contains_pattern(const std::string& text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

std::int64_t count(StatementCache& statements, const char* sql, const std::string& user_id) {
    return first_row(
               statements, sql, [](const Statement& row) { return row.column_int(0); }, user_id)
        .value_or(0);
}

} // namespace

std::vector<PersonRecord>
PeopleStore::search(const std::optional<std::string>& text,
                    const std::optional<std::pair<std::int64_t, std::string>>& before, int limit) {
    std::string sql = person_select(statements_) + "WHERE TRUE";
    if (text) {
        const std::string like = std::string(" ") + dialect::like(statements_) + " ?1 ESCAPE '\\'";
        sql += " AND (u.display_name" + like + " OR a.username" + like + " OR a.email" + like +
               " OR u.id = ?2 OR u.external_id = ?2)";
    }
    if (before) sql += " AND (u.created_ms, u.id) < (?3, ?4)";
    sql += " ORDER BY u.created_ms DESC, u.id DESC LIMIT ?5";
    Statement s(statements_, sql);
    if (text) s.bind(1, contains_pattern(*text)).bind(2, *text);
    if (before) s.bind(3, before->first).bind(4, before->second);
    s.bind(5, limit);
    std::vector<PersonRecord> people;
    while (s.step())
        people.push_back(read_person(s));
    return people;
}

std::optional<PersonRecord> PeopleStore::find(const std::string& user_id) {
    return first_row(statements_, person_select(statements_) + "WHERE u.id = ?", read_person,
                     user_id);
}

PersonCounts PeopleStore::counts(const std::string& user_id) {
    PersonCounts c;
    c.messages = count(statements_, "SELECT count(*) FROM messages WHERE user_id = ?", user_id);
    c.deleted_messages = count(
        statements_, "SELECT count(*) FROM messages WHERE user_id = ? AND deleted <> 0", user_id);
    c.labels =
        count(statements_, "SELECT count(*) FROM text_labels WHERE user_id = ? AND is_report = 0",
              user_id);
    c.reports =
        count(statements_, "SELECT count(*) FROM text_labels WHERE user_id = ? AND is_report = 1",
              user_id);
    c.rankings = count(statements_, "SELECT count(*) FROM rankings WHERE user_id = ?", user_id);
    return c;
}

std::vector<PersonWork> PeopleStore::recent_labels(const std::string& user_id, int limit) {
    return recent_work("SELECT id, message_id, labels, is_report, created_ms FROM text_labels "
                       "WHERE user_id = ? ORDER BY created_ms DESC LIMIT ?",
                       user_id, limit);
}

std::vector<PersonWork> PeopleStore::recent_rankings(const std::string& user_id, int limit) {
    return recent_work("SELECT id, parent_message_id, ranking, 0, created_ms FROM rankings "
                       "WHERE user_id = ? ORDER BY created_ms DESC LIMIT ?",
                       user_id, limit);
}

std::vector<PersonWork> PeopleStore::recent_work(const char* sql, const std::string& user_id,
                                                 int limit) {
    Statement s(statements_, sql);
    s.bind_all(user_id, limit);
    std::vector<PersonWork> work;
    while (s.step())
        work.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_int(3) != 0,
                        s.column_int(4)});
    return work;
}

void PeopleStore::set_enabled(const std::string& user_id, bool enabled,
                              const std::optional<std::string>& reason) {
    Statement(statements_, "UPDATE users SET enabled = ?, disabled_reason = ? WHERE id = ?")
        .bind_all(enabled, enabled ? std::nullopt : reason, user_id)
        .run();
}

void PeopleStore::set_hidden_by_moderator(const std::string& user_id, bool hidden) {
    Statement(statements_, "UPDATE users SET hidden_by_moderator = ? WHERE id = ?")
        .bind_all(hidden, user_id)
        .run();
}

void PeopleStore::set_role(const std::string& user_id, const std::string& role) {
    Statement(statements_, "UPDATE accounts SET role = ? WHERE user_id = ?")
        .bind_all(role, user_id)
        .run();
}

NoteRecord PeopleStore::add_note(const std::string& user_id,
                                 const std::optional<std::string>& author_id,
                                 const std::string& text, std::int64_t now_ms) {
    Statement insert(statements_,
                     "INSERT INTO moderator_notes (user_id, author_id, text, created_ms) "
                     "VALUES (?, ?, ?, ?) RETURNING id");
    insert.bind_all(user_id, author_id, text, now_ms).step();
    NoteRecord note;
    note.id = insert.column_int(0);
    note.author_id = author_id;
    note.text = text;
    note.created_ms = now_ms;
    return note;
}

std::vector<NoteRecord> PeopleStore::notes(const std::string& user_id) {
    Statement s(statements_,
                "SELECT n.id, n.author_id, coalesce(u.display_name, ''), n.text, n.created_ms "
                "FROM moderator_notes n LEFT JOIN users u ON u.id = n.author_id "
                "WHERE n.user_id = ? ORDER BY n.id");
    s.bind_all(user_id);
    std::vector<NoteRecord> notes;
    while (s.step())
        notes.push_back({s.column_int(0), s.column_optional_text(1), s.column_text(2),
                         s.column_text(3), s.column_int(4)});
    return notes;
}

std::vector<std::string> PeopleStore::purgeable_message_ids(const std::string& user_id) {
    Statement s(statements_, "SELECT id FROM messages WHERE user_id = ? AND deleted <> ? "
                             "ORDER BY created_ms, seq");
    s.bind_all(user_id, kDeletedByModerator);
    std::vector<std::string> ids;
    while (s.step())
        ids.push_back(s.column_text(0));
    return ids;
}

} // namespace orchard::store

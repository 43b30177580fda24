#include "server/store/news_store.h"

#include "server/store/statement.h"

namespace orchard::store {

namespace {

constexpr const char* kNewsSelect =
    "SELECT n.id, n.kind, n.user_id, coalesce(u.display_name, ''), n.message_id, n.data, "
    "n.created_ms FROM news n LEFT JOIN users u ON u.id = n.user_id ";

std::vector<NewsRow> read_news(Statement& s) {
    std::vector<NewsRow> rows;
    while (s.step()) {
        NewsRow row;
        row.id = s.column_int(0);
        row.kind = s.column_text(1);
        row.user_id = s.column_optional_text(2);
        row.display_name = s.column_text(3);
        row.message_id = s.column_optional_text(4);
        row.data_json = s.column_text(5);
        row.created_ms = s.column_int(6);
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

std::int64_t NewsStore::insert(const std::string& kind, const std::optional<std::string>& user_id,
                               const std::optional<std::string>& message_id,
                               const std::string& data_json, std::int64_t created_ms) {
    Statement insert(statements_, "INSERT INTO news (kind, user_id, message_id, data, created_ms) "
                                  "VALUES (?, ?, ?, ?, ?) RETURNING id");
    insert.bind_all(kind, user_id, message_id, data_json, created_ms).step();
    return insert.column_int(0);
}

std::vector<NewsRow> NewsStore::newest(std::int64_t after_id, int limit) {
    Statement s(statements_,
                std::string(kNewsSelect) + "WHERE n.id > ? ORDER BY n.id DESC LIMIT ?");
    s.bind_all(after_id, limit);
    return read_news(s);
}

std::vector<NewsRow> NewsStore::oldest_after(std::int64_t after_id, int limit) {
    Statement s(statements_, std::string(kNewsSelect) + "WHERE n.id > ? ORDER BY n.id LIMIT ?");
    s.bind_all(after_id, limit);
    return read_news(s);
}

std::int64_t NewsStore::newest_id() {
    return first_row(statements_, "SELECT coalesce(max(id), 0) FROM news",
                     [](Statement& row) { return row.column_int(0); })
        .value_or(0);
}

} // namespace orchard::store

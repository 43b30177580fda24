#include "server/store/sqlite.h"

namespace orchard::store {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
        SQLITE_OK)
        throw SqliteError(std::string("prepare failed: ") + sqlite3_errmsg(db));
}

Statement::Statement(StatementCache& cache, std::string_view sql) : db_(cache.db()) {
    cached_ = cache.acquire(sql);
    if (cached_) {
        statement_ = cached_->statement;
        return;
    }
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
        SQLITE_OK)
        throw SqliteError(std::string("prepare failed: ") + sqlite3_errmsg(db_));
}

Statement::~Statement() {
    if (!cached_) {
        sqlite3_finalize(statement_);
        return;
    }
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    cached_->in_use = false;
}

StatementCache::~StatementCache() {
    for (auto& [sql, entry] : entries_)
        sqlite3_finalize(entry.statement);
}

StatementCache::Entry* StatementCache::acquire(std::string_view sql) {
    auto found = entries_.find(std::string(sql));
    if (found == entries_.end()) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            throw SqliteError(std::string("prepare failed: ") + sqlite3_errmsg(db_));
        found = entries_.emplace(std::string(sql), Entry{statement, false}).first;
    }
    if (found->second.in_use) return nullptr;
    found->second.in_use = true;
    return &found->second;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK)
        throw SqliteError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK)
        throw SqliteError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK)
        throw SqliteError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        throw SqliteError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

bool Statement::step() {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    throw SqliteError(std::string("step failed: ") + sqlite3_errmsg(db_));
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(statement_, index);
}

double Statement::column_double(int index) const {
    return sqlite3_column_double(statement_, index);
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

std::optional<std::string> Statement::column_optional_text(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_text(index);
}

int Statement::run() {
    while (step()) {
    }
    return sqlite3_changes(db_);
}

std::string Statement::column_text(int index) const {
    return std::string(column_view(index));
}

std::string_view Statement::column_view(int index) const {
    // The length SQLite already knows (bytes after text, as its documentation asks), rather than
    // a strlen of every value: a dataset export reads millions of them.
    const auto* text = sqlite3_column_text(statement_, index);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
}

std::vector<std::string> first_column_texts(Statement& statement) {
    std::vector<std::string> texts;
    while (statement.step())
        texts.push_back(statement.column_text(0));
    return texts;
}

void execute(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : "unknown error";
        sqlite3_free(message);
        throw SqliteError("exec failed: " + error);
    }
}

} // namespace orchard::store

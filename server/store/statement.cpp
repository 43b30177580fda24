#include "server/store/statement.h"

#include "server/store/postgres.h"
#include "server/store/sqlite.h"

#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>

namespace orchard::store {

namespace {

// A SQLite statement for one use, or DatabaseError saying why not.
sqlite3_stmt* prepare_once(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        throw DatabaseError(std::string("prepare failed: ") + sqlite3_errmsg(db));
    return statement;
}

// A one-off read on PostgreSQL goes through a cursor; other one-off statements run directly.
bool is_read(std::string_view sql) {
    const auto start = sql.find_first_not_of(" \t\n(");
    if (start == std::string_view::npos) return false;
    const auto word = sql.substr(start, 6);
    return word.starts_with("SELECT") || word.starts_with("select") || word.starts_with("WITH") ||
           word.starts_with("with") || word.starts_with("VALUES");
}

// Reads a PostgreSQL value (text format) as an integer: booleans are t and f, and numeric sums
// and averages may carry a fraction, which is cut off as SQLite does.
std::int64_t postgres_integer(const char* text) {
    if (text[0] == 't' && text[1] == '\0') return 1;
    if (text[0] == 'f' && text[1] == '\0') return 0;
    char* end = nullptr;
    const long long whole = std::strtoll(text, &end, 10);
    if (*end == '.' || *end == 'e' || *end == 'E')
        return static_cast<std::int64_t>(std::strtod(text, nullptr));
    return whole;
}

} // namespace

Statement::Statement(sqlite3* db, std::string_view sql)
    : db_(db), statement_(prepare_once(db, sql)) {}

Statement::Statement(StatementCache& cache, std::string_view sql, Once) : db_(cache.db()) {
    if (!cache.postgres()) {
        statement_ = prepare_once(db_, sql);
        return;
    }
    pg_ = std::make_unique<PostgresQuery>();
    pg_->connection = cache.postgres();
    pg_->one_off = postgres_parameters(sql);
    pg_->use_cursor = is_read(sql);
    pg_->values.resize(pg_->one_off.types.size());
    pg_->is_null.assign(pg_->one_off.types.size(), 1);
}

Statement::Statement(StatementCache& cache, std::string_view sql) : db_(cache.db()) {
    if (cache.postgres()) {
        const auto* entry = cache.acquire(sql);
        pg_ = std::make_unique<PostgresQuery>();
        pg_->connection = cache.postgres();
        pg_->name = entry->name;
        pg_->values.resize(static_cast<std::size_t>(entry->parameters));
        pg_->is_null.assign(static_cast<std::size_t>(entry->parameters), 1);
        return;
    }
    cached_ = cache.acquire(sql);
    statement_ = cached_ ? cached_->statement : prepare_once(db_, sql);
}

Statement::~Statement() {
    if (pg_) return;
    if (!cached_) {
        sqlite3_finalize(statement_);
        return;
    }
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    cached_->in_use = false;
}

StatementCache::~StatementCache() {
    if (pg_) return; // prepared statements end with their connection
    for (auto& [sql, entry] : entries_)
        sqlite3_finalize(entry.statement);
}

StatementCache::Entry* StatementCache::acquire(std::string_view sql) {
    auto found = entries_.find(std::string(sql));
    if (found == entries_.end() && pg_) {
        Entry entry;
        entry.name = "orchard_" + std::to_string(entries_.size() + 1);
        const PostgresSql translated = postgres_parameters(sql);
        entry.parameters = static_cast<int>(translated.types.size());
        PostgresResult prepared(PQprepare(pg_, entry.name.c_str(), translated.text.c_str(),
                                          entry.parameters, translated.types.data()));
        if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
            throw postgres_error(pg_, prepared.get(), "prepare");
        return &entries_.emplace(std::string(sql), std::move(entry)).first->second;
    }
    if (pg_) return &found->second;
    if (found == entries_.end()) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            throw DatabaseError(std::string("prepare failed: ") + sqlite3_errmsg(db_));
        found = entries_.emplace(std::string(sql), Entry{statement, {}, 0, false}).first;
    }
    if (found->second.in_use) return nullptr;
    found->second.in_use = true;
    return &found->second;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (pg_) {
        pg_->bind(index, std::to_string(value));
        return *this;
    }
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK)
        throw DatabaseError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (pg_) {
        char text[32];
        const int length = std::snprintf(text, sizeof text, "%.17g", value);
        pg_->bind(index, std::string_view(text, static_cast<std::size_t>(length)));
        return *this;
    }
    if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK)
        throw DatabaseError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (pg_) {
        pg_->bind_null(index);
        return *this;
    }
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK)
        throw DatabaseError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (pg_) {
        pg_->bind(index, value);
        return *this;
    }
    if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        throw DatabaseError(std::string("bind failed: ") + sqlite3_errmsg(db_));
    return *this;
}

bool Statement::step() {
    if (pg_) return pg_->step();
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    throw DatabaseError(std::string("step failed: ") + sqlite3_errmsg(db_));
}

std::int64_t Statement::column_int(int index) const {
    if (pg_) return pg_->null(index) ? 0 : postgres_integer(pg_->value(index));
    return sqlite3_column_int64(statement_, index);
}

double Statement::column_double(int index) const {
    if (pg_) return pg_->null(index) ? 0 : std::strtod(pg_->value(index), nullptr);
    return sqlite3_column_double(statement_, index);
}

bool Statement::column_is_null(int index) const {
    if (pg_) return pg_->null(index);
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
    if (pg_) return pg_->run();
    while (step()) {
    }
    return sqlite3_changes(db_);
}

std::string Statement::column_text(int index) const {
    return std::string(column_view(index));
}

std::string_view Statement::column_view(int index) const {
    if (pg_) return {pg_->value(index), static_cast<std::size_t>(pg_->length(index))};
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
        throw DatabaseError("exec failed: " + error);
    }
}

} // namespace orchard::store

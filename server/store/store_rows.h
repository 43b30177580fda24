// Reading rows of the messages, message_trees, tasks and users tables, shared by the stores of
// those tables (user_store, message_store, task_store, review_store). Internal to server/store.
#pragma once

#include "server/store/records.h"

#include <string>
#include <vector>

namespace orchard::store {

class Statement;

namespace rows {

extern const char* const kMessageColumns;
extern const char* const kTreeColumns;
extern const char* const kTaskColumns;

MessageRecord read_message(const Statement& row);
std::vector<MessageRecord> read_messages(Statement& statement);
TreeRecord read_tree(const Statement& row);
TaskRecord read_task(const Statement& row);
UserRecord read_user(const Statement& row);
// The first column of a one-row count query.
int count(Statement& statement);
// What people typed as one FTS5 phrase (its words in that order): FTS5's syntax in it (OR, NEAR,
// *, column filters) is inert, as it is in their text. For messages_fts MATCH.
std::string fts_phrase(const std::string& words);
// before + columns + after: a query over one of the column lists above.
std::string sql(const char* before, const char* columns, const char* after);

} // namespace rows

} // namespace orchard::store

// What the data explorer reads (docs/explorer.md): the newest trees of a language, full-text
// search in the order messages were written with the matched words marked, the labels people gave
// a message and who wrote it. The only SQL of the explorer; reads only.
#pragma once

#include "server/store/records.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orchard::store {

class StatementCache;

struct TreeCardRow {
    TreeRecord tree;
    MessageRecord prompt;
    int message_count = 0; // not deleted
};

struct SearchRow {
    std::int64_t seq = 0; // the message's place in the order messages were written
    MessageRecord message;
    // The message's text with each matched word between "\x01" and "\x02" (FTS5 highlight()).
    std::string marked_text;
};

struct LabelMean {
    double value = 0;
    int count = 0;
};

class ExplorerStore {
  public:
    explicit ExplorerStore(StatementCache& statements) : statements_(statements) {}

    // Trees whose prompt is not deleted, newest first; `lang` empty for every language. `before`
    // (a tree's created_ms and id) pages on.
    std::vector<TreeCardRow>
    recent_trees(const std::string& lang, int limit,
                 const std::optional<std::pair<std::int64_t, std::string>>& before);
    // Messages not deleted whose text has `words` as a phrase (rows::fts_phrase), newest written
    // first, below `before_seq` when given.
    std::vector<SearchRow> search(const std::string& words, const std::string& lang, int limit,
                                  std::optional<std::int64_t> before_seq);
    // Each label's mean and count over everybody's labels of the message.
    std::map<std::string, LabelMean> label_means(const std::string& message_id);
    std::optional<std::string> display_name(const std::string& user_id);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

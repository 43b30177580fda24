// Answers kept while the data they were made from is unchanged: a leaderboard is read far more
// often than it changes, and building 100 entries costs much more than checking that nothing
// moved. An entry is used only under the same version (LedgerStore::board_version) and before
// the time it stops being true (the next event leaving a rolling frame).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace orchard::api {

class AnswerCache {
  public:
    std::optional<std::string> find(const std::string& key, const std::string& version,
                                    std::int64_t now_ms);
    void store(const std::string& key, const std::string& version,
               std::optional<std::int64_t> valid_until_ms, std::string body);

  private:
    struct Entry {
        std::string version;
        std::optional<std::int64_t> valid_until_ms;
        std::string body;
    };
    static constexpr size_t kMaxEntries = 1000; // beyond: start over (keys are query variants)
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

} // namespace orchard::api

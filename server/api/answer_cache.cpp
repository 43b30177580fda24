#include "server/api/answer_cache.h"

namespace orchard::api {

std::optional<std::string> AnswerCache::find(const std::string& key, const std::string& version,
                                             std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.version != version ||
        (it->second.valid_until_ms && now_ms >= *it->second.valid_until_ms))
        return std::nullopt;
    return it->second.body;
}

void AnswerCache::store(const std::string& key, const std::string& version,
                        std::optional<std::int64_t> valid_until_ms, std::string body) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= kMaxEntries && !entries_.contains(key)) entries_.clear();
    entries_[key] = {version, valid_until_ms, std::move(body)};
}

} // namespace orchard::api

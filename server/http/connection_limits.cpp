#include "server/http/connection_limits.h"

namespace orchard::http {

bool ConnectionLimits::admit(const std::string& address) {
    std::lock_guard lock(mutex_);
    if (open_ >= max_total_) return false;
    int& count = by_address_[address];
    if (max_per_address_ > 0 && count >= max_per_address_) {
        if (count == 0) by_address_.erase(address);
        return false;
    }
    ++count;
    ++open_;
    return true;
}

void ConnectionLimits::release(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = by_address_.find(address);
    if (it == by_address_.end()) return;
    --open_;
    if (--it->second == 0) by_address_.erase(it);
}

int ConnectionLimits::open() const {
    std::lock_guard lock(mutex_);
    return open_;
}

} // namespace orchard::http

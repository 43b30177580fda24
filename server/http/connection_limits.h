// How many connections are open, in total and per client address: a new one over either limit is
// closed at once, so that one address cannot take every connection the server can hold.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace orchard::http {

class ConnectionLimits {
  public:
    ConnectionLimits(int max_total, int max_per_address)
        : max_total_(max_total), max_per_address_(max_per_address) {}

    // Counts the connection and returns true when it is within both limits.
    bool admit(const std::string& address);
    void release(const std::string& address);
    int open() const;

  private:
    mutable std::mutex mutex_;
    int max_total_;
    int max_per_address_;
    int open_ = 0;
    std::unordered_map<std::string, int> by_address_;
};

} // namespace orchard::http

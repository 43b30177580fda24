// The server's two logs: one line per request on standard output (unless --quiet), and errors on
// standard error, at most a few lines a minute: whatever a caller can make fail, they must not be
// able to fill the disk with it.
#pragma once

#include "server/http/http_types.h"

#include <cstdint>
#include <mutex>
#include <string>

namespace orchard::http {

void log_request(const Request& request, int status, size_t bytes, double milliseconds);

class ErrorLog {
  public:
    explicit ErrorLog(int lines_per_minute = 10) : lines_per_minute_(lines_per_minute) {}
    // Writes the line unless this minute's lines are spent; the next line written says how many
    // were left out.
    void write(const std::string& line);

  private:
    std::mutex mutex_;
    int lines_per_minute_;
    std::int64_t minute_ = -1;
    int written_ = 0;
    long suppressed_ = 0;
};

} // namespace orchard::http

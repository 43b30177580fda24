#include "server/http/request_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace orchard::http {

void log_request(const Request& request, int status, size_t bytes, double milliseconds) {
    static std::mutex log_mutex;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::lock_guard lock(log_mutex);
    std::fprintf(stdout, "%s %s %s %s %d %zuB %.2fms\n", stamp, request.remote_address.c_str(),
                 request.method.c_str(), request.path.c_str(), status, bytes, milliseconds);
    std::fflush(stdout);
}

void ErrorLog::write(const std::string& line) {
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(
                            std::chrono::steady_clock::now().time_since_epoch())
                            .count();
    std::lock_guard lock(mutex_);
    if (minute != minute_) {
        minute_ = minute;
        written_ = 0;
    }
    if (written_ >= lines_per_minute_) {
        ++suppressed_;
        return;
    }
    ++written_;
    if (suppressed_ > 0) {
        std::fprintf(stderr, "error: (%ld more errors were not logged)\n", suppressed_);
        suppressed_ = 0;
    }
    std::fprintf(stderr, "error: %s\n", line.c_str());
    std::fflush(stderr);
}

} // namespace orchard::http

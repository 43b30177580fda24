// How far behind the primary a streaming replica's data may be (`--database-read`), so that the
// reads that may lag go there only while it keeps up. Measured as an upper bound that holds even
// when the replica stopped following: now and then the primary's WAL position is noted with the
// time; once the replica has replayed up to a noted position, its data is at most as old as that
// note. A replica that cannot be reached counts as infinitely behind.
#pragma once

#include "server/store/postgres_pool.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace orchard::store {

class ReplicaLag {
  public:
    // Reads go to the primary while the replica is more than this behind.
    static constexpr std::chrono::milliseconds kBound{5000};
    // How often the positions are read (at most; only when asked).
    static constexpr std::chrono::milliseconds kMeasureEvery{500};

    ReplicaLag(PostgresPool& primary, PostgresPool& replica)
        : primary_(primary), replica_(replica) {}

    // Milliseconds the replica's data may be behind; std::nullopt when it cannot be reached.
    std::optional<std::int64_t> lag_ms();
    bool keeps_up() {
        const auto lag = lag_ms();
        return lag && *lag <= kBound.count();
    }

  private:
    struct Note {
        std::int64_t at_ms;
        std::int64_t position;
    };
    void measure(std::int64_t now_ms);

    PostgresPool& primary_;
    PostgresPool& replica_;
    std::mutex measuring_; // one thread measures; the others read the last figure
    std::deque<Note> notes_;
    std::atomic<std::int64_t> measured_at_ms_{-1};
    std::atomic<std::int64_t> lag_ms_{-1}; // -1: unreachable
};

} // namespace orchard::store

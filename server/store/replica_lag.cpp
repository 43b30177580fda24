#include "server/store/replica_lag.h"

#include "server/store/postgres.h"

#include <algorithm>
#include <cstdlib>

namespace orchard::store {

namespace {

// A WAL position in bytes from the start, or std::nullopt where there is none (a replica's
// replay position on a server that is not a replica).
std::optional<std::int64_t> position(PGconn* connection, const char* sql) {
    PostgresResult result(PQexec(connection, sql));
    if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        throw postgres_error(connection, result.get(), "reading the WAL position");
    if (PQgetisnull(result.get(), 0, 0)) return std::nullopt;
    return std::atoll(PQgetvalue(result.get(), 0, 0));
}

std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Notes older than this are dropped (the oldest kept still bounds the lag from above).
constexpr std::int64_t kKeepNotesMs = 120000;

} // namespace

std::optional<std::int64_t> ReplicaLag::lag_ms() {
    const std::int64_t now = steady_ms();
    if (now - measured_at_ms_ >= kMeasureEvery.count()) {
        std::unique_lock lock(measuring_, std::try_to_lock);
        if (lock.owns_lock()) measure(now);
    }
    const std::int64_t lag = lag_ms_;
    if (lag < 0) return std::nullopt;
    return lag;
}

void ReplicaLag::measure(std::int64_t now_ms) {
    try {
        {
            auto lease = primary_.take();
            const auto primary_position =
                position(lease.connection(), "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
            notes_.push_back({now_ms, primary_position.value_or(0)});
        }
        while (notes_.size() > 1 && notes_.front().at_ms < now_ms - kKeepNotesMs)
            notes_.pop_front();
        auto lease = replica_.take();
        const auto replayed =
            position(lease.connection(), "SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn");
        std::int64_t lag = 0;
        if (replayed) {
            // The newest note the replica has replayed past: its data is at least that recent.
            // Not even past the oldest: behind by more than the bound, however long ago that was.
            lag = std::max(now_ms - notes_.front().at_ms, kBound.count() + 1);
            for (const Note& note : notes_)
                if (note.position <= *replayed) lag = now_ms - note.at_ms;
        }
        lag_ms_ = lag;
    } catch (const std::exception&) {
        lag_ms_ = -1; // unreachable: reads go to the primary
    }
    measured_at_ms_ = now_ms;
}

} // namespace orchard::store

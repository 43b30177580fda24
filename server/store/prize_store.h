// Prizes and their winners. The only SQL for these tables; the rules are domain/rewards.h's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace orchard::store {

class StatementCache;

struct PrizeRecord {
    std::string id;
    std::string title;
    std::string description;
    std::string time_frame;
    std::int64_t starts_ms = 0;
    std::int64_t ends_ms = 0;
    int winners_count = 1;
    std::optional<std::int64_t> awarded_ms;
    std::int64_t created_ms = 0;
};

struct PrizeWinnerRow {
    int place = 0;
    std::string user_id;
    std::string display_name;
    std::int64_t score = 0;
};

class PrizeStore {
  public:
    explicit PrizeStore(StatementCache& statements) : statements_(statements) {}

    void insert(const PrizeRecord& prize);
    void update(const PrizeRecord& prize); // every field but id, awarded and created
    void remove(const std::string& id);    // with its winners
    std::optional<PrizeRecord> find(const std::string& id);
    // Every prize, the latest end first.
    std::vector<PrizeRecord> all();
    // Prizes not yet awarded whose end is at or before `now_ms`.
    std::vector<PrizeRecord> due(std::int64_t now_ms);
    void set_awarded(const std::string& id, std::int64_t now_ms);
    void insert_winner(const std::string& prize_id, int place, const std::string& user_id,
                       std::int64_t score);
    std::vector<PrizeWinnerRow> winners(const std::string& prize_id);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

// One legitimate frontend user of the soak benchmark: requests a random task, acks it and
// answers it as a careful person would (a fresh text, sensible labels, a ranking), and every
// fifth task also reads what such a user reads: task availability, a leaderboard, recent
// messages and the conversation it just worked on. Every request is counted in a SoakTally.
#pragma once

#include "tests/bench/soak_tally.h"

#include <cstdint>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace orchard::bench {

class SoakContributor {
  public:
    SoakContributor(const std::string& base_url, std::string api_key, std::string id,
                    std::uint64_t seed, SoakTally& tally);

    void cycle();

  private:
    struct Answer {
        int status = 0;
        nlohmann::json body;
        int error_code() const { return body.is_object() ? body.value("error_code", -1) : -1; }
    };
    // `kind` names the route in the tally; `body` null: a GET. `expected` decides which
    // refusals are part of normal work.
    Answer call(const std::string& kind, const std::string& path, const nlohmann::json& body,
                bool (*expected)(const Answer&) = nullptr);
    nlohmann::json answer_for(const nlohmann::json& task, const std::string& frontend_id);
    void read_around(const nlohmann::json& task);

    httplib::Client http_;
    std::string api_key_;
    std::string id_;
    std::mt19937_64 rng_;
    SoakTally& tally_;
    long serial_ = 0;
};

} // namespace orchard::bench

// The soak benchmark's count of legitimate requests by kind (method and route), shared by its
// threads: answers, 5xx, requests that got no answer, and refusals a well-behaved frontend does
// not expect. The first few faults keep the whole request, so that a server bug can be replayed.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace orchard::bench {

class SoakTally {
  public:
    struct Kind {
        long requests = 0;
        long server_errors = 0; // 5xx other than 503 "no task available" (1006)
        long no_answer = 0;     // connection dropped or no answer within the client's timeout
        long refused = 0;       // 4xx a frontend following the protocol does not expect
    };

    // `status` 0: no answer. `expected_refusal`: a 4xx or 503 that is part of normal work (no
    // task available, the tree ended before the answer), counted as an answer only.
    void add(const std::string& kind, int status, bool expected_refusal, const std::string& request,
             const std::string& response) {
        std::lock_guard lock(mutex_);
        Kind& counts = kinds_[kind];
        ++counts.requests;
        if (expected_refusal || (status >= 200 && status < 400)) return;
        const bool fault = status == 0 || status >= 500;
        if (status == 0)
            ++counts.no_answer;
        else if (status >= 500)
            ++counts.server_errors;
        else
            ++counts.refused;
        std::vector<std::string>& examples = fault ? faults_ : refusals_;
        if (examples.size() < (fault ? 10U : 6U))
            examples.push_back(kind + " -> " +
                               (status == 0 ? "no answer" : std::to_string(status)) +
                               "\n      request:  " + request + "\n      response: " + response);
    }

    std::map<std::string, Kind> kinds() const {
        std::lock_guard lock(mutex_);
        return kinds_;
    }
    std::vector<std::string> faults() const {
        std::lock_guard lock(mutex_);
        return faults_;
    }
    std::vector<std::string> refusals() const {
        std::lock_guard lock(mutex_);
        return refusals_;
    }

  private:
    mutable std::mutex mutex_;
    std::map<std::string, Kind> kinds_;
    std::vector<std::string> faults_;
    std::vector<std::string> refusals_;
};

} // namespace orchard::bench

// The task request, ack and nack of tests/support/frontend.h (same requests, same ApiAnswer) over a
// keep-alive cpp-httplib client that waits up to 120 s for an answer. The support Frontend keeps
// cpp-httplib's 5 s read timeout: on a large database a very active user's task request can take
// longer, and a benchmark wants that latency measured, not a timeout that also leaves the task
// open on the server (and soon hits the pending-task cap).
#pragma once

#include "tests/support/frontend.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

namespace orchard::bench {

class BenchClient {
  public:
    BenchClient(const std::string& base_url, std::string api_key)
        : http_(base_url), api_key_(std::move(api_key)) {
        http_.set_keep_alive(true);
        http_.set_tcp_nodelay(true);
        http_.set_read_timeout(120, 0);
    }

    test::ApiAnswer post(const std::string& path, const nlohmann::json& body) {
        return answer(http_.Post(path, {{"X-API-Key", api_key_}}, body.dump(), "application/json"));
    }

    test::ApiAnswer request_task(const std::string& user_id, const std::string& type,
                                 const std::string& lang = "en") {
        return post("/api/v1/tasks/",
                    {{"type", type}, {"user", test::Frontend::user(user_id)}, {"lang", lang}});
    }
    test::ApiAnswer ack(const std::string& user_id, const std::string& task_id,
                        const std::string& frontend_id) {
        return post("/api/v1/tasks/" + task_id + "/ack",
                    {{"message_id", frontend_id}, {"user", test::Frontend::user(user_id)}});
    }
    test::ApiAnswer nack(const std::string& user_id, const std::string& task_id) {
        return post("/api/v1/tasks/" + task_id + "/nack",
                    {{"reason", "skip"}, {"user", test::Frontend::user(user_id)}});
    }

  private:
    static test::ApiAnswer answer(const httplib::Result& result) {
        if (!result) return {0, nullptr};
        auto body = result->body.empty() ? nlohmann::json(nullptr)
                                         : nlohmann::json::parse(result->body, nullptr, false);
        return {result->status, body};
    }

    httplib::Client http_;
    std::string api_key_;
};

} // namespace orchard::bench

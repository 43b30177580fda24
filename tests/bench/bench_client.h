// The task-lifecycle calls of tests/support/frontend.h (same requests, same ApiAnswer), over a
// keep-alive cpp-httplib client with TCP_NODELAY. The support Frontend leaves Nagle's algorithm
// on, and cpp-httplib writes a POST's headers and body in two writes: the body then waits for the
// server's delayed ACK, about 40 ms per POST, which would swamp every figure a benchmark prints.
// Browsers and Node's fetch send without that delay, so the benchmarks measure with it off.
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
    }

    test::ApiAnswer post(const std::string& path, const nlohmann::json& body) {
        return answer(http_.Post(path, {{"X-API-Key", api_key_}}, body.dump(), "application/json"));
    }
    test::ApiAnswer put(const std::string& path, const nlohmann::json& body) {
        return answer(http_.Put(path, {{"X-API-Key", api_key_}}, body.dump(), "application/json"));
    }
    test::ApiAnswer get(const std::string& path) {
        return answer(http_.Get(path, {{"X-API-Key", api_key_}}));
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
    test::ApiAnswer interaction(const std::string& user_id, nlohmann::json body) {
        body["user"] = test::Frontend::user(user_id);
        return post("/api/v1/tasks/interaction", body);
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

// A frontend (bot or website) talking to a real Orchard server with its API key, as the
// Open-Assistant frontends do; used by integration tests and the load benchmark.
#pragma once

#include <filesystem>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

namespace orchard::test {

// Creates an API client in the database folder with the real `orchard api-client add` command
// (of `binary`: a benchmark's older build must create its own database).
std::string create_api_key(const std::filesystem::path& data_dir, bool trusted,
                           const std::string& binary = ORCHARD_SERVER_BINARY);

struct ApiAnswer {
    int status = 0;
    nlohmann::json body;
    int error_code() const { return body.is_object() ? body.value("error_code", -1) : -1; }
};

class Frontend {
  public:
    Frontend(const std::string& base_url, std::string api_key);
    static nlohmann::json user(const std::string& id) {
        return {{"id", id}, {"display_name", "User " + id}, {"auth_method", "local"}};
    }
    ApiAnswer post(const std::string& path, nlohmann::json body);
    ApiAnswer put(const std::string& path, const nlohmann::json& body);
    ApiAnswer get(const std::string& path, const std::string& user_id = "");
    ApiAnswer delete_(const std::string& path);

    // The task lifecycle, one call each.
    ApiAnswer request_task(const std::string& user_id, const std::string& type,
                           const std::string& lang = "en");
    ApiAnswer ack(const std::string& user_id, const std::string& task_id,
                  const std::string& frontend_id);
    ApiAnswer nack(const std::string& user_id, const std::string& task_id);
    ApiAnswer interaction(const std::string& user_id, nlohmann::json body);

  private:
    httplib::Client http_;
    std::string api_key_;
};

// Requests a task of `type` for `user`, acks it and completes it as a reasonable contributor
// would (real text, valid labels, a ranking that puts shorter replies first). Returns the task
// type done, or "" when none was available (503).
std::string do_one_task(Frontend& frontend, const std::string& user,
                        const std::string& type = "random");

} // namespace orchard::test

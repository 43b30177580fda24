#include "tests/support/frontend.h"

#include <array>
#include <cstdio>
#include <stdexcept>

namespace orchard::test {

std::string create_api_key(const std::filesystem::path& data_dir, bool trusted) {
    const std::string command = std::string(ORCHARD_SERVER_BINARY) +
                                " api-client add --description test --data '" + data_dir.string() +
                                "'" + (trusted ? " --trusted" : "") + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed");
    std::array<char, 256> buffer{};
    std::string key;
    while (fgets(buffer.data(), buffer.size(), pipe))
        key += buffer.data();
    if (pclose(pipe) != 0 || key.empty()) throw std::runtime_error("orchard api-client add failed");
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r'))
        key.pop_back();
    return key;
}

Frontend::Frontend(const std::string& base_url, std::string api_key)
    : http_(base_url), api_key_(std::move(api_key)) {
    http_.set_keep_alive(true);
}

namespace {
ApiAnswer to_answer(const httplib::Result& result) {
    if (!result) return {0, nullptr};
    auto body = result->body.empty() ? nlohmann::json(nullptr)
                                     : nlohmann::json::parse(result->body, nullptr, false);
    return {result->status, body};
}
} // namespace

ApiAnswer Frontend::post(const std::string& path, nlohmann::json body) {
    return to_answer(http_.Post(path, {{"X-API-Key", api_key_}}, body.dump(), "application/json"));
}

ApiAnswer Frontend::put(const std::string& path, const nlohmann::json& body) {
    return to_answer(http_.Put(path, {{"X-API-Key", api_key_}}, body.dump(), "application/json"));
}

ApiAnswer Frontend::get(const std::string& path, const std::string& user_id) {
    httplib::Headers headers{{"X-API-Key", api_key_}};
    if (!user_id.empty()) headers.emplace("x-oasst-user", "local:" + user_id);
    return to_answer(http_.Get(path, headers));
}

ApiAnswer Frontend::request_task(const std::string& user_id, const std::string& type,
                                 const std::string& lang) {
    return post("/api/v1/tasks/", {{"type", type}, {"user", user(user_id)}, {"lang", lang}});
}

ApiAnswer Frontend::ack(const std::string& user_id, const std::string& task_id,
                        const std::string& frontend_id) {
    return post("/api/v1/tasks/" + task_id + "/ack",
                {{"message_id", frontend_id}, {"user", user(user_id)}});
}

ApiAnswer Frontend::nack(const std::string& user_id, const std::string& task_id) {
    return post("/api/v1/tasks/" + task_id + "/nack",
                {{"reason", "skip"}, {"user", user(user_id)}});
}

ApiAnswer Frontend::interaction(const std::string& user_id, nlohmann::json body) {
    body["user"] = user(user_id);
    return post("/api/v1/tasks/interaction", std::move(body));
}

} // namespace orchard::test

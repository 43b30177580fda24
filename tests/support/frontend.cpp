#include "tests/support/frontend.h"

#include "tests/support/test_database.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace orchard::test {

std::string create_api_key(const std::filesystem::path& data_dir, bool trusted,
                           const std::string& binary) {
    const std::string command = binary + " api-client add --description test " +
                                data_options(data_dir) + (trusted ? " --trusted" : "") +
                                " 2>/dev/null";
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
    // Like a real frontend's HTTP stack: without it every request waits ~40 ms for a delayed ACK.
    http_.set_tcp_nodelay(true);
    // Tests send bodies of up to 10 MB to a sanitizer build on a busy 2-core machine: parsing one
    // can take longer than cpp-httplib's default 5 s, which would read as no answer at all.
    http_.set_read_timeout(std::chrono::seconds(60));
    http_.set_write_timeout(std::chrono::seconds(60));
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

ApiAnswer Frontend::delete_(const std::string& path) {
    return to_answer(http_.Delete(path, {{"X-API-Key", api_key_}}));
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

namespace {
// The answer is part of the message: a failure under load says what the server answered.
void require(bool condition, const ApiAnswer& answer) {
    if (!condition)
        throw std::runtime_error("do_one_task: unexpected answer from the server: " +
                                 std::to_string(answer.status) + " " + answer.body.dump());
}
} // namespace

int counter = 0; // unique frontend ids across calls
std::string fresh_id(const std::string& prefix) {
    return prefix + std::to_string(++counter);
}

std::string do_one_task(Frontend& bot, const std::string& user, const std::string& type) {
    auto task = bot.request_task(user, type);
    if (task.status == 503) return "";
    require(task.status == 200, task);
    const std::string task_id = task.body["id"];
    const std::string kind = task.body["type"];
    const std::string frontend_id = fresh_id("fe-");
    const auto ack = bot.ack(user, task_id, frontend_id);
    require(ack.status == 204, ack);
    ApiAnswer done;
    if (kind == "initial_prompt" || kind == "assistant_reply" || kind == "prompter_reply") {
        done = bot.interaction(user,
                               {{"type", "text_reply_to_message"},
                                {"message_id", frontend_id},
                                {"user_message_id", fresh_id("msg-")},
                                {"text", "A thoughtful " + kind + " number " + fresh_id("") + "."},
                                {"lang", "en"}});
    } else if (kind.starts_with("label_")) {
        nlohmann::json labels = nlohmann::json::object();
        for (const auto& name : task.body["valid_labels"])
            labels[name.get<std::string>()] = 0.0;
        done = bot.interaction(user, {{"type", "text_labels"},
                                      {"task_id", task_id},
                                      {"message_id", task.body["message_id"]},
                                      {"labels", labels}});
    } else if (kind.starts_with("rank_")) {
        // Everyone prefers shorter replies first, so the consensus is predictable.
        nlohmann::json order = nlohmann::json::array();
        const auto& replies = task.body["replies"];
        std::vector<size_t> indices(replies.size());
        for (size_t i = 0; i < indices.size(); ++i)
            indices[i] = i;
        std::sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
            return replies[a].get<std::string>().size() < replies[b].get<std::string>().size();
        });
        for (size_t i : indices)
            order.push_back(i);
        done = bot.interaction(user, {{"type", "message_ranking"},
                                      {"message_id", frontend_id},
                                      {"ranking", order},
                                      {"not_rankable", false}});
    }
    require(done.status == 200, done);
    require(done.body["type"] == "task_done", done);
    return kind;
}

} // namespace orchard::test

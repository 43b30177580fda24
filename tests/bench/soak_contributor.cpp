#include "tests/bench/soak_contributor.h"
#include "tests/bench/bench_answers.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <numeric>
#include <thread>
#include <vector>

namespace orchard::bench {

using nlohmann::json;

namespace {

// A frontend that shows "nothing to do" lets its user come back a moment later; without this
// pause a user without tasks would hammer the server with candidate queries no person sends.
constexpr auto kNoTaskPause = std::chrono::milliseconds(100);

constexpr std::array<const char*, 4> kFrames = {"day", "week", "month", "total"};
constexpr std::array<const char*, 8> kTopics = {
    "sourdough bread", "tide pools",          "compound interest",   "photosynthesis",
    "the cello",       "bicycle maintenance", "binary search trees", "composting"};

json user_of(const std::string& id) {
    return {{"id", id}, {"display_name", "User " + id}, {"auth_method", "local"}};
}

bool no_task(const auto& answer) {
    return answer.status == 503 && answer.error_code() == 1006;
}

} // namespace

SoakContributor::SoakContributor(const std::string& base_url, std::string api_key, std::string id,
                                 std::uint64_t seed, SoakTally& tally)
    : http_(base_url), api_key_(std::move(api_key)), id_(std::move(id)), rng_(seed), tally_(tally) {
    http_.set_keep_alive(true);
    http_.set_tcp_nodelay(true);
    // Long enough that a slow answer is measured as slow rather than counted as no answer.
    http_.set_read_timeout(60, 0);
}

SoakContributor::Answer SoakContributor::call(const std::string& kind, const std::string& path,
                                              const json& body, bool (*expected)(const Answer&)) {
    const httplib::Headers headers = {{"X-API-Key", api_key_}, {"x-oasst-user", "local:" + id_}};
    const bool get = body.is_null();
    const std::string text = get ? "" : body.dump();
    const auto result =
        get ? http_.Get(path, headers) : http_.Post(path, headers, text, "application/json");
    Answer answer;
    std::string response;
    if (result) {
        answer.status = result->status;
        answer.body =
            result->body.empty() ? json(nullptr) : json::parse(result->body, nullptr, false);
        response = result->body.substr(0, 600);
    } else {
        response = "(" + httplib::to_string(result.error()) + ")";
    }
    tally_.add(kind, answer.status, expected && expected(answer),
               (get ? "GET " : "POST ") + path + (get ? "" : " " + text.substr(0, 2000)), response);
    return answer;
}

void SoakContributor::cycle() {
    const long serial = ++serial_;
    const json task = call("POST /api/v1/tasks/ (random)", "/api/v1/tasks/",
                           {{"type", "random"}, {"user", user_of(id_)}, {"lang", "en"}},
                           [](const Answer& a) { return no_task(a); })
                          .body;
    if (!task.is_object() || !task.contains("id")) {
        std::this_thread::sleep_for(kNoTaskPause);
        return;
    }
    const std::string task_id = task.value("id", "");
    const std::string frontend_id = "fe-" + id_ + "-" + std::to_string(serial);
    const Answer ack = call("POST /api/v1/tasks/{id}/ack", "/api/v1/tasks/" + task_id + "/ack",
                            {{"message_id", frontend_id}, {"user", user_of(id_)}});
    if (ack.status != 204) return;
    const Answer done = call("POST /api/v1/tasks/interaction", "/api/v1/tasks/interaction",
                             answer_for(task, frontend_id), [](const Answer& a) {
                                 // Another user's labels or skips ended the tree meanwhile.
                                 return a.status == 400 && a.error_code() == 2010;
                             });
    if (done.status != 200)
        call("POST /api/v1/tasks/{id}/nack", "/api/v1/tasks/" + task_id + "/nack",
             {{"reason", "skip"}, {"user", user_of(id_)}});
    if (serial % 5 == 0) read_around(task);
}

json SoakContributor::answer_for(const json& task, const std::string& frontend_id) {
    const std::string kind = task.value("type", "");
    // Texts never repeat: the server refuses a user's duplicate text for two hours (1009).
    const std::string topic = kTopics[rng_() % kTopics.size()];
    const std::string text =
        kind == "initial_prompt"
            ? "Could you explain " + topic + " in plain words? (question " + frontend_id + ")"
            : "Step by step: " + topic + " starts from one simple idea, then adds detail. (" +
                  frontend_id + ")";
    if (kind == "initial_prompt" || kind == "assistant_reply" || kind == "prompter_reply")
        return {{"type", "text_reply_to_message"},
                {"message_id", frontend_id},
                {"user_message_id", "msg-" + frontend_id},
                {"text", text},
                {"lang", "en"}};
    if (kind.starts_with("label_")) {
        std::map<std::string, std::string> widgets;
        for (const auto& label : task.value("labels", json::array()))
            if (label.is_object()) widgets[label.value("name", "")] = label.value("widget", "");
        json labels = json::object();
        for (const auto& name : task.value("valid_labels", json::array())) {
            const std::string label = name.get<std::string>();
            // Likert scales get any of their five steps; flags (spam among them) are rare.
            labels[label] = widgets[label] == "likert" ? static_cast<double>(rng_() % 5) / 4.0
                            : rng_() % 20 == 0         ? 1.0
                                                       : 0.0;
        }
        return labels_interaction(task, labels);
    }
    return shuffled_ranking_interaction(task, frontend_id, rng_);
}

void SoakContributor::read_around(const json& task) {
    call("POST /api/v1/tasks/availability", "/api/v1/tasks/availability?lang=en", user_of(id_));
    const std::string frame = kFrames[static_cast<size_t>(serial_ / 5) % kFrames.size()];
    call("GET /api/v1/leaderboards/{frame}", "/api/v1/leaderboards/" + frame + "?max_count=100",
         nullptr);
    call("GET /api/v1/messages/cursor", "/api/v1/messages/cursor?max_count=20&lang=en", nullptr);
    const json messages = task.contains("conversation") && task["conversation"].is_object()
                              ? task["conversation"].value("messages", json::array())
                              : json::array();
    if (!messages.empty() && messages.back().is_object() && messages.back().contains("id"))
        call("GET /api/v1/messages/{id}/conversation",
             "/api/v1/messages/" + messages.back().value("id", "") + "/conversation", nullptr);
}

} // namespace orchard::bench

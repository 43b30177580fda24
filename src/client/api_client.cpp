#include "client/api_client.h"

#include "client/api_answer.h"
#include "i18n/translator.h"
#include "protocol/json_read.h"

namespace orchard::client {

void ApiClient::send(std::string method, std::string path, const nlohmann::json* body,
                     std::function<void(HttpResult)> done) {
    HttpRequest request{.method = std::move(method), .path = std::move(path)};
    if (body) {
        request.body = body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        request.headers.emplace_back("Content-Type", "application/json");
    }
    if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
    transport_.send(std::move(request), std::move(done));
}

void ApiClient::get_health(Done<protocol::Health> done) {
    send("GET", "/api/v1/health", nullptr, answer(std::move(done), protocol::parse_health));
}

void ApiClient::register_account(const std::string& username, const std::string& display_name,
                                 const std::string& password, Done<protocol::SessionGrant> done) {
    const nlohmann::json body =
        protocol::to_json(protocol::Registration{username, display_name, password});
    send("POST", "/api/v1/auth/register", &body,
         answer(std::move(done), protocol::parse_session_grant));
}

void ApiClient::login(const std::string& username, const std::string& password,
                      Done<protocol::SessionGrant> done) {
    const nlohmann::json body = protocol::to_json(protocol::Credentials{username, password});
    send("POST", "/api/v1/auth/login", &body,
         answer(std::move(done), protocol::parse_session_grant));
}

void ApiClient::continue_as_guest(const std::string& display_name, const std::string& event,
                                  Done<protocol::SessionGrant> done) {
    const nlohmann::json body = protocol::to_json(protocol::GuestRequest{display_name, event});
    send("POST", "/api/v1/auth/guest", &body,
         answer(std::move(done), protocol::parse_session_grant));
}

void ApiClient::request_email_link(const std::string& email, Done<Empty> done) {
    const nlohmann::json body =
        protocol::to_json(protocol::EmailSignIn{email, i18n::active().language()});
    send("POST", "/api/v1/auth/email", &body, answer(std::move(done), any_body));
}

void ApiClient::verify_email_link(const std::string& token, Done<protocol::SessionGrant> done) {
    const nlohmann::json body = protocol::to_json(protocol::EmailVerification{token});
    send("POST", "/api/v1/auth/email/verify", &body,
         answer(std::move(done), protocol::parse_session_grant));
}

void ApiClient::claim_account(const std::string& username, const std::string& password,
                              Done<protocol::Account> done) {
    const nlohmann::json body = protocol::to_json(protocol::Credentials{username, password});
    send("POST", "/api/v1/auth/claim", &body, answer(std::move(done), protocol::parse_account));
}

void ApiClient::me(Done<protocol::Account> done) {
    send("GET", "/api/v1/auth/me", nullptr, answer(std::move(done), protocol::parse_account));
}

void ApiClient::accept_terms(Done<protocol::Account> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("POST", "/api/v1/auth/accept_terms", &body,
         answer(std::move(done), protocol::parse_account));
}

void ApiClient::logout(Done<Empty> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("POST", "/api/v1/auth/logout", &body, answer(std::move(done), any_body));
}

void ApiClient::update_me(const AccountChanges& changes, Done<protocol::Account> done) {
    const nlohmann::json body = protocol::to_json(changes);
    send("PUT", "/api/v1/auth/me", &body, answer(std::move(done), protocol::parse_account));
}

void ApiClient::delete_me(Done<Empty> done) {
    send("DELETE", "/api/v1/auth/me", nullptr, answer(std::move(done), any_body));
}

void ApiClient::logout_all(Done<Empty> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("POST", "/api/v1/auth/logout_all", &body, answer(std::move(done), any_body));
}

void ApiClient::sign_in_providers(Done<std::vector<std::string>> done) {
    send("GET", "/api/v1/auth/providers", nullptr,
         answer(std::move(done),
                [](std::string_view body) -> std::optional<std::vector<std::string>> {
                    auto json = protocol::parse_json(body);
                    if (!json || !json->is_object()) return std::nullopt;
                    std::vector<std::string> ids;
                    if (auto it = json->find("providers"); it != json->end() && it->is_array())
                        for (const auto& provider : *it)
                            if (auto id = protocol::read_string(provider, "id")) ids.push_back(*id);
                    return ids;
                }));
}

void ApiClient::availability(const std::string& lang, Done<protocol::Availability> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("POST", "/api/v1/tasks/availability?lang=" + encode_query_value(lang), &body,
         answer(std::move(done), protocol::parse_availability));
}

void ApiClient::request_task(const std::string& type, const std::string& lang,
                             Done<ReceivedTask> done) {
    const nlohmann::json body = protocol::to_json(protocol::TaskRequest{type, lang, false});
    send("POST", "/api/v1/tasks/", &body,
         answer(std::move(done), [](std::string_view text) -> std::optional<ReceivedTask> {
             auto task = protocol::parse_task(text);
             if (!task) return std::nullopt;
             return ReceivedTask{std::move(*task), std::string(text)};
         }));
}

void ApiClient::ack(const std::string& task_id, const std::string& frontend_id, Done<Empty> done) {
    const nlohmann::json body = protocol::to_json(protocol::TaskAck{frontend_id});
    send("POST", "/api/v1/tasks/" + task_id + "/ack", &body, answer(std::move(done), any_body));
}

void ApiClient::nack(const std::string& task_id, const std::string& reason, Done<Empty> done) {
    const nlohmann::json body = protocol::to_json(protocol::TaskNack{reason});
    send("POST", "/api/v1/tasks/" + task_id + "/nack", &body, answer(std::move(done), any_body));
}

void ApiClient::interaction(const nlohmann::json& body, Done<Empty> done) {
    send("POST", "/api/v1/tasks/interaction", &body, answer(std::move(done), any_body));
}

void ApiClient::react(const std::string& message_id, const std::string& emoji, Done<Empty> done) {
    const nlohmann::json body = protocol::to_json(protocol::EmojiReaction{"toggle", emoji});
    send("POST", "/api/v1/messages/" + message_id + "/emoji", &body,
         answer(std::move(done), any_body));
}

void ApiClient::report(const std::string& message_id, const std::string& label,
                       const std::string& reason, Done<Empty> done) {
    protocol::TextLabels report;
    report.message_id = message_id;
    report.text = reason;
    if (!label.empty()) report.labels[label] = 1.0;
    report.is_report = true;
    const nlohmann::json body = protocol::to_json(report);
    send("POST", "/api/v1/text_labels", &body, answer(std::move(done), any_body));
}

void ApiClient::valid_labels(const std::string& message_id,
                             Done<std::vector<protocol::LabelDescription>> done) {
    send("GET", "/api/v1/text_labels/valid_labels?message_id=" + encode_query_value(message_id),
         nullptr, answer(std::move(done), protocol::parse_valid_labels));
}

void ApiClient::free_labels(const std::string& message_id,
                            const std::map<std::string, double>& labels, Done<Empty> done) {
    protocol::TextLabels answers;
    answers.message_id = message_id;
    answers.labels = labels;
    const nlohmann::json body = protocol::to_json(answers);
    send("POST", "/api/v1/text_labels", &body, answer(std::move(done), any_body));
}

// ---- Rewards ---------------------------------------------------------------------------

void ApiClient::leaderboard(protocol::TimeFrame frame, long long offset, int max_count,
                            Done<protocol::Leaderboard> done) {
    send("GET",
         std::string("/api/v1/leaderboards/") + protocol::to_string(frame) +
             "?max_count=" + std::to_string(max_count) + "&offset=" + std::to_string(offset),
         nullptr, answer(std::move(done), protocol::parse_leaderboard));
}

void ApiClient::user_stats(const std::string& user_id, Done<protocol::UserStats> done) {
    send("GET", "/api/v1/users/" + encode_query_value(user_id) + "/stats", nullptr,
         answer(std::move(done), protocol::parse_user_stats));
}

void ApiClient::user_window(const std::string& user_id, protocol::TimeFrame frame, int window_size,
                            Done<protocol::Leaderboard> done) {
    send("GET",
         "/api/v1/users/" + encode_query_value(user_id) + "/stats/" + protocol::to_string(frame) +
             "/window?window_size=" + std::to_string(window_size),
         nullptr, answer(std::move(done), protocol::parse_leaderboard));
}

void ApiClient::ledger(const std::string& user_id, const std::string& before, int max_count,
                       Done<protocol::LedgerPage> done) {
    std::string path = "/api/v1/users/" + encode_query_value(user_id) +
                       "/ledger?max_count=" + std::to_string(max_count);
    if (!before.empty()) path += "&before=" + encode_query_value(before);
    send("GET", std::move(path), nullptr, answer(std::move(done), protocol::parse_ledger));
}

void ApiClient::activity(const std::string& user_id, int days,
                         Done<std::vector<protocol::ActivityDay>> done) {
    send("GET",
         "/api/v1/users/" + encode_query_value(user_id) + "/activity?days=" + std::to_string(days),
         nullptr, answer(std::move(done), protocol::parse_activity));
}

void ApiClient::contributions(const std::string& user_id, const std::string& before, int max_count,
                              Done<protocol::ContributionPage> done) {
    std::string path = "/api/v1/users/" + encode_query_value(user_id) +
                       "/contributions?max_count=" + std::to_string(max_count);
    if (!before.empty()) path += "&before=" + encode_query_value(before);
    send("GET", std::move(path), nullptr, answer(std::move(done), protocol::parse_contributions));
}

void ApiClient::news(const std::string& after, int max_count, Done<protocol::NewsPage> done) {
    std::string path = "/api/v1/news?max_count=" + std::to_string(max_count);
    if (!after.empty()) path += "&after=" + encode_query_value(after);
    send("GET", std::move(path), nullptr, answer(std::move(done), protocol::parse_news));
}

void ApiClient::event_board(const std::string& event, int max_count,
                            Done<protocol::Leaderboard> done) {
    send("GET",
         "/api/v1/public/events/" + encode_query_value(event) +
             "/leaderboard?max_count=" + std::to_string(max_count),
         nullptr, answer(std::move(done), protocol::parse_leaderboard));
}

void ApiClient::public_news(int max_count, Done<protocol::NewsPage> done) {
    send("GET", "/api/v1/public/news?max_count=" + std::to_string(max_count), nullptr,
         answer(std::move(done), protocol::parse_news));
}

void ApiClient::prizes(Done<protocol::Prizes> done) {
    send("GET", "/api/v1/prizes", nullptr, answer(std::move(done), protocol::parse_prizes));
}

// ---- Explorer and datasets ------------------------------------------------------------

void ApiClient::explorer_trees(const std::string& lang, const std::string& before, int max_count,
                               Done<protocol::TreePage> done) {
    send("GET",
         "/api/v1/explorer/trees?max_count=" + std::to_string(max_count) +
             query_part("lang", lang) + query_part("before", before),
         nullptr, answer(std::move(done), protocol::parse_tree_page));
}

void ApiClient::explorer_search(const std::string& query, const std::string& lang,
                                const std::string& before, int max_count,
                                Done<protocol::SearchPage> done) {
    send("GET",
         "/api/v1/explorer/search?max_count=" + std::to_string(max_count) + query_part("q", query) +
             query_part("lang", lang) + query_part("before", before),
         nullptr, answer(std::move(done), protocol::parse_search_page));
}

void ApiClient::message_tree(const std::string& message_id, Done<protocol::TreeMessages> done) {
    send("GET", "/api/v1/messages/" + encode_query_value(message_id) + "/tree", nullptr,
         answer(std::move(done), protocol::parse_tree_messages));
}

void ApiClient::message_details(const std::string& message_id,
                                Done<protocol::MessageDetails> done) {
    send("GET", "/api/v1/explorer/messages/" + encode_query_value(message_id), nullptr,
         answer(std::move(done), protocol::parse_message_details));
}

void ApiClient::dataset_counts(Done<protocol::DatasetCounts> done) {
    send("GET", "/api/v1/admin/datasets", nullptr,
         answer(std::move(done), protocol::parse_dataset_counts));
}

void ApiClient::export_link(const std::string& format, Done<protocol::DownloadLinkAnswer> done) {
    const nlohmann::json body = {{"format", format}};
    send("POST", "/api/v1/admin/export/links", &body,
         answer(std::move(done), protocol::parse_download_link));
}

// ---- Moderation ---------------------------------------------------------------------

} // namespace orchard::client

// ApiClient's calls for moderators and admins (docs/moderation.md, docs/flag-moderation.md).
#include "client/api_answer.h"

namespace orchard::client {

namespace {

std::string person_path(const std::string& user_id) {
    return "/api/v1/moderation/users/" + encode_query_value(user_id);
}

} // namespace

void ApiClient::flag_queue(bool open_only, bool most_flagged, const std::string& before,
                           int max_count, Done<protocol::FlagQueue> done) {
    send("GET",
         std::string("/api/v1/moderation/flagged?state=") + (open_only ? "open" : "all") +
             "&sort=" + (most_flagged ? "most_flagged" : "recent") +
             "&max_count=" + std::to_string(max_count) + query_part("before", before),
         nullptr, answer(std::move(done), protocol::parse_flag_queue));
}

void ApiClient::decide_flag(const std::string& message_id, const std::string& decision,
                            Done<Empty> done) {
    const nlohmann::json body = {{"decision", decision}};
    send("POST", "/api/v1/moderation/flagged/" + encode_query_value(message_id), &body,
         answer(std::move(done), any_body));
}

void ApiClient::delete_message(const std::string& message_id, Done<Empty> done) {
    send("DELETE", "/api/v1/messages/" + encode_query_value(message_id), nullptr,
         answer(std::move(done), any_body));
}

void ApiClient::undelete_message(const std::string& message_id, Done<Empty> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("PUT", "/api/v1/messages/" + encode_query_value(message_id) + "/undelete", &body,
         answer(std::move(done), any_body));
}

void ApiClient::edit_message(const std::string& message_id, const std::string& text,
                             Done<Empty> done) {
    const nlohmann::json body = {{"new_content", text}};
    send("POST", "/api/v1/messages/" + encode_query_value(message_id) + "/edit", &body,
         answer(std::move(done), any_body));
}

void ApiClient::message_history(const std::string& message_id,
                                Done<std::vector<protocol::Revision>> done) {
    send("GET", "/api/v1/messages/" + encode_query_value(message_id) + "/history", nullptr,
         answer(std::move(done), protocol::parse_revisions));
}

void ApiClient::set_tree_halted(const std::string& message_id, bool halted, Done<Empty> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("PUT",
         "/api/v1/messages/" + encode_query_value(message_id) +
             "/tree/state?halt=" + (halted ? "true" : "false"),
         &body, answer(std::move(done), any_body));
}

void ApiClient::people(const std::string& search, const std::string& before, int max_count,
                       Done<protocol::PeoplePage> done) {
    send("GET",
         "/api/v1/moderation/users?max_count=" + std::to_string(max_count) +
             query_part("search", search) + query_part("before", before),
         nullptr, answer(std::move(done), protocol::parse_people_page));
}

void ApiClient::trollboard(int max_count, Done<std::vector<protocol::TrollRow>> done) {
    send("GET", "/api/v1/trollboards/total?max_count=" + std::to_string(max_count), nullptr,
         answer(std::move(done), protocol::parse_trollboard));
}

void ApiClient::person_page(const std::string& user_id, Done<protocol::PersonPage> done) {
    send("GET", person_path(user_id), nullptr,
         answer(std::move(done), protocol::parse_person_page));
}

void ApiClient::change_person(const std::string& user_id, const nlohmann::json& change,
                              Done<protocol::Person> done) {
    send("PUT", person_path(user_id), &change, answer(std::move(done), protocol::parse_person));
}

void ApiClient::add_person_note(const std::string& user_id, const std::string& text,
                                Done<protocol::ModeratorNote> done) {
    const nlohmann::json body = {{"text", text}};
    send("POST", person_path(user_id) + "/notes", &body,
         answer(std::move(done), protocol::parse_moderator_note));
}

void ApiClient::purge_preview(const std::string& user_id, Done<protocol::PurgePlan> done) {
    send("GET", person_path(user_id) + "/purge", nullptr,
         answer(std::move(done), protocol::parse_purge_plan));
}

void ApiClient::purge(const std::string& user_id, std::size_t expect_messages,
                      Done<protocol::PurgePlan> done) {
    const nlohmann::json body = {{"expect_messages", expect_messages}};
    send("POST", person_path(user_id) + "/purge", &body,
         answer(std::move(done), protocol::parse_purge_plan));
}

void ApiClient::audit_log(const std::string& action, const std::string& before, int max_count,
                          Done<protocol::AuditPage> done) {
    send("GET",
         "/api/v1/admin/audit?max_count=" + std::to_string(max_count) +
             query_part("action", action) + query_part("before", before),
         nullptr, answer(std::move(done), protocol::parse_audit_page));
}

void ApiClient::audit_check(Done<protocol::AuditCheck> done) {
    send("GET", "/api/v1/admin/audit/verify", nullptr,
         answer(std::move(done), protocol::parse_audit_check));
}

void ApiClient::tree_status(Done<protocol::TreeStatus> done) {
    send("GET", "/api/v1/moderation/status", nullptr,
         answer(std::move(done), protocol::parse_tree_status));
}

void ApiClient::config_details(Done<std::vector<protocol::ConfigItem>> done) {
    send("GET", "/api/v1/admin/config/details", nullptr,
         answer(std::move(done), protocol::parse_config_details));
}

void ApiClient::change_config(const nlohmann::json& changes, Done<Empty> done) {
    send("PUT", "/api/v1/admin/config", &changes, answer(std::move(done), any_body));
}

void ApiClient::api_clients(Done<std::vector<protocol::ApiClientInfo>> done) {
    send("GET", "/api/v1/admin/api_clients", nullptr,
         answer(std::move(done), protocol::parse_api_clients));
}

void ApiClient::create_api_client(const std::string& description, bool trusted,
                                  Done<protocol::IssuedApiKey> done) {
    const nlohmann::json body = {{"description", description}, {"trusted", trusted}};
    send("POST", "/api/v1/admin/api_clients", &body,
         answer(std::move(done), protocol::parse_issued_api_key));
}

void ApiClient::change_api_client(const std::string& client_id, const nlohmann::json& change,
                                  Done<protocol::ApiClientInfo> done) {
    send("PUT", "/api/v1/admin/api_clients/" + encode_query_value(client_id), &change,
         answer(std::move(done), protocol::parse_api_client));
}

void ApiClient::rotate_api_client(const std::string& client_id, Done<protocol::IssuedApiKey> done) {
    const nlohmann::json body = nlohmann::json::object();
    send("POST", "/api/v1/admin/api_clients/" + encode_query_value(client_id) + "/rotate", &body,
         answer(std::move(done), protocol::parse_issued_api_key));
}

} // namespace orchard::client

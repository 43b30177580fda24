#include "protocol/account_requests.h"

namespace orchard::protocol {

namespace {

template <typename T> Parsed<T> checked(const Fields& fields, T value) {
    if (fields.problem()) return *fields.problem();
    return value;
}

} // namespace

nlohmann::json to_json(const Credentials& credentials) {
    return {{"username", credentials.username}, {"password", credentials.password}};
}

nlohmann::json to_json(const Registration& registration) {
    return {{"username", registration.username},
            {"display_name", registration.display_name},
            {"password", registration.password}};
}

nlohmann::json to_json(const GuestRequest& guest) {
    nlohmann::json json = {{"display_name", guest.display_name}};
    if (!guest.event.empty()) json["event"] = guest.event;
    return json;
}

nlohmann::json to_json(const AccountChanges& changes) {
    nlohmann::json json = nlohmann::json::object();
    if (changes.display_name) json["display_name"] = *changes.display_name;
    if (changes.show_on_leaderboard) json["show_on_leaderboard"] = *changes.show_on_leaderboard;
    if (changes.new_password) {
        json["password"] = *changes.new_password;
        json["current_password"] = changes.current_password.value_or("");
    }
    return json;
}

nlohmann::json to_json(const TaskRequest& request) {
    return {{"type", request.type}, {"lang", request.lang}, {"collective", request.collective}};
}

Parsed<Credentials> parse_credentials(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields, Credentials{fields.string_or("username"), fields.string_or("password")});
}

Parsed<Registration> parse_registration(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields,
                   Registration{fields.string_or("username"), fields.string_or("display_name"),
                                fields.string_or("password")});
}

Parsed<GuestRequest> parse_guest_request(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields,
                   GuestRequest{fields.string_or("display_name"), fields.string_or("event")});
}

Parsed<AccountChanges> parse_account_changes(const nlohmann::json& body) {
    const Fields fields(body);
    AccountChanges changes;
    if (fields.has("display_name")) changes.display_name = fields.string_or("display_name");
    if (fields.has("show_on_leaderboard"))
        changes.show_on_leaderboard = fields.bool_or("show_on_leaderboard", false);
    if (fields.has("password")) {
        changes.new_password = fields.string_or("password");
        changes.current_password = fields.string_or("current_password");
    }
    return checked(fields, std::move(changes));
}

Parsed<TaskRequest> parse_task_request(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields,
                   TaskRequest{fields.string_or("type", "random"), fields.string_or("lang", "en"),
                               fields.bool_or("collective", false)});
}

nlohmann::json to_json(const EmailSignIn& email) {
    nlohmann::json body = {{"email", email.email}};
    if (!email.language.empty()) body["language"] = email.language;
    return body;
}

nlohmann::json to_json(const EmailVerification& verification) {
    return {{"token", verification.token}};
}

Parsed<EmailSignIn> parse_email_sign_in(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields, EmailSignIn{fields.string_or("email"), fields.string_or("language")});
}

Parsed<EmailVerification> parse_email_verification(const nlohmann::json& body) {
    const Fields fields(body);
    return checked(fields, EmailVerification{fields.string_or("token")});
}

} // namespace orchard::protocol

#include "protocol/account.h"

#include "protocol/json_read.h"

namespace orchard::protocol {

namespace {

std::optional<Account> account_from(const nlohmann::json& json) {
    auto id = read_string(json, "id");
    auto display_name = read_string(json, "display_name");
    if (!id || !display_name) return std::nullopt;
    Account account;
    account.id = *id;
    account.display_name = *display_name;
    account.username = read_string(json, "username");
    account.role = read_string(json, "role").value_or("contributor");
    account.guest = read_bool(json, "guest").value_or(false);
    account.terms_accepted = read_bool(json, "terms_accepted").value_or(false);
    account.show_on_leaderboard = read_bool(json, "show_on_leaderboard").value_or(true);
    return account;
}

} // namespace

std::optional<Account> parse_account(std::string_view body) {
    auto json = parse_json(body);
    if (!json) return std::nullopt;
    return account_from(*json);
}

std::optional<SessionGrant> parse_session_grant(std::string_view body) {
    auto json = parse_json(body);
    if (!json || !json->is_object()) return std::nullopt;
    auto token = read_string(*json, "token");
    auto user = json->find("user");
    if (!token || token->empty() || user == json->end()) return std::nullopt;
    auto account = account_from(*user);
    if (!account) return std::nullopt;
    return SessionGrant{*token, *account};
}

} // namespace orchard::protocol

#include "server/domain/people_moderation.h"

#include "server/domain/accounts.h"
#include "server/domain/audit_log.h"
#include "server/domain/contributions.h"
#include "server/domain/domain_error.h"
#include "server/domain/ids.h"
#include "server/domain/optional_json.h"
#include "server/domain/rewards.h"
#include "server/store/ledger_store.h"
#include "server/store/read_connections.h"

#include <charconv>

namespace orchard::domain {

namespace {

using protocol::ErrorCode;

bool is_staff(const store::PersonRecord& person) {
    return person.role == "moderator" || person.role == "admin";
}

// The cursor of a page of people: the last row's created_ms and id.
std::string people_cursor(const store::PersonRecord& person) {
    return std::to_string(person.created_ms) + ":" + person.id;
}

std::optional<std::pair<std::int64_t, std::string>> parse_people_cursor(const std::string& text) {
    const auto colon = text.find(':');
    std::int64_t created = 0;
    const char* begin = text.data();
    if (colon == std::string::npos || colon + 1 >= text.size() ||
        std::from_chars(begin, begin + colon, created).ptr != begin + colon)
        throw DomainError(ErrorCode::InvalidCursor,
                          "The cursor '" + text + "' is not one this server gave.");
    return std::pair{created, text.substr(colon + 1)};
}

void refuse(const std::string& message) {
    throw DomainError(ErrorCode::ApiClientNotAuthorized, message);
}

} // namespace

nlohmann::json person_json(const store::PersonRecord& p) {
    nlohmann::json sign_in = nlohmann::json::array();
    if (p.has_password) sign_in.push_back("password");
    if (p.email) sign_in.push_back("email");
    for (const auto& provider : p.providers)
        sign_in.push_back("oauth:" + provider);
    return {{"id", p.id},
            {"display_name", p.display_name},
            {"username", optional_json(p.username)},
            {"email", optional_json(p.email)},
            {"auth_method", p.auth_method},
            {"api_client_id", optional_json(p.api_client_id)},
            {"external_id", p.external_id},
            {"role", p.role ? nlohmann::json(*p.role) : nlohmann::json(nullptr)},
            {"sign_in_methods", sign_in},
            // An Orchard account that cannot sign in again (docs/flag-moderation.md).
            {"guest", p.auth_method == "orchard" && sign_in.empty()},
            {"enabled", p.enabled},
            {"deleted", p.deleted},
            {"disabled_reason", optional_json(p.disabled_reason)},
            {"show_on_leaderboard", p.show_on_leaderboard},
            {"hidden_from_leaderboards", p.hidden_by_moderator},
            {"created_date", iso8601(p.created_ms)}};
}

nlohmann::json PeopleModeration::search(const std::optional<std::string>& text,
                                        const std::optional<std::string>& before, int limit) {
    const auto cursor = before ? parse_people_cursor(*before) : std::nullopt;
    const auto people = people_.search(text, cursor, limit);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& person : people)
        items.push_back(person_json(person));
    const bool more = static_cast<int>(people.size()) == limit;
    return {{"items", std::move(items)},
            {"next", more ? nlohmann::json(people_cursor(people.back())) : nullptr},
            {"order", "desc"}};
}

store::PersonRecord PeopleModeration::existing(const std::string& user_id) {
    auto person = people_.find(user_id);
    if (!person) throw DomainError(ErrorCode::UserNotFound, "There is no user " + user_id + ".");
    return *person;
}

nlohmann::json PeopleModeration::page(const std::string& user_id) {
    const auto person = existing(user_id);
    const auto counts = people_.counts(user_id);
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& note : people_.notes(user_id))
        notes.push_back({{"id", note.id},
                         {"author_id", optional_json(note.author_id)},
                         {"author_name", note.author_name},
                         {"text", note.text},
                         {"created_date", iso8601(note.created_ms)}});
    constexpr int kRecentShown = 20;
    nlohmann::json labels = nlohmann::json::array();
    for (const auto& work : people_.recent_labels(user_id, kRecentShown))
        labels.push_back({{"id", work.id},
                          {"message_id", work.message_id},
                          {"labels", stored_json(work.value)},
                          {"is_report", work.is_report},
                          {"created_date", iso8601(work.created_ms)}});
    nlohmann::json rankings = nlohmann::json::array();
    for (const auto& work : people_.recent_rankings(user_id, kRecentShown))
        rankings.push_back({{"id", work.id},
                            {"parent_message_id", work.message_id},
                            {"ranking", stored_json(work.value)},
                            {"created_date", iso8601(work.created_ms)}});
    Rewards rewards(store_.statements(), config_, now_ms_,
                    store::on_read_connection(store_.statements()));
    return {{"user", person_json(person)},
            {"counts",
             {{"messages", counts.messages},
              {"deleted_messages", counts.deleted_messages},
              {"labels", counts.labels},
              {"reports", counts.reports},
              {"rankings", counts.rankings}}},
            {"stats", rewards.user_stats(user_id)},
            {"recent_labels", labels},
            {"recent_rankings", rankings},
            {"trollboard", troll_line(store_.statements(), user_id, now_ms_)},
            {"notes", notes}};
}

std::pair<nlohmann::json, nlohmann::json> PeopleModeration::change(const std::string& user_id,
                                                                   const PersonChange& change,
                                                                   const StaffActor& actor) {
    const auto person = existing(user_id);
    const bool self = actor.user_id == user_id;
    // Every check before any change: a refused request changes nothing.
    require_may_act_on(user_id, actor);
    if (change.role) {
        if (!actor.admin) refuse("Only an admin may change roles.");
        if (person.auth_method != "orchard")
            throw bad_input("Only Orchard's own accounts have roles; a frontend's users have "
                            "their roles on that frontend.");
        if (!is_role(*change.role))
            throw bad_input("role must be \"contributor\", \"moderator\" or \"admin\".");
        if (self && *change.role != "admin")
            throw bad_input("You cannot take away your own admin role; ask another admin.");
    }
    if (self && change.enabled == false) throw bad_input("You cannot ban yourself.");
    if (self && change.hidden_from_leaderboards == true)
        throw bad_input("You cannot hide yourself from the leaderboards here; use your settings.");
    std::optional<std::string> reason;
    if (change.enabled == false) {
        reason = change.disabled_reason.value_or("");
        if (reason->find_first_not_of(" \t\r\n") == std::string::npos)
            throw bad_input("A ban needs a reason: the person is shown it.");
        if (reason->size() > kMaxReasonBytes)
            throw bad_input("The reason is longer than " + std::to_string(kMaxReasonBytes) +
                            " bytes.");
    } else if (change.disabled_reason) {
        throw bad_input("disabled_reason goes with \"enabled\": false.");
    }

    const nlohmann::json before = person_json(person);
    if (change.enabled) people_.set_enabled(user_id, *change.enabled, reason);
    if (change.hidden_from_leaderboards)
        people_.set_hidden_by_moderator(user_id, *change.hidden_from_leaderboards);
    if (change.role) people_.set_role(user_id, *change.role);
    // Banning, lifting a ban and hiding all change who the leaderboards show.
    if (change.enabled || change.hidden_from_leaderboards)
        store::LedgerStore(store_.statements()).refresh_visibility(user_id);
    return {before, person_json(existing(user_id))};
}

void PeopleModeration::require_may_act_on(const std::string& user_id, const StaffActor& actor) {
    if (is_staff(existing(user_id)) && !actor.admin)
        refuse("Only an admin may act on a moderator's or an admin's account.");
}

nlohmann::json PeopleModeration::add_note(const std::string& user_id, const std::string& text,
                                          const StaffActor& actor) {
    existing(user_id);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw bad_input("The note is empty.");
    if (text.size() > kMaxNoteBytes)
        throw bad_input("The note is longer than " + std::to_string(kMaxNoteBytes) + " bytes.");
    const auto note = people_.add_note(user_id, actor.user_id, text, now_ms_);
    return {{"id", note.id},
            {"author_id", optional_json(note.author_id)},
            {"text", note.text},
            {"created_date", iso8601(note.created_ms)}};
}

} // namespace orchard::domain

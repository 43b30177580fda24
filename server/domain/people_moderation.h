// What moderators and admins do about people (docs/moderation.md): find them, read a person's
// page (record, sign-in methods, counts, points, trollboard line, notes), ban with a reason
// shown to the person and lift the ban, hide from the leaderboards, change roles (admins only),
// and write notes for each other. Moderators act on contributors; only admins act on
// moderators and admins, and nobody bans, hides or demotes themselves.
#pragma once

#include "server/domain/config.h"
#include "server/store/people_store.h"
#include "server/store/tree_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::domain {

// Who is acting, as far as these rules go.
struct StaffActor {
    std::optional<std::string> user_id;
    bool admin = false;
};

// What one change request asks for; absent fields stay as they are.
struct PersonChange {
    std::optional<bool> enabled;
    std::optional<std::string> disabled_reason; // required when banning
    std::optional<bool> hidden_from_leaderboards;
    std::optional<std::string> role;
};

// The longest ban reason and note, in bytes.
inline constexpr std::size_t kMaxReasonBytes = 1000;
inline constexpr std::size_t kMaxNoteBytes = 4000;

nlohmann::json person_json(const store::PersonRecord& person);

class PeopleModeration {
  public:
    PeopleModeration(store::TreeStore& store, const TreeManagerConfig& config, std::int64_t now_ms)
        : store_(store), people_(store.statements()), config_(config), now_ms_(now_ms) {}

    // {items, next}: newest first; `before` is the previous page's `next`.
    nlohmann::json search(const std::optional<std::string>& text,
                          const std::optional<std::string>& before, int limit);
    // DomainError 4002 when there is no such person.
    nlohmann::json page(const std::string& user_id);
    // Applies the change; returns the person as they were and as they are now, for the audit
    // log. Refuses (and changes nothing) when any part is not allowed or not valid.
    std::pair<nlohmann::json, nlohmann::json>
    change(const std::string& user_id, const PersonChange& change, const StaffActor& actor);
    nlohmann::json add_note(const std::string& user_id, const std::string& text,
                            const StaffActor& actor);
    // DomainError 4002 when there is no such person, 403 when the actor may not act on them
    // (a moderator on a moderator or an admin).
    void require_may_act_on(const std::string& user_id, const StaffActor& actor);

  private:
    store::PersonRecord existing(const std::string& user_id);

    store::TreeStore& store_;
    store::PeopleStore people_;
    const TreeManagerConfig& config_;
    std::int64_t now_ms_;
};

} // namespace orchard::domain

// People as moderators see them (docs/moderation.md): search, a person's record and counts,
// bans, hiding from the leaderboards, roles, and moderators' notes. The only SQL for
// moderator_notes and for changing a person's standing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orchard::store {

class StatementCache;

struct PersonRecord {
    std::string id;
    std::string display_name;
    std::string auth_method; // orchard for Orchard's own accounts, else the frontend's
    std::optional<std::string> api_client_id;
    std::string external_id;
    std::optional<std::string> username; // Orchard's own accounts only
    std::optional<std::string> email;
    std::optional<std::string> role;    // Orchard's own accounts only
    std::vector<std::string> providers; // OAuth2 providers they sign in with
    bool has_password = false;
    bool enabled = true;
    bool deleted = false;
    bool show_on_leaderboard = true;
    bool hidden_by_moderator = false;
    std::optional<std::string> disabled_reason;
    std::int64_t created_ms = 0;
};

struct PersonCounts {
    std::int64_t messages = 0;
    std::int64_t deleted_messages = 0;
    std::int64_t labels = 0;
    std::int64_t reports = 0;
    std::int64_t rankings = 0;
};

// One of a person's labels or rankings, as their page lists them.
struct PersonWork {
    std::string id;
    std::string message_id; // the labelled message, or the parent whose replies were ranked
    std::string value;      // the labels as JSON, or the ranking (message ids, best first)
    bool is_report = false;
    std::int64_t created_ms = 0;
};

struct NoteRecord {
    std::int64_t id = 0;
    std::optional<std::string> author_id;
    std::string author_name;
    std::string text;
    std::int64_t created_ms = 0;
};

class PeopleStore {
  public:
    explicit PeopleStore(StatementCache& statements) : statements_(statements) {}

    // Newest first. `text` matches a part of the display name, username or e-mail, or a whole
    // id (Orchard's or the frontend's); `before` is the last row's (created_ms, id).
    std::vector<PersonRecord>
    search(const std::optional<std::string>& text,
           const std::optional<std::pair<std::int64_t, std::string>>& before, int limit);
    std::optional<PersonRecord> find(const std::string& user_id);
    PersonCounts counts(const std::string& user_id);
    // The latest first.
    std::vector<PersonWork> recent_labels(const std::string& user_id, int limit);
    std::vector<PersonWork> recent_rankings(const std::string& user_id, int limit);

    void set_enabled(const std::string& user_id, bool enabled,
                     const std::optional<std::string>& reason);
    void set_hidden_by_moderator(const std::string& user_id, bool hidden);
    void set_role(const std::string& user_id, const std::string& role);

    NoteRecord add_note(const std::string& user_id, const std::optional<std::string>& author_id,
                        const std::string& text, std::int64_t now_ms);
    // Oldest first.
    std::vector<NoteRecord> notes(const std::string& user_id);

    // The person's messages that a moderator has not deleted (in their trees, or hidden by
    // flags), oldest first.
    std::vector<std::string> purgeable_message_ids(const std::string& user_id);

  private:
    // Rows of (id, message id, value, is_report, created_ms) that `sql` selects for the person.
    std::vector<PersonWork> recent_work(const char* sql, const std::string& user_id, int limit);

    StatementCache& statements_;
};

} // namespace orchard::store

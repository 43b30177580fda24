// OAuth2 sign-ins (PROTOCOL.md §9): the ones in progress between the redirect to the provider
// and its redirect back, and which provider identity belongs to which account. The only SQL for
// the oauth_states and oauth_identities tables (AccountStore reads and deletes identities with
// their account).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace orchard::store {

class StatementCache;

// A sign-in in progress, as its start left it for the callback.
struct OAuthStateRecord {
    std::string provider;
    std::string code_verifier;
    std::string redirect_uri; // sent again with the code, as the provider requires
};

class OAuthStore {
  public:
    explicit OAuthStore(StatementCache& statements) : statements_(statements) {}

    // `state_hash` is a hash of the state; the state itself is only ever in URLs.
    void insert_state(const std::string& state_hash, const OAuthStateRecord& state,
                      std::int64_t now_ms, std::int64_t expires_ms);
    // The sign-in of that state with that provider if it has not expired; used up by this call.
    std::optional<OAuthStateRecord> use_state(const std::string& state_hash,
                                              const std::string& provider, std::int64_t now_ms);
    // Sign-ins abandoned at the provider are never called back: they go when they expire.
    void forget_expired_states(std::int64_t now_ms);

    // The account linked to the person `subject` at `provider`, if any.
    std::optional<std::string> linked_user(const std::string& provider, const std::string& subject);
    void link(const std::string& provider, const std::string& subject, const std::string& user_id,
              std::int64_t now_ms);

  private:
    StatementCache& statements_;
};

} // namespace orchard::store

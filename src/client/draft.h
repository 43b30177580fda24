// The task a person is working on and everything they entered, kept in browser storage from the
// moment the task arrives until the server confirms the submission. A reload, a crash or a lost
// connection restores it, and a retry sends the same frontend ids, so the server never stores a
// contribution twice.
#pragma once

#include "client/key_value_store.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::client {

struct Draft {
    std::string task_json;   // the task exactly as the server sent it
    std::string lang;        // the data language it was requested in
    std::string ack_id;      // the frontend id given at ack (the interaction's message_id)
    std::string reply_id;    // the frontend id of the new message (user_message_id)
    bool acked = false;      // the server confirmed the ack
    bool submitting = false; // the person pressed submit; resend after a reload
    std::string text;        // writing tasks
    std::vector<int> ranking;
    bool not_rankable = false;
    std::map<std::string, double> labels;
};

std::string to_text(const Draft& draft);
std::optional<Draft> draft_from_text(std::string_view text);

// One draft per account, so that a shared kiosk browser never shows one person's text to the next.
class DraftStore {
  public:
    explicit DraftStore(KeyValueStore& store) : store_(store) {}
    std::optional<Draft> load(const std::string& account_id) const;
    // Returns false when browser storage refused it (full or disabled).
    bool save(const std::string& account_id, const Draft& draft);
    void clear(const std::string& account_id);

  private:
    KeyValueStore& store_;
};

} // namespace orchard::client

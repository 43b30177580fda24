#include "client/draft.h"

#include "protocol/json_read.h"

namespace orchard::client {

namespace {
std::string key_for(const std::string& account_id) {
    return "orchard.draft." + account_id;
}
} // namespace

std::string to_text(const Draft& draft) {
    nlohmann::json json = {{"task", draft.task_json},
                           {"lang", draft.lang},
                           {"ack_id", draft.ack_id},
                           {"reply_id", draft.reply_id},
                           {"acked", draft.acked},
                           {"submitting", draft.submitting},
                           {"text", draft.text},
                           {"ranking", draft.ranking},
                           {"not_rankable", draft.not_rankable},
                           {"labels", draft.labels}};
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Draft> draft_from_text(std::string_view text) {
    using namespace protocol;
    auto json = parse_json(text);
    if (!json || !json->is_object()) return std::nullopt;
    Draft draft;
    auto task = read_string(*json, "task");
    auto ack_id = read_string(*json, "ack_id");
    auto reply_id = read_string(*json, "reply_id");
    if (!task || !ack_id || !reply_id) return std::nullopt;
    draft.task_json = *task;
    draft.ack_id = *ack_id;
    draft.reply_id = *reply_id;
    draft.lang = read_string(*json, "lang").value_or("en");
    draft.acked = read_bool(*json, "acked").value_or(false);
    draft.submitting = read_bool(*json, "submitting").value_or(false);
    draft.text = read_string(*json, "text").value_or("");
    draft.not_rankable = read_bool(*json, "not_rankable").value_or(false);
    if (auto it = json->find("ranking"); it != json->end() && it->is_array())
        for (const auto& index : *it)
            if (index.is_number_integer()) draft.ranking.push_back(index.get<int>());
    if (auto it = json->find("labels"); it != json->end() && it->is_object())
        for (const auto& [name, value] : it->items())
            if (value.is_number()) draft.labels[name] = value.get<double>();
    return draft;
}

std::optional<Draft> DraftStore::load(const std::string& account_id) const {
    auto text = store_.get(key_for(account_id));
    if (!text) return std::nullopt;
    return draft_from_text(*text);
}

bool DraftStore::save(const std::string& account_id, const Draft& draft) {
    return store_.set(key_for(account_id), to_text(draft));
}

void DraftStore::clear(const std::string& account_id) {
    store_.remove(key_for(account_id));
}

} // namespace orchard::client

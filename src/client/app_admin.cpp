// The tree manager's screen and the admins' API keys (docs/moderation.md): the status of the
// trees, the configuration edited with its defaults in view, and the API clients.
#include "client/app.h"
#include "i18n/translator.h"
#include "protocol/text.h"

#include <cmath>
#include <cstdlib>

namespace orchard::client {

using i18n::tr;

namespace {

// A setting as the field shows it: whole numbers without a decimal point, others as short as
// they read back the same.
std::string setting_text(const protocol::ConfigItem& item) {
    if (item.whole) return std::to_string(static_cast<long long>(std::llround(item.value)));
    return nlohmann::json(item.value).dump();
}

// The number typed, when it is one (the whole text, in the C locale's digits).
std::optional<double> number_typed(const std::string& text) {
    const std::string trimmed = protocol::trim(text);
    if (trimmed.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(trimmed.c_str(), &end);
    if (end != trimmed.c_str() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

} // namespace

void App::load_trees(double now) {
    const unsigned generation = screen_generation_;
    api_.tree_status([this, generation, now](ApiResult<protocol::TreeStatus> result) {
        if (generation != screen_generation_) return;
        auto& t = state_.trees;
        auto* status = std::get_if<protocol::TreeStatus>(&result);
        if (!status) return rewards_error(std::get<ClientError>(result), t.problem, now);
        t.status = std::move(*status);
        t.loaded = true;
    });
    if (!is_admin(state_)) return; // the configuration is the admins'
    api_.config_details(
        [this, generation, now](ApiResult<std::vector<protocol::ConfigItem>> result) {
            if (generation != screen_generation_) return;
            auto& t = state_.trees;
            auto* config = std::get_if<std::vector<protocol::ConfigItem>>(&result);
            if (!config) return rewards_error(std::get<ClientError>(result), t.problem, now);
            t.config = std::move(*config);
            forms_.config.values.clear();
            for (const auto& item : t.config)
                forms_.config.values[item.key] = setting_text(item);
        });
}

void App::save_config(double now) {
    auto& t = state_.trees;
    if (t.saving) return;
    nlohmann::json changes = nlohmann::json::object();
    for (const auto& item : t.config) {
        const auto typed = forms_.config.values.find(item.key);
        if (typed == forms_.config.values.end() || typed->second == setting_text(item)) continue;
        const auto value = number_typed(typed->second);
        if (!value) {
            t.problem = tr("trees.config.not_a_number", {{"key", item.key}});
            t.notice.clear();
            return;
        }
        if (item.whole && *value == std::floor(*value))
            changes[item.key] = static_cast<long long>(*value);
        else
            changes[item.key] = *value;
    }
    if (changes.empty()) {
        t.problem.clear();
        t.notice = tr("trees.config.unchanged");
        return;
    }
    t.saving = true;
    t.problem.clear();
    t.notice.clear();
    const unsigned generation = screen_generation_;
    api_.change_config(changes, [this, generation, now](ApiResult<Empty> result) {
        if (generation != screen_generation_) return;
        auto& shown = state_.trees;
        shown.saving = false;
        // The server's sentence says which setting and its range.
        if (auto* error = std::get_if<ClientError>(&result))
            return rewards_error(*error, shown.problem, now);
        shown.notice = tr("trees.config.saved");
        load_trees(now);
    });
}

void App::load_api_keys(double now) {
    const unsigned generation = screen_generation_;
    api_.api_clients(
        [this, generation, now](ApiResult<std::vector<protocol::ApiClientInfo>> result) {
            if (generation != screen_generation_) return;
            auto& k = state_.api_keys;
            auto* clients = std::get_if<std::vector<protocol::ApiClientInfo>>(&result);
            if (!clients) return rewards_error(std::get<ClientError>(result), k.problem, now);
            k.clients = std::move(*clients);
            k.loaded = true;
        });
}

void App::create_api_key(double now) {
    auto& k = state_.api_keys;
    const std::string description = protocol::trim(forms_.api_key.description);
    if (!k.busy.empty()) return;
    if (description.empty()) {
        k.problem = tr("api_keys.problem.description_needed");
        return;
    }
    k.busy = "new";
    k.problem.clear();
    k.notice.clear();
    const unsigned generation = screen_generation_;
    api_.create_api_client(
        description, forms_.api_key.trusted,
        [this, generation, now](ApiResult<protocol::IssuedApiKey> result) {
            if (generation != screen_generation_) return;
            auto& shown = state_.api_keys;
            shown.busy.clear();
            auto* issued = std::get_if<protocol::IssuedApiKey>(&result);
            if (!issued) return rewards_error(std::get<ClientError>(result), shown.problem, now);
            shown.clients.push_back(issued->client);
            shown.issued = std::move(*issued);
            forms_.api_key = ApiKeyForm{};
        });
}

void App::change_api_key(const std::string& client_id, const nlohmann::json& change, double now) {
    auto& k = state_.api_keys;
    if (!k.busy.empty()) return;
    k.busy = client_id;
    k.problem.clear();
    k.notice.clear();
    const unsigned generation = screen_generation_;
    api_.change_api_client(client_id, change,
                           [this, generation, now](ApiResult<protocol::ApiClientInfo> result) {
                               if (generation != screen_generation_) return;
                               auto& shown = state_.api_keys;
                               shown.busy.clear();
                               auto* client = std::get_if<protocol::ApiClientInfo>(&result);
                               if (!client)
                                   return rewards_error(std::get<ClientError>(result),
                                                        shown.problem, now);
                               for (auto& listed : shown.clients)
                                   if (listed.id == client->id) listed = *client;
                               shown.notice = tr("api_keys.notice.changed");
                           });
}

void App::set_api_key_enabled(const std::string& client_id, bool enabled, double now) {
    change_api_key(client_id, {{"enabled", enabled}}, now);
}

void App::set_api_key_trusted(const std::string& client_id, bool trusted, double now) {
    change_api_key(client_id, {{"trusted", trusted}}, now);
}

void App::ask_rotate_api_key(const std::string& client_id) {
    if (state_.api_keys.busy.empty()) state_.api_keys.confirm_rotate = client_id;
}

void App::cancel_rotate_api_key() {
    state_.api_keys.confirm_rotate.clear();
}

void App::confirm_rotate_api_key(double now) {
    auto& k = state_.api_keys;
    if (k.confirm_rotate.empty() || !k.busy.empty()) return;
    const std::string client_id = k.confirm_rotate;
    k.confirm_rotate.clear();
    k.busy = client_id;
    k.problem.clear();
    k.notice.clear();
    const unsigned generation = screen_generation_;
    api_.rotate_api_client(client_id,
                           [this, generation, now](ApiResult<protocol::IssuedApiKey> result) {
                               if (generation != screen_generation_) return;
                               auto& shown = state_.api_keys;
                               shown.busy.clear();
                               auto* issued = std::get_if<protocol::IssuedApiKey>(&result);
                               if (!issued)
                                   return rewards_error(std::get<ClientError>(result),
                                                        shown.problem, now);
                               shown.issued = std::move(*issued);
                           });
}

void App::dismiss_issued_api_key() {
    state_.api_keys.issued.reset();
}

} // namespace orchard::client

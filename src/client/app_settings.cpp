// App: the account settings screen: the display name, being shown on the leaderboards, a new
// password, signing out on every device and deleting the account (PROTOCOL.md §9,
// PUT/DELETE /api/v1/auth/me and POST /api/v1/auth/logout_all).
#include "client/app.h"

#include "i18n/translator.h"
#include "protocol/text.h"

namespace orchard::client {

using i18n::tr;

const char* to_string(SettingsSection section) {
    switch (section) {
    case SettingsSection::None:
        return "none";
    case SettingsSection::Name:
        return "name";
    case SettingsSection::Leaderboard:
        return "leaderboard";
    case SettingsSection::Password:
        return "password";
    case SettingsSection::Sessions:
        return "sessions";
    case SettingsSection::Delete:
        return "delete";
    }
    return "none";
}

void App::open_settings() {
    state_.settings = SettingsState{.opened = state_.settings.opened + 1,
                                    .password_changes = state_.settings.password_changes};
}

void App::begin_settings_change(SettingsSection section) {
    auto& s = state_.settings;
    s.busy = section;
    s.outcome = section;
    s.notice.clear();
    s.problem.clear();
}

void App::settings_error(SettingsSection section, const ClientError& error, double now) {
    auto& s = state_.settings;
    s.outcome = section;
    s.notice.clear();
    if (error.kind == ClientError::Kind::Network) {
        network_trouble(error, now);
        s.problem = tr("settings_messages.nothing_changed", {{"problem", describe(error)}});
        return;
    }
    if (!handle_common_error(error, now)) s.problem = describe(error);
}

void App::settings_answer(SettingsSection section, ApiResult<protocol::Account> result,
                          const std::string& notice, double now) {
    auto& s = state_.settings;
    if (s.busy == section) s.busy = SettingsSection::None;
    if (auto* account = std::get_if<protocol::Account>(&result)) {
        state_.account = *account;
        s.outcome = section;
        s.problem.clear();
        s.notice = notice;
        return;
    }
    settings_error(section, std::get<ClientError>(result), now);
}

void App::save_display_name(const std::string& display_name, double now) {
    if (!state_.account || state_.settings.busy != SettingsSection::None) return;
    const std::string name = protocol::trim(display_name);
    if (name.empty()) {
        begin_settings_change(SettingsSection::Name);
        state_.settings.busy = SettingsSection::None;
        state_.settings.problem = tr("settings_messages.name_missing");
        return;
    }
    begin_settings_change(SettingsSection::Name);
    const std::string user = state_.account->id;
    api_.update_me({.display_name = name},
                   [this, now, user, name](ApiResult<protocol::Account> result) {
                       if (!state_.account || state_.account->id != user) return;
                       settings_answer(SettingsSection::Name, std::move(result),
                                       tr("settings_messages.name_saved", {{"name", name}}), now);
                   });
}

void App::set_show_on_leaderboard(bool show, double now) {
    if (!state_.account || state_.settings.busy != SettingsSection::None) return;
    begin_settings_change(SettingsSection::Leaderboard);
    state_.settings.pending_show = show;
    const std::string user = state_.account->id;
    api_.update_me({.show_on_leaderboard = show}, [this, now, user,
                                                   show](ApiResult<protocol::Account> result) {
        if (!state_.account || state_.account->id != user) return;
        state_.settings.pending_show.reset();
        settings_answer(
            SettingsSection::Leaderboard, std::move(result),
            show ? tr("settings_messages.shown_again") : tr("settings_messages.not_shown"), now);
        refresh_my_stats(now); // the ranks shown in the top bar and profile follow
    });
}

void App::change_password(const std::string& current, const std::string& new_password,
                          const std::string& repeated, double now) {
    if (!state_.account || state_.settings.busy != SettingsSection::None) return;
    begin_settings_change(SettingsSection::Password);
    auto& s = state_.settings;
    s.busy = SettingsSection::None;
    if (current.empty()) {
        s.problem = tr("settings_messages.current_password_missing");
        return;
    }
    if (new_password.empty()) {
        s.problem = tr("settings_messages.new_password_missing");
        return;
    }
    if (new_password != repeated) {
        s.problem = tr("settings_messages.passwords_differ");
        return;
    }
    s.busy = SettingsSection::Password;
    const std::string user = state_.account->id;
    api_.update_me({.new_password = new_password, .current_password = current},
                   [this, now, user](ApiResult<protocol::Account> result) {
                       if (!state_.account || state_.account->id != user) return;
                       auto* error = std::get_if<ClientError>(&result);
                       if (error && error->http_status == 401) {
                           // A wrong current password and an ended session both answer 401: ask
                           // which.
                           api_.me([this, now, user](ApiResult<protocol::Account> me) {
                               if (!state_.account || state_.account->id != user) return;
                               auto& st = state_.settings;
                               st.busy = SettingsSection::None;
                               if (std::holds_alternative<protocol::Account>(me)) {
                                   st.outcome = SettingsSection::Password;
                                   st.problem = tr("settings_messages.current_password_wrong");
                                   return;
                               }
                               settings_error(SettingsSection::Password, std::get<ClientError>(me),
                                              now);
                           });
                           return;
                       }
                       const bool changed = std::holds_alternative<protocol::Account>(result);
                       settings_answer(SettingsSection::Password, std::move(result),
                                       tr("settings_messages.password_changed"), now);
                       if (changed) ++state_.settings.password_changes;
                   });
}

void App::sign_out_everywhere(double now) {
    if (!state_.account || state_.settings.busy != SettingsSection::None) return;
    begin_settings_change(SettingsSection::Sessions);
    const std::string user = state_.account->id;
    api_.logout_all([this, now, user](ApiResult<Empty> result) {
        if (!state_.account || state_.account->id != user) return;
        state_.settings.busy = SettingsSection::None;
        if (std::holds_alternative<Empty>(result)) {
            end_session("");
            state_.sign_in.notice = tr("settings_messages.signed_out_everywhere");
            return;
        }
        settings_error(SettingsSection::Sessions, std::get<ClientError>(result), now);
    });
}

void App::delete_account(double now) {
    if (!state_.account || state_.settings.busy != SettingsSection::None) return;
    begin_settings_change(SettingsSection::Delete);
    const std::string user = state_.account->id;
    api_.delete_me([this, now, user](ApiResult<Empty> result) {
        if (!state_.account || state_.account->id != user) return;
        state_.settings.busy = SettingsSection::None;
        if (std::holds_alternative<Empty>(result)) {
            drafts_.clear(user);
            end_session("");
            state_.sign_in.notice = tr("settings_messages.account_deleted");
            return;
        }
        settings_error(SettingsSection::Delete, std::get<ClientError>(result), now);
    });
}

} // namespace orchard::client

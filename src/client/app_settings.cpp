// App: the account settings screen: the display name, being shown on the leaderboards, a new
// password, signing out on every device and deleting the account (PROTOCOL.md §9,
// PUT/DELETE /api/v1/auth/me and POST /api/v1/auth/logout_all).
#include "client/app.h"

#include "protocol/text.h"

namespace orchard::client {

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
        s.problem = describe(error) + " Nothing was changed.";
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
        state_.settings.problem = "Write the name others should see, then save it.";
        return;
    }
    begin_settings_change(SettingsSection::Name);
    const std::string user = state_.account->id;
    api_.update_me({.display_name = name},
                   [this, now, user, name](ApiResult<protocol::Account> result) {
                       if (!state_.account || state_.account->id != user) return;
                       settings_answer(SettingsSection::Name, std::move(result),
                                       "Saved. You are \"" + name + "\" now.", now);
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
        settings_answer(SettingsSection::Leaderboard, std::move(result),
                        show ? "You are shown on the leaderboards again."
                             : "You are no longer shown on the leaderboards. Your points "
                               "still count and stay on your profile.",
                        now);
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
        s.problem = "Type your current password first: it shows the change comes from you.";
        return;
    }
    if (new_password.empty()) {
        s.problem = "Type the new password you want to use.";
        return;
    }
    if (new_password != repeated) {
        s.problem = "The new password and its repetition are not the same. Type the new password "
                    "twice, exactly alike.";
        return;
    }
    s.busy = SettingsSection::Password;
    const std::string user = state_.account->id;
    api_.update_me(
        {.new_password = new_password, .current_password = current},
        [this, now, user](ApiResult<protocol::Account> result) {
            if (!state_.account || state_.account->id != user) return;
            auto* error = std::get_if<ClientError>(&result);
            if (error && error->http_status == 401) {
                // A wrong current password and an ended session both answer 401: ask which.
                api_.me([this, now, user](ApiResult<protocol::Account> me) {
                    if (!state_.account || state_.account->id != user) return;
                    auto& st = state_.settings;
                    st.busy = SettingsSection::None;
                    if (std::holds_alternative<protocol::Account>(me)) {
                        st.outcome = SettingsSection::Password;
                        st.problem = "The current password is not right. Type the password you "
                                     "sign in with now, then try again.";
                        return;
                    }
                    settings_error(SettingsSection::Password, std::get<ClientError>(me), now);
                });
                return;
            }
            const bool changed = std::holds_alternative<protocol::Account>(result);
            settings_answer(SettingsSection::Password, std::move(result),
                            "Your password is changed. Use the new one the next time you sign in.",
                            now);
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
            state_.sign_in.notice = "You are signed out on every device, this one included. "
                                    "Sign in again to go on.";
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
            state_.sign_in.notice =
                "Your account is deleted. The texts you wrote stay in the conversations without "
                "your name, and your points left the leaderboards. Thank you for contributing.";
            return;
        }
        settings_error(SettingsSection::Delete, std::get<ClientError>(result), now);
    });
}

} // namespace orchard::client

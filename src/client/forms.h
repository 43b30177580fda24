// What the person is typing into the forms, kept between frames by the app rather than by the
// views, so that signing out forgets all of it (a half-typed password must not wait for the
// next person at a shared computer or kiosk) and tests can see it.
#pragma once

#include <map>
#include <string>

namespace orchard::client {

// The sign-in card's forms share their fields, so that going back and forth between them never
// empties one.
struct SignInForm {
    std::string username;
    std::string display_name;
    std::string password;
    std::string email;
};

// A guest keeping the account (dashboard and settings show the same form).
struct ClaimForm {
    std::string username;
    std::string password;
};

// The settings screen, refilled each time it opens (SettingsState::opened).
struct SettingsForm {
    unsigned opened = 0;
    unsigned password_changes = 0;
    std::string display_name;
    std::string current_password;
    std::string new_password;
    std::string repeated_password;
    bool confirm_delete = false;
    std::string delete_word;
};

// Reporting a message of the task on show.
struct ReportForm {
    std::string message_id; // empty: the form is closed
    int reason = -1;        // index of the chosen reason, -1 for none yet
    std::string details;
};

// The explorer's search box, and a moderator's edit of the chosen message.
struct ExploreForm {
    std::string query;
    std::string edit;
};

// The people screen: the search box, a ban's reason and a moderator's note on the opened person.
struct PeopleForm {
    std::string query;
    std::string ban_reason;
    std::string note;
};

// The tree manager's settings as typed, by key: filled from the configuration when it loads.
struct ConfigForm {
    std::map<std::string, std::string> values;
};

// A new API client.
struct ApiKeyForm {
    std::string description;
    bool trusted = false;
};

struct Forms {
    SignInForm sign_in;
    ClaimForm claim;
    SettingsForm settings;
    ReportForm report;
    ExploreForm explore;
    PeopleForm people;
    ConfigForm config;
    ApiKeyForm api_key;
};

} // namespace orchard::client

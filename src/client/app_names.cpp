// The names the client shows or publishes for its states, its data languages, and the
// reconnection schedule: small pure functions of app.h.
#include "client/app.h"
#include "i18n/translator.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace orchard::client {

std::string ledger_kind_text(std::string_view kind) {
    struct Name {
        std::string_view kind;
        const char* key;
    };
    static constexpr Name names[] = {
        {"prompt", "ledger.prompt"},
        {"reply_assistant", "ledger.reply_assistant"},
        {"reply_prompter", "ledger.reply_prompter"},
        {"label_simple", "ledger.label_simple"},
        {"label_full", "ledger.label_full"},
        {"ranking", "ledger.ranking"},
        {"accepted_prompt", "ledger.accepted_prompt"},
        {"accepted_reply_assistant", "ledger.accepted_reply_assistant"},
        {"accepted_reply_prompter", "ledger.accepted_reply_prompter"},
        {"reply_ranked_1", "ledger.reply_ranked_1"},
        {"reply_ranked_2", "ledger.reply_ranked_2"},
        {"reply_ranked_3", "ledger.reply_ranked_3"},
        {"ranking_good", "ledger.ranking_good"},
    };
    for (const auto& name : names)
        if (name.kind == kind) return i18n::tr(name.key);
    return spelled_out(kind);
}

std::string spelled_out(std::string_view name) {
    std::string text(name);
    std::replace(text.begin(), text.end(), '_', ' ');
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string tree_state_name(std::string_view state) {
    struct Name {
        std::string_view state;
        const char* key;
    };
    static constexpr Name names[] = {
        {"initial_prompt_review", "tree_states.initial_prompt_review"},
        {"prompt_lottery_waiting", "tree_states.prompt_lottery_waiting"},
        {"growing", "tree_states.growing"},
        {"ranking", "tree_states.ranking"},
        {"ready_for_scoring", "tree_states.ready_for_scoring"},
        {"ready_for_export", "tree_states.ready_for_export"},
        {"aborted_low_grade", "tree_states.aborted_low_grade"},
        {"halted_by_moderator", "tree_states.halted_by_moderator"},
        {"scoring_failed", "tree_states.scoring_failed"},
        {"backlog_ranking", "tree_states.backlog_ranking"},
    };
    for (const auto& name : names)
        if (name.state == state) return i18n::tr(name.key);
    return spelled_out(state);
}

const std::vector<LanguageChoice>& data_languages() {
    // The languages of Open-Assistant's data, each named in its own script (ui/text.h draws any
    // script); the server keeps each one apart.
    static const std::vector<LanguageChoice> languages = {
        {"en", "English"},    {"de", "Deutsch"},
        {"es", "Español"},    {"fr", "Français"},
        {"it", "Italiano"},   {"pt", "Português"},
        {"nl", "Nederlands"}, {"pl", "Polski"},
        {"ca", "Català"},     {"eu", "Euskara"},
        {"da", "Dansk"},      {"sv", "Svenska"},
        {"fi", "Suomi"},      {"cs", "Čeština"},
        {"hu", "Magyar"},     {"ro", "Română"},
        {"tr", "Türkçe"},     {"el", "Ελληνικά"},
        {"ru", "Русский"},    {"uk", "Українська"},
        {"vi", "Tiếng Việt"}, {"id", "Bahasa Indonesia"},
        {"ar", "العربية"},    {"fa", "فارسی"},
        {"he", "עברית"},      {"hi", "हिन्दी"},
        {"bn", "বাংলা"},      {"th", "ไทย"},
        {"zh", "中文"},       {"ja", "日本語"},
        {"ko", "한국어"},
    };
    return languages;
}

std::string data_language_for(const std::string& browser_tag) {
    std::string primary = browser_tag.substr(0, browser_tag.find_first_of("-_"));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto& language : data_languages())
        if (primary == language.code) return primary;
    return "en";
}

const char* to_string(Theme theme) {
    return theme == Theme::Dark ? "dark" : "light";
}

const char* to_string(Connection connection) {
    switch (connection) {
    case Connection::Checking:
        return "checking";
    case Connection::Connected:
        return "connected";
    case Connection::Degraded:
        return "degraded";
    case Connection::Unreachable:
        return "unreachable";
    }
    return "unknown";
}

const char* to_string(SignInMode mode) {
    switch (mode) {
    case SignInMode::Choose:
        return "choose";
    case SignInMode::Register:
        return "register";
    case SignInMode::Login:
        return "login";
    case SignInMode::Guest:
        return "guest";
    case SignInMode::Email:
        return "email";
    case SignInMode::EmailSent:
        return "email_sent";
    }
    return "unknown";
}

const char* to_string(TaskPhase phase) {
    switch (phase) {
    case TaskPhase::Requesting:
        return "requesting";
    case TaskPhase::Acking:
        return "acking";
    case TaskPhase::Working:
        return "working";
    case TaskPhase::Submitting:
        return "submitting";
    case TaskPhase::NoTask:
        return "no_task";
    case TaskPhase::Failed:
        return "failed";
    }
    return "unknown";
}

const char* to_string(PersonAction action) {
    switch (action) {
    case PersonAction::None:
        return "";
    case PersonAction::Ban:
        return "ban";
    case PersonAction::Unban:
        return "unban";
    case PersonAction::Hide:
        return "hide";
    case PersonAction::Unhide:
        return "unhide";
    case PersonAction::Role:
        return "role";
    case PersonAction::Note:
        return "note";
    case PersonAction::Purge:
        return "purge";
    }
    return "unknown";
}

double retry_delay_seconds(int failed_attempts) {
    const int exponent = std::clamp(failed_attempts - 1, 0, 5);
    return std::min(30.0, std::pow(2.0, exponent));
}

} // namespace orchard::client

// The names the client shows or publishes for its states, its data languages, and the
// reconnection schedule: small pure functions of app.h.
#include "client/app.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace orchard::client {

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

double retry_delay_seconds(int failed_attempts) {
    const int exponent = std::clamp(failed_attempts - 1, 0, 5);
    return std::min(30.0, std::pow(2.0, exponent));
}

} // namespace orchard::client

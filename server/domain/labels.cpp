#include "server/domain/labels.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <initializer_list>

namespace orchard::domain {

namespace {

std::vector<LabelDefinition> make_catalogue() {
    using W = LabelWidget;
    // Table order of PROTOCOL.md §4. The texts are worded as questions or statements a frontend
    // can show as they are, next to a yes/no choice, a checkbox or a five-step slider.
    return {
        {"spam", W::YesNo, "Is this spam?", "Intentionally low-quality, irrelevant or nonsensical.",
         false},
        {"fails_task", W::YesNo, "Does the reply fail the task?",
         "It does not do what the prompt asked for, or answers a different question.", false},
        {"lang_mismatch", W::Flag, "Wrong language",
         "Written in a language other than the one selected for this task.", false},
        {"pii", W::Flag, "Contains personal information",
         "Names, addresses, phone numbers or other details that identify a real person.", false},
        {"not_appropriate", W::Flag, "Inappropriate",
         "Not something a customer-facing assistant should say or be asked.", false},
        {"hate_speech", W::Flag, "Hate speech",
         "Abusive or threatening, or shows prejudice against a protected characteristic such as "
         "origin, religion, gender, sexual orientation or disability.",
         false},
        {"sexual_content", W::Flag, "Sexual content", "Contains sexual content.", false},
        {"moral_judgement", W::Flag, "Moral judgement",
         "Expresses a moral judgement (used in reports only).", false},
        {"political_content", W::Flag, "Political content",
         "Expresses a political view (used in reports only).", false},
        {"quality", W::Likert, "Quality", "Overall subjective quality, from low to high.", false},
        {"toxicity", W::Likert, "Toxicity", "Rude, abusive, profane or insulting.", true},
        {"humor", W::Likert, "Humor", "From serious to funny, sarcasm included.", false},
        {"helpfulness", W::Likert, "Helpfulness",
         "How much the reply helps the person who asked, from not at all to very.", false},
        {"creativity", W::Likert, "Creativity", "From ordinary to creative and original.", false},
        {"violence", W::Likert, "Violence",
         "Violence, abuse, terrorism or self-harm, or encouraging them.", true},
    };
}

constexpr std::array<double, 5> likert_steps = {0.0, 0.25, 0.5, 0.75, 1.0};
// Frontends send floats that went through JSON and maybe arithmetic; a step is a step within this.
constexpr double likert_tolerance = 1e-6;

bool is_likert_step(double value) {
    return std::any_of(likert_steps.begin(), likert_steps.end(),
                       [value](double step) { return std::abs(value - step) <= likert_tolerance; });
}

// The shortest text that reads back as the same double, so a message shows what was sent.
std::string format_number(double value) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

// Joins the pieces of a message by appending, never by prepending: GCC 12 at -O3 reports a false
// -Wrestrict for `"text" + std::string(...)`, which goes through std::string::insert.
std::string concat(std::initializer_list<std::string_view> pieces) {
    std::string text;
    for (const auto piece : pieces)
        text.append(piece);
    return text;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string joined;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) joined += ", ";
        joined += names[i];
    }
    return joined;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<LabelError> check_value(const std::string& name, double value) {
    if (!std::isfinite(value)) {
        return LabelError{
            error_invalid_label,
            concat({"The value of label '", name, "' must be a number between 0 and 1, but it is ",
                    std::isnan(value) ? "not a number." : "infinite."})};
    }
    if (value < 0.0 || value > 1.0) {
        return LabelError{error_invalid_label, concat({"The value of label '", name,
                                                       "' must be between 0 and 1, but it is ",
                                                       format_number(value), "."})};
    }
    const LabelDefinition* definition = find_label(name);
    if (definition != nullptr && definition->widget == LabelWidget::Likert &&
        !is_likert_step(value)) {
        return LabelError{error_invalid_label,
                          concat({"Label '", name,
                                  "' is rated in five steps and takes one of the values 0, 0.25, "
                                  "0.5, 0.75 and 1, but it is ",
                                  format_number(value), "."})};
    }
    return std::nullopt;
}

} // namespace

const std::vector<LabelDefinition>& all_labels() {
    static const std::vector<LabelDefinition> catalogue = make_catalogue();
    return catalogue;
}

const LabelDefinition* find_label(std::string_view name) {
    const auto& catalogue = all_labels();
    const auto found =
        std::find_if(catalogue.begin(), catalogue.end(),
                     [name](const LabelDefinition& label) { return label.name == name; });
    return found == catalogue.end() ? nullptr : &*found;
}

std::vector<std::string> valid_labels(LabeledRole role, LabelMode mode) {
    const bool assistant = role == LabeledRole::AssistantReply;
    if (mode == LabelMode::Simple) {
        // A simple task only decides acceptance (spam, lang_mismatch); replies also get a quick
        // quality rating, prompts do not since their quality is judged in the full review.
        if (role == LabeledRole::InitialPrompt) return {"spam", "lang_mismatch"};
        return {"spam", "lang_mismatch", "quality"};
    }
    std::vector<std::string> names = {"spam", "lang_mismatch"};
    if (assistant) names.emplace_back("fails_task");
    names.emplace_back("quality");
    if (assistant) names.emplace_back("helpfulness");
    for (const char* name : {"creativity", "humor", "toxicity", "violence", "not_appropriate",
                             "pii", "hate_speech", "sexual_content"}) {
        names.emplace_back(name);
    }
    return names;
}

std::vector<std::string> mandatory_labels(LabeledRole /*role*/, LabelMode /*mode*/) {
    // Spam is what acceptance is computed from, so no label task may leave it out.
    return {"spam"};
}

std::vector<std::string> report_labels() {
    return {"lang_mismatch",   "not_appropriate",   "pii", "hate_speech", "sexual_content",
            "moral_judgement", "political_content", "spam"};
}

std::optional<LabelError> validate_labels(const std::map<std::string, double>& labels,
                                          const std::vector<std::string>& valid,
                                          const std::vector<std::string>& mandatory) {
    for (const auto& [name, value] : labels) {
        if (!contains(valid, name)) {
            return LabelError{error_invalid_label,
                              concat({"'", name, "' is not a label this task accepts; it accepts: ",
                                      join_names(valid), "."})};
        }
        if (auto error = check_value(name, value)) return error;
    }
    for (const auto& name : mandatory) {
        if (labels.find(name) == labels.end()) {
            const LabelDefinition* definition = find_label(name);
            const std::string shown =
                definition != nullptr ? concat({" (\"", definition->display_text, "\")"}) : "";
            return LabelError{error_mandatory_label_missing,
                              concat({"Label '", name, "'", shown,
                                      " must be answered for this task, but it is missing."})};
        }
    }
    return std::nullopt;
}

} // namespace orchard::domain

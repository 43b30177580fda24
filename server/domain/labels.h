// The label catalogue (PROTOCOL.md §4): which labels exist, how a frontend shows them, which ones a
// label task offers and requires, and whether a submitted set of label values is acceptable. Pure
// logic, no storage and no I/O: the task and text_labels endpoints build their `valid_labels`,
// `mandatory_labels` and `labels` fields from here and check interactions with validate_labels.
//
// Values are floats in [0,1] that always mean "more of the name" (for toxicity and violence too,
// whose display alone is inverted), so that stored data reads the same way for every label.
#pragma once

#include "protocol/task.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orchard::domain {

// How a frontend asks for a label; the wire names are those of protocol::to_string.
using protocol::LabelWidget;

struct LabelDefinition {
    std::string name; // the wire name, e.g. "lang_mismatch"
    LabelWidget widget;
    std::string display_text; // what the frontend shows next to the widget
    std::string help_text;    // a longer explanation, shown on demand
    // For toxicity and violence the slider runs the other way round (the good end first, like the
    // other likert labels); the stored value still means "more toxic"/"more violent".
    bool inverted_display;
};

// Every label of the table in PROTOCOL.md §4, in table order.
const std::vector<LabelDefinition>& all_labels();

// The definition of a label by its wire name; nullptr if there is no such label.
const LabelDefinition* find_label(std::string_view name);

// The kind of message a label task is about.
enum class LabeledRole { InitialPrompt, PrompterReply, AssistantReply };

// Simple ("classify") tasks only screen for spam; full tasks also judge quality and content.
enum class LabelMode { Simple, Full };

// The label names a label task offers, in the order a frontend shows them (PROTOCOL.md §4):
//   full, prompts and prompter replies: spam, lang_mismatch, quality, creativity, humor, toxicity,
//     violence, not_appropriate, pii, hate_speech, sexual_content;
//   full, assistant replies: the same with fails_task after lang_mismatch and helpfulness after
//     quality;
//   simple: spam, lang_mismatch, and quality for replies (prompter and assistant).
std::vector<std::string> valid_labels(LabeledRole role, LabelMode mode);

// The labels a label task must answer: {"spam"} for every role and mode, since spam decides
// whether a message is accepted (PROTOCOL.md §5).
std::vector<std::string> mandatory_labels(LabeledRole role, LabelMode mode);

// The labels a report may set: lang_mismatch, not_appropriate, pii, hate_speech, sexual_content,
// moral_judgement, political_content, then spam.
std::vector<std::string> report_labels();

// Why a set of labels was refused: code 2051 (invalid label: unknown name or bad value) or 2052
// (mandatory label missing), and a sentence naming the label for the person who sent it.
struct LabelError {
    int code;
    std::string message;
};

inline constexpr int error_invalid_label = 2051;
inline constexpr int error_mandatory_label_missing = 2052;

// Checks the labels of one interaction against what its task offered: every name must be in
// `valid`; every value a finite number in [0,1]; a likert label's value one of 0, .25, .5, .75, 1
// (within 1e-6, since frontends send floats); every name of `mandatory` present. A name in `valid`
// that the catalogue does not know (a deployment may add labels) only gets the [0,1] check.
// Invalid labels are reported before missing ones, the first by name order; std::nullopt when fine.
std::optional<LabelError> validate_labels(const std::map<std::string, double>& labels,
                                          const std::vector<std::string>& valid,
                                          const std::vector<std::string>& mandatory);

} // namespace orchard::domain

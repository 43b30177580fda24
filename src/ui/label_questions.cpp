#include "ui/label_questions.h"

#include "client/task_kinds.h"
#include "i18n/translator.h"
#include "ui/focus.h"
#include "ui/fonts.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace orchard::ui {

using i18n::tr;

namespace {

// The flag whose meaning shows under the flags (`explained`): the one last pointed at, pressed
// or reached by Tab. A line on the page rather than a tooltip, so that touch screens show it too.
void draw_flag_help(const std::vector<protocol::LabelDescription>& labels,
                    const std::string& explained) {
    const auto it = std::find_if(labels.begin(), labels.end(), [&](const auto& label) {
        return label.widget == protocol::LabelWidget::Flag && label.name == explained &&
               !label.help_text.empty();
    });
    if (it == labels.end()) return;
    const std::string text = tr("labeling.flag_help", {{"label", client::label_title(*it)},
                                                       {"help", client::label_help(*it)}});
    ImGui::Dummy(ImVec2(0, 2));
    wrapped_text(fonts().body, current_palette().text_muted, text.c_str());
    widgets().track("flag_help", text);
}

using protocol::LabelDescription;
using protocol::LabelWidget;

// How a five-step scale is shown: its question and the words at its two ends (catalog keys).
// Toxicity and violence are shown turned around (how polite, how harmless), so that right is always
// "better"; the value sent still means "more of the label's name" (PROTOCOL.md §4).
struct ScaleLook {
    const char* name;
    const char* question;
    const char* left;
    const char* right;
    bool inverted;
};

constexpr ScaleLook kScales[] = {
    {"quality", "labeling.scales.quality.question", "labeling.scales.quality.left",
     "labeling.scales.quality.right", false},
    {"helpfulness", "labeling.scales.helpfulness.question", "labeling.scales.helpfulness.left",
     "labeling.scales.helpfulness.right", false},
    {"creativity", "labeling.scales.creativity.question", "labeling.scales.creativity.left",
     "labeling.scales.creativity.right", false},
    {"humor", "labeling.scales.humor.question", "labeling.scales.humor.left",
     "labeling.scales.humor.right", false},
    {"toxicity", "labeling.scales.toxicity.question", "labeling.scales.toxicity.left",
     "labeling.scales.toxicity.right", true},
    {"violence", "labeling.scales.violence.question", "labeling.scales.violence.left",
     "labeling.scales.violence.right", true},
};

const ScaleLook* scale_look(const std::string& name) {
    for (const auto& look : kScales)
        if (name == look.name) return &look;
    return nullptr;
}

void label_title(const LabelDescription& label, const char* text, bool mandatory, bool answered) {
    const Palette& p = current_palette();
    ImGui::PushFont(fonts().strong);
    text::unformatted(text);
    ImGui::PopFont();
    if (mandatory) {
        ImGui::SameLine(0, 10);
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, answered ? p.text_muted : p.warning);
        ImGui::AlignTextToFramePadding();
        text::unformatted(answered ? tr("labeling.required_answered") : tr("labeling.required"));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    if (!label.help_text.empty()) {
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        text::wrapped(client::label_help(label));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

void draw_yes_no(const LabelActions& actions, const LabelDescription& label,
                 const client::LabelAnswers& answers, float width) {
    const auto value = answers.value(label.name);
    label_title(label, client::label_title(label), answers.is_mandatory(label.name),
                value.has_value());
    const float button_w = std::min(140.0f, (width - 12) / 2);
    if (choice_button(tr("labeling.yes"), ("label_" + label.name + "_yes").c_str(),
                      value && *value > 0.5, button_w))
        actions.set(label.name, 1.0);
    ImGui::SameLine(0, 12);
    if (choice_button(tr("labeling.no"), ("label_" + label.name + "_no").c_str(),
                      value && *value < 0.5, button_w))
        actions.set(label.name, 0.0);
}

void draw_scale(const LabelActions& actions, const LabelDescription& label,
                const client::LabelAnswers& answers, float width) {
    const ScaleLook* look = scale_look(label.name);
    const auto value = answers.value(label.name);
    label_title(label, look ? tr(look->question) : client::label_title(label),
                answers.is_mandatory(label.name), value.has_value());
    const bool inverted = look && look->inverted;
    const float gap = 8;
    const float step_w = std::min(72.0f, (width - 4 * gap) / 5);
    const float row_left = ImGui::GetCursorScreenPos().x;
    for (int i = 0; i < 5; ++i) {
        // Position i on screen; the stored step counts from the other end when inverted.
        const double stored = client::kLikertSteps[inverted ? 4 - i : i];
        const bool selected = value && std::abs(*value - stored) < 0.01;
        const std::string text = std::to_string(i + 1);
        if (choice_button(text.c_str(), ("label_" + label.name + "_" + text).c_str(), selected,
                          step_w))
            actions.set(label.name, stored);
        if (i < 4) ImGui::SameLine(0, gap);
    }
    if (look) {
        const Palette& p = current_palette();
        ImGui::PushFont(fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
        const float row_w = 5 * step_w + 4 * gap;
        ImGui::SetCursorScreenPos(ImVec2(row_left, ImGui::GetCursorScreenPos().y - 6));
        const char* left = tr(look->left);
        const char* right = tr(look->right);
        text::unformatted(left);
        ImGui::SameLine(row_w - text::width(right));
        text::unformatted(right);
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

} // namespace

void draw_label_questions(const std::vector<protocol::LabelDescription>& labels,
                          const client::LabelAnswers& answers, const LabelActions& actions,
                          std::string& explained_flag, float inner) {
    // Yes/no questions and scales first, one per row; flags gathered at the end.
    for (const auto& label : labels) {
        if (label.widget == LabelWidget::Flag) continue;
        ImGui::Dummy(ImVec2(0, 4));
        if (label.widget == LabelWidget::YesNo)
            draw_yes_no(actions, label, answers, inner);
        else
            draw_scale(actions, label, answers, inner);
    }
    bool any_flag = false;
    for (const auto& label : labels)
        any_flag |= label.widget == LabelWidget::Flag;
    if (any_flag) {
        ImGui::Dummy(ImVec2(0, 4));
        ImGui::PushFont(fonts().strong);
        text::unformatted(tr("labeling.flags_question"));
        ImGui::PopFont();
        float x = 0;
        bool first = true;
        const float row_left = ImGui::GetCursorScreenPos().x;
        for (const auto& label : labels) {
            if (label.widget != LabelWidget::Flag) continue;
            const char* title = client::label_title(label);
            const bool on = answers.value(label.name).value_or(0) > 0.5;
            // As wide as its label in the font it has now (a set flag's is bold), and never
            // wider than the row: a longer label wraps inside the button.
            const float w = std::min(choice_button_width(title, on), inner);
            if (!first && x + w <= inner)
                ImGui::SameLine(0, 8);
            else if (!first)
                x = 0;
            const std::string id = "label_" + label.name;
            if (choice_button(title, id.c_str(), on, w)) {
                actions.toggle_flag(label.name);
                explained_flag = label.name;
            }
            if (ImGui::IsItemHovered() || focused_widget() == id) explained_flag = label.name;
            x = ImGui::GetItemRectMax().x - row_left + 8;
            first = false;
        }
        draw_flag_help(labels, explained_flag);
    }
}

} // namespace orchard::ui

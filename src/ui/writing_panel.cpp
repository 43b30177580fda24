#include "client/text_metrics.h"
#include "i18n/translator.h"
#include "protocol/text.h"
#include "ui/fonts.h"
#include "ui/markdown_view.h"
#include "ui/shortcuts.h"
#include "ui/task_panels.h"
#include "ui/text.h"
#include "ui/text_field.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;
using i18n::tr_count;

namespace {

// A gentle guide to length per kind of text: most good texts fall in this range of words.
struct LengthGuide {
    std::size_t low, high;
};

LengthGuide guide_for(protocol::TaskType type) {
    switch (type) {
    case protocol::TaskType::InitialPrompt:
        return {5, 150};
    case protocol::TaskType::AssistantReply:
        return {20, 350};
    default:
        return {3, 120};
    }
}

const char* placeholder_for(protocol::TaskType type) {
    switch (type) {
    case protocol::TaskType::InitialPrompt:
        return tr("writing.placeholder.prompt");
    case protocol::TaskType::AssistantReply:
        return tr("writing.placeholder.assistant_reply");
    default:
        return tr("writing.placeholder.prompter_reply");
    }
}

} // namespace

void draw_writing_panel(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& t = app.state().task;
    const Palette& p = current_palette();
    const bool busy = t.phase == client::TaskPhase::Submitting;

    if (t.reviewing || busy) {
        // The text as it will read, before it is sent.
        ImGui::PushFont(fonts().strong);
        text::unformatted(tr("writing.review_heading"));
        ImGui::PopFont();
        begin_card(width, 20);
        draw_markdown("review_preview", t.draft.text, width - 40);
        end_card();
        widgets().track("review_preview", t.draft.text);
        return;
    }

    ImGui::PushFont(fonts().strong);
    text::unformatted(t.task->type == protocol::TaskType::InitialPrompt ? tr("writing.your_prompt")
                                                                        : tr("writing.your_reply"));
    ImGui::PopFont();
    std::string text = t.draft.text;
    const float height = input.compact ? 220 : 280;
    const auto result =
        text_field("reply_editor", text, ImVec2(width, height),
                   {.kind = TextFieldKind::MultiLine,
                    .placeholder = placeholder_for(t.task->type),
                    .max_chars = 0, // over-long text stays, shown in red
                    .autofocus = true,
                    .label = tr("writing.editor_label"),
                    // Saved at every key, not at the next frame: a crash of the
                    // tab loses nothing typed.
                    .on_each_edit = [&app](const std::string& edited) { app.edit_text(edited); }});
    if (result.changed) app.edit_text(text);
    if (result.submit) app.start_review();

    // Counts: words against the guide, characters against the server's limit.
    const std::size_t words = client::count_words(app.state().task.draft.text);
    const std::size_t characters = protocol::character_count(app.state().task.draft.text);
    const LengthGuide guide = guide_for(t.task->type);
    const auto& language = i18n::active();
    const std::string line = tr_count("writing.word_count", static_cast<double>(words),
                                      {{"low", language.number(static_cast<double>(guide.low))},
                                       {"high", language.number(static_cast<double>(guide.high))}});
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    text::unformatted(line.c_str());
    ImGui::PopStyleColor();
    widgets().track("word_count", line);
    const std::size_t max = input.app.state().max_reply_characters;
    const std::string limit =
        tr_count("writing.character_count", static_cast<double>(max),
                 {{"used", language.number(static_cast<double>(characters))}});
    const float limit_w = text::width(limit.c_str());
    if (width > 520) ImGui::SameLine(width - limit_w); // right-aligned in the screen's group
    ImGui::PushStyleColor(ImGuiCol_Text, characters > max            ? p.danger
                                         : characters > max * 9 / 10 ? p.warning
                                                                     : p.text_muted);
    text::unformatted(limit.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    widgets().track("character_count", limit);
}

} // namespace orchard::ui

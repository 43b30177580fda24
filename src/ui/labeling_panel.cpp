#include "client/label_answers.h"
#include "i18n/translator.h"
#include "ui/fonts.h"
#include "ui/label_questions.h"
#include "ui/task_panels.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

#include <string>

namespace orchard::ui {

using i18n::tr;

void draw_labeling_panel(const ScreenInput& input, float width) {
    client::App& app = input.app;
    const auto& t = app.state().task;
    const auto& answers = t.answers;
    const Palette& p = current_palette();
    const float padding = input.compact ? 16 : 24;
    const float inner = width - 2 * padding;

    begin_card(width, padding);
    ImGui::PushFont(fonts().heading);
    text::unformatted(t.task->full_mode ? tr("labeling.full_review") : tr("labeling.quick_check"));
    ImGui::PopFont();
    widgets().track("label_mode", t.task->full_mode ? "full" : "simple");
    wrapped_text(fonts().body, p.text_muted,
                 t.task->full_mode ? tr("labeling.full_review_intro")
                                   : tr("labeling.quick_check_intro"));

    draw_label_questions(
        t.task->labels, answers,
        {.set = [&](const std::string& name, double value) { app.set_label(name, value); },
         .toggle_flag = [&](const std::string& name) { app.toggle_flag(name); }},
        input.view.explained_flag, inner);
    end_card();
}

} // namespace orchard::ui

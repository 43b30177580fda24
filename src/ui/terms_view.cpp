#include "ui/terms_view.h"

#include "i18n/translator.h"
#include "ui/guidelines_text.h"
#include "ui/layout.h"
#include "ui/markdown_view.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace orchard::ui {

using i18n::tr;

void draw_terms(const ScreenInput& input) {
    client::App& app = input.app;
    const Column column = content_column(input.compact);
    const float padding = input.compact ? 20 : 32;
    move_to(column, input.compact ? 16 : 40);
    begin_card(column.width, padding);
    draw_markdown("terms", guidelines_text("terms.md"), column.width - 2 * padding,
                  {.lang = i18n::active().language()});
    ImGui::Dummy(ImVec2(0, 4));
    const float inner = column.width - 2 * padding;
    const bool narrow = inner < 420;
    const char* agree = tr("terms.agree");
    if (primary_button(agree, "accept_terms", narrow ? inner : button_width(agree)))
        app.accept_terms(input.now);
    if (!narrow) ImGui::SameLine(0, 12);
    const char* decline = tr("terms.decline");
    if (secondary_button(decline, "decline_terms", narrow ? inner : button_width(decline)))
        app.sign_out();
    if (!app.state().sign_in.problem.empty()) problem_text(app.state().sign_in.problem.c_str());
    end_card();
    ImGui::Dummy(ImVec2(0, 24));
}

} // namespace orchard::ui

#include "ui/confirmation.h"

#include "ui/fonts.h"
#include "ui/shortcuts.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace orchard::ui {

void draw_confirmation(const char* question, const char* safe, const char* safe_id,
                       const char* risky, const char* risky_id, float width, bool& said_safe,
                       bool& said_risky) {
    const Palette& p = current_palette();
    begin_card(width, 20);
    wrapped_text(fonts().strong, p.warning, question);
    widgets().track("confirmation", question);
    const bool narrow = width < 480;
    const float safe_w = narrow ? width - 40 : button_width(safe, "Enter");
    const float risky_w = narrow ? width - 40 : button_width(risky);
    said_safe = primary_button(safe, "Enter", safe_id, safe_w) || shortcut_pressed(kKeyEnter) ||
                shortcut_pressed(kKeyEscape);
    if (!narrow) ImGui::SameLine(0, 12);
    said_risky = secondary_button(risky, risky_id, risky_w);
    end_card();
}

} // namespace orchard::ui

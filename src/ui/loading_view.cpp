#include "ui/loading_view.h"

#include "ui/layout.h"
#include "ui/widgets.h"

namespace orchard::ui {

void draw_loading(const ScreenInput& input) {
    (void)input; // the same for everyone, phones included
    const Column column = content_column(false);
    move_to(column, 60);
    muted_text("Signing you in…");
}

} // namespace orchard::ui

#include "ui/loading_view.h"

#include "i18n/translator.h"
#include "ui/layout.h"
#include "ui/widgets.h"

namespace orchard::ui {

using i18n::tr;

void draw_loading(const ScreenInput& input) {
    (void)input; // the same for everyone, phones included
    const Column column = content_column(false);
    move_to(column, 60);
    muted_text(tr("loading.signing_in"));
}

} // namespace orchard::ui

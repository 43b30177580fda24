// The form that reports a message to the moderators (PROTOCOL.md §4's report labels): a reason
// chosen among chips, optional details, Send and Cancel. Open while forms().report names a
// message; the task and explorer screens draw it under the messages they show.
#pragma once

#include "client/app.h"

namespace orchard::ui {

void draw_report_form(client::App& app, float width);

} // namespace orchard::ui

// window.orchard.state(): a JSON snapshot for tests and embedding hosts (ready, screen,
// frames_rendered, widgets with their CSS-pixel rectangles, ...). It only reports: acting on the
// app goes through real input events.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>

namespace orchard::platform {

// The app supplies its part of the snapshot; the platform adds frames and widgets.
void set_automation_state(std::function<nlohmann::json()> app_state);

} // namespace orchard::platform

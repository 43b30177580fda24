// ImGui's clipboard bridged to the browser's: copying writes with navigator.clipboard (falling back
// to a hidden textarea and execCommand), pasting reads the text of the page's `paste` event,
// which arrives before the frame that handles Ctrl/Cmd+V. emscripten's GLFW clipboard does nothing.
#pragma once

namespace orchard::platform {

void install_clipboard();

} // namespace orchard::platform

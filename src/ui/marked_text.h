// Text laid out word by word within a width, with some pieces marked (a search's matched words on
// a tinted background), since ImGui's wrapped text cannot change its look in mid-paragraph.
#pragma once

#include "protocol/explorer.h"

#include <imgui.h>
#include <vector>

namespace orchard::ui {

// Draws at the cursor and moves the cursor below the text.
void marked_text(const std::vector<protocol::TextSegment>& segments, ImFont* font, float width);

} // namespace orchard::ui

// Orchard's building blocks on top of ImGui: buttons with a clear primary/secondary look and
// touch-sized targets, cards, and wrapped text. Each interactive one is tracked by id for the
// automation hook.
#pragma once

#include <imgui.h>

namespace orchard::ui {

constexpr float kTouchTarget = 44; // CSS px: the smallest comfortable finger target

bool primary_button(const char* label, const char* id, float width = 0);
bool secondary_button(const char* label, const char* id, float width = 0);

// Text that wraps at the right edge of the current column.
void wrapped_text(ImFont* font, const ImVec4& colour, const char* text);

// A rounded panel whose height follows its content. Between begin_card and end_card, the cursor
// is inside the padding and text wraps at the card's inner right edge.
// `min_height` lets cards in a row share the height of the tallest.
void begin_card(float width, float padding, float min_height = 0);
void end_card();

} // namespace orchard::ui

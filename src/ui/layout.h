// The page grid every screen uses: one centred column with a readable maximum width, margins
// that shrink on phones, and vertical gaps between sections.
#pragma once

#include <imgui.h>

namespace orchard::ui {

// Below this width (CSS px) layouts use one column and smaller margins.
constexpr float kCompactWidth = 640;

struct Column {
    float x; // screen x of the column's left edge
    float width;
};

// The centred content column of the current window, at most `max_width` wide.
Column content_column(bool compact, float max_width = 760);
// Moves the cursor to the column's left edge, `y_gap` below where it is.
void move_to(const Column& column, float y_gap);

} // namespace orchard::ui

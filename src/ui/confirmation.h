// A question with two answers, asked in place of the actions before something that cannot be
// taken back (skipping typed work, removing a message).
#pragma once

namespace orchard::ui {

// `safe` first, the default: Enter and Esc choose it, so a stray key never does the risky thing;
// `risky` takes a click or a tap (or Tab to it and Enter). Drawn as a card `width` wide.
void draw_confirmation(const char* question, const char* safe, const char* safe_id,
                       const char* risky, const char* risky_id, float width, bool& said_safe,
                       bool& said_risky);

} // namespace orchard::ui

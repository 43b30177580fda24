// Orchard's building blocks on top of ImGui: buttons with a clear primary/secondary look and
// touch-sized targets, cards, and wrapped text. Each interactive one is tracked by id for the
// automation hook.
#pragma once

#include <imgui.h>
#include <string>

namespace orchard::ui {

constexpr float kTouchTarget = 44; // CSS px: the smallest comfortable finger target

bool primary_button(const char* label, const char* id, float width = 0);
bool secondary_button(const char* label, const char* id, float width = 0);
// A button with its keyboard shortcut written after the label in a quieter colour
// ("Submit  Ctrl+Enter"), so shortcuts are learned where the action is.
bool primary_button(const char* label, const char* shortcut, const char* id, float width);
bool secondary_button(const char* label, const char* shortcut, const char* id, float width);
// The width such a button needs.
float button_width(const char* label, const char* shortcut = nullptr);
// A grey-out scope: the buttons drawn while it lives draw faded and cannot be pressed. It
// remembers whether it pushed ImGui's style, so a press that changes the condition mid-scope
// (as "Send report" clearing its form did) cannot pop what was never pushed.
class DisabledScope {
  public:
    explicit DisabledScope(bool disabled);
    ~DisabledScope();
    DisabledScope(const DisabledScope&) = delete;
    DisabledScope& operator=(const DisabledScope&) = delete;

  private:
    bool pushed_;
};
// Draws `draw` (usually one button) greyed out when `disabled`; returns what it returns.
template <class Draw> auto disabled_if(bool disabled, Draw draw) {
    const DisabledScope scope(disabled);
    return draw();
}
// A toggle that shows whether it is on (filled accent) or off (outlined); returns true when
// pressed.
bool choice_button(const char* label, const char* id, bool selected, float width = 0,
                   float height = kTouchTarget);
// The width a choice_button of that label needs (its font changes when selected).
float choice_button_width(const char* label, bool selected);
// Choice buttons sized to their labels, side by side while they fit in `width`, the next one on
// a new line when not.
class ChoiceRow {
  public:
    explicit ChoiceRow(float width) : width_(width) {}
    bool add(const char* label, const char* id, bool selected);

  private:
    float width_;
    float used_ = 0;
};
// A 44 px square button with a drawn arrow (the font has no arrow glyphs).
enum class Arrow { Up, Down };
bool arrow_button(const char* id, Arrow arrow, const char* tooltip);
// Text in the accent colour that acts like a web link.
bool link_button(const char* label, const char* id);

// A tooltip by the pointer (call while the item is hovered), in any script.
void tooltip_text(const char* text);

// Lines of text in the page's roles. The title and headings are headings to assistive
// technology (levels 1 and 2), a problem is announced as an alert, a notice as a status.
void page_title(const char* text, bool compact);
void heading_text(const char* text);
void muted_text(const char* text);
void problem_text(const char* text); // something went wrong: what and what to do
void notice_text(const char* text);  // a good outcome
void field_label(const char* text);  // over a form's field, in the strong font

// Text that wraps at the right edge of the current column.
void wrapped_text(ImFont* font, const ImVec4& colour, const char* text);

// A rounded panel whose height follows its content. Between begin_card and end_card, the cursor
// is inside the padding and text wraps at the card's inner right edge.
// `min_height` lets cards in a row share the height of the tallest.
void begin_card(float width, float padding, float min_height = 0);
void end_card();
// Ends a card begun at `top` (its begin_card's cursor) `width` wide and makes the whole of it
// one control that opens something: pressed by pointer, touch or keyboard, tracked as `id`
// with `description`. The cursor is left under the card.
bool end_clickable_card(const std::string& id, ImVec2 top, float width,
                        const std::string& description);

} // namespace orchard::ui

// Pieces of the forms on several screens: a field with its button beside it (stacked on
// phones), and the danger-coloured button of an action that cannot be undone.
#pragma once

#include "ui/text_field.h"

#include <string>

namespace orchard::ui {

bool danger_button(const char* label, const char* id, float width);
// True when the button is pressed, or Enter is pressed in the field, while `ready`.
bool field_and_button(const char* field_id, std::string& text, const TextFieldOptions& options,
                      const char* button, const char* button_id, bool ready, float inner,
                      bool compact);

} // namespace orchard::ui

// A standalone test page for the HTML text fields, shown instead of the app when the page's URL
// fragment is #text-field-demo (tests/browser/text_field.test.mjs). It draws a reply text area and
// a password field with live counts under them, in the app's frame and theme.
#pragma once

namespace orchard::ui {

// Returns true when the theme toggle was pressed.
bool draw_text_field_demo();

} // namespace orchard::ui

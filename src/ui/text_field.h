// Every text entry in the client: a real HTML <textarea> or <input> laid exactly over a rectangle
// the view reserves (see platform/text_field_bridge.h for why). Immediate-mode like ImGui: call
// text_field each frame the field is shown; a field not drawn in a frame is hidden at its end,
// and its element (value, caret, scroll, undo history) waits for it under the same id.
#pragma once

#include <functional>
#include <imgui.h>
#include <string>

namespace orchard::ui {

enum class TextFieldKind { MultiLine, SingleLine, Password, Email };

struct TextFieldOptions {
    TextFieldKind kind = TextFieldKind::MultiLine;
    const char* placeholder = "";
    int max_chars = 0; // 0 = none; counted in Unicode code points like the server
    bool autofocus = false;
    const char* autocomplete = nullptr; // e.g. "username", "current-password", "new-password"
    const char* label = nullptr;        // aria-label; the placeholder when null
    // Called with the new value at every edit, as it happens and between frames: the canvas (and
    // `text`) follow an edit only a little later, when the typing pauses, so that a key costs
    // the page no more than in a plain textarea. For what must not wait, like saving a draft.
    std::function<void(const std::string&)> on_each_edit;
};

struct TextFieldResult {
    bool changed = false; // `text` holds an edit made in the element
    bool submit = false;  // Ctrl+Enter / Cmd+Enter in a text area, Enter in a single-line field
    bool escape = false;
    bool focused = false;
};

// Reserves `size` (CSS px; width 0 = available width; height 0 = 44 px for a single line, six
// lines of text for MultiLine) at the cursor, draws the field's frame (border, focus ring in the
// accent colour) and lays the HTML element exactly over it. `text` is the app's value: the
// element shows it, and edits made in the element are written back into `text`. A value the app
// sets (a restored draft, clearing after a submit) reaches the element; an edit the person made
// since the last frame wins over it.
TextFieldResult text_field(const char* id, std::string& text, ImVec2 size,
                           const TextFieldOptions& options = {});

// Focuses the field the next time it is drawn (e.g. after a screen change).
void focus_text_field(const char* id);

// Empties every field's element, drawn this frame or waiting hidden (after signing out: the
// page's inputs must not keep what the last person typed). The app's values reach the elements
// again the next time their fields are drawn.
void clear_text_fields();

} // namespace orchard::ui
